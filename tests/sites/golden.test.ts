/**
 * Golden files: every real HTML fixture read by readPage, compared with tests/golden/sites/<case>.json.
 * Regenerate only on purpose: `UPDATE_GOLDEN=1 npx vitest run --project unit tests/sites/golden.test.ts`,
 * then read the diff.
 */
import { describe, it } from 'vitest';
import { readPage } from '../../lib/sites';
import { docFromHtml } from '../helpers/dom';
import { caseDoc, hbrbFragments, HTML_CASES } from './cases';
import { jsonGolden } from '../helpers/golden';

const golden = jsonGolden('sites');

describe('golden pages', () => {
  it.each(HTML_CASES)('$name', (c) => {
    golden(c.name, readPage(caseDoc(c), c.url));
  });

  it('hbrb-2023 fragments', () => {
    const pages = hbrbFragments().map((f) => readPage(docFromHtml(f.html, f.url), f.url));
    golden('hbrb-2023-fragments', pages);
  });
});
