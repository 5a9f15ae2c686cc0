/**
 * Issue 10's real pages read by readPageFull, at their published URL and as a saved file with no
 * address, compared with summaries in tests/golden/breadth/ (expectations only; the pages stay in
 * ../shared). Regenerate only on purpose: UPDATE_GOLDEN=1, then read the diff.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/sites';
import { readPageTraced } from '../../lib/sites/full';
import { docFromHtml } from '../helpers/dom';
import { HAVE_SHARED, NO_SHARED, sharedText } from '../helpers/shared';
import { FILE_URL, SHARED_CASES, summary } from './breadth-cases';
import { caseDoc, hbrbFragments, HTML_CASES } from './cases';
import { jsonGolden } from '../helpers/golden';

const golden = jsonGolden('breadth');

describe.skipIf(!HAVE_SHARED)(`issue 10's real pages ${HAVE_SHARED ? '' : NO_SHARED}`, () => {
  it.each(SHARED_CASES)('$name at its URL', (c) => {
    const { page, trace } = readPageTraced(docFromHtml(sharedText(c.file), c.url), c.url);
    golden(c.name, summary(page, trace));
  });

  it.each(SHARED_CASES)('$name saved as a file without its address', (c) => {
    const { page, trace } = readPageTraced(docFromHtml(sharedText(c.file), FILE_URL), FILE_URL);
    golden(`${c.name}.file`, summary(page, trace));
  });
});

describe('readPageFull adds to readPage, never changes what it read at a page’s own URL', () => {
  it.each(HTML_CASES)('$name', (c) => {
    expect(readPageTraced(caseDoc(c), c.url).page).toEqual(readPage(caseDoc(c), c.url));
  });

  it('hbrb-2023 fragments', () => {
    for (const f of hbrbFragments())
      expect(readPageTraced(docFromHtml(f.html, f.url), f.url).page).toEqual(
        readPage(docFromHtml(f.html, f.url), f.url),
      );
  });
});

describe('the project’s own real pages saved as files', () => {
  it.each(HTML_CASES)('$name keeps its family, kind and blocks', (c) => {
    const atUrl = readPage(caseDoc(c), c.url);
    const { page } = readPageTraced(docFromHtml(sharedOrLocal(c.file), FILE_URL), FILE_URL);
    expect([page.adapter, page.kind, page.blocks.map((b) => b.title)]).toEqual([
      atUrl.adapter,
      atUrl.kind,
      atUrl.blocks.map((b) => b.title),
    ]);
    expect(page.date).toBe(atUrl.date);
  });
});

function sharedOrLocal(file: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${file}`, import.meta.url)), 'utf8');
}
