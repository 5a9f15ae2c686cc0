/**
 * Golden files: every real HTML fixture read by readPage, compared with tests/golden/sites/<case>.json.
 * Regenerate only on purpose: `UPDATE_GOLDEN=1 npx vitest run --project unit tests/sites/golden.test.ts`,
 * then read the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/sites';
import { docFromHtml } from '../helpers/dom';
import { caseDoc, hbrbFragments, HTML_CASES } from './cases';

const GOLDEN_DIR = fileURLToPath(new URL('../golden/sites/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, value: unknown): void {
  const path = `${GOLDEN_DIR}${name}.json`;
  const json = `${JSON.stringify(value, null, 2)}\n`;
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, json);
    return;
  }
  expect(existsSync(path), `missing golden ${name}.json: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

describe('golden pages', () => {
  it.each(HTML_CASES)('$name', (c) => {
    golden(c.name, readPage(caseDoc(c), c.url));
  });

  it('hbrb-2023 fragments', () => {
    const pages = hbrbFragments().map((f) => readPage(docFromHtml(f.html, f.url), f.url));
    golden('hbrb-2023-fragments', pages);
  });
});
