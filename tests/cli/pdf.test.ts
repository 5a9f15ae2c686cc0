/**
 * `epaper-reader parse page.pdf …`: real page PDFs (read in place from ../shared) and bad PDFs made at
 * test time by corrupting a real one in memory or with tests/pdf/pdf-writer.ts: encrypted, damaged,
 * truncated, image-only, 200 pages, a PDF renamed .htm. Each gives one clear problem, exit 0 (the
 * file was read; its content has the problem), nothing half-written, and no hang.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HAVE_PDF_FIXTURES, NO_PDF_FIXTURES, PDF_FIXTURES } from '../helpers/pdf-truth';
import { writePdf } from '../pdf/pdf-writer';
import { runCli, runJson, tempDir } from './run';

if (!HAVE_PDF_FIXTURES) console.warn(NO_PDF_FIXTURES);
const tmp = tempDir();
afterAll(() => tmp.remove());
const real = (name: string) => join(PDF_FIXTURES, `${name}.pdf`);
const save = (name: string, bytes: Uint8Array) => {
  writeFileSync(tmp.path(name), bytes);
  return tmp.path(name);
};
const hello = { text: [{ x: 72, y: 700, size: 12, s: 'Rural roads reach every village this year.' }] };

describe.skipIf(!HAVE_PDF_FIXTURES)('parse: real page PDFs', () => {
  it('prints the JSON of both pages and their six articles, as for HTML pages', async () => {
    const { code, json } = await runJson(['parse', real('rmrb2018010207'), real('rmrb2018010307')]);
    expect(code).toBe(0);
    expect(json.pages.map((p) => [p.paper, p.date, p.page, p.pageName, p.kind])).toEqual([
      ['人民日报', '2018-01-02', '7', '理论', 'text'],
      ['人民日报', '2018-01-03', '7', '理论', 'text'],
    ]);
    expect(json.articles.map((a) => a.title)).toEqual([
      '新时代：发展新方位 奋进新目标',
      '意气风发走进新时代',
      '深刻理解新时代划时代意义',
      '新使命：中国共产党的历史担当',
      '历史永远眷顾奋进者',
      '履行历史使命：伟大工程起决定性作用',
    ]);
    expect(json.problems).toEqual([]);
  });

  it('prints Markdown notes with a print citation (a file: URL is not where it was published)', async () => {
    const { code, stdout } = await runCli(['parse', '--format', 'md', real('rmrb2018010207')]);
    expect(code).toBe(0);
    expect(stdout).toContain('# 新时代：发展新方位 奋进新目标');
    expect(stdout).toContain('人民日报, 2018-01-02(7)');
  });

  it('reads a PDF renamed .htm as the PDF it is, and says so', async () => {
    const file = save('page.htm', readFileSync(real('rmrb2018010207')));
    const { code, json } = await runJson(['parse', file]);
    expect(code).toBe(0);
    expect(json.articles).toHaveLength(3);
    expect(json.problems).toEqual([
      { file, message: `${file} is a PDF (whatever its name says): read as one` },
    ]);
  });

  it.each([
    [
      'truncated to half',
      (b: Uint8Array) => b.subarray(0, b.length >> 1),
      'the PDF is damaged and cannot be read',
    ],
    [
      'damaged (every 97th byte flipped)',
      (b: Uint8Array) => b.map((x, i) => (i > 2000 && i % 97 === 0 ? x ^ 0x5a : x)),
      'has no text: it is blank, or its content is damaged',
    ],
  ])('a real PDF %s: one clear problem, no articles', async (_name, spoil, says) => {
    const file = save('spoilt.pdf', spoil(new Uint8Array(readFileSync(real('rmrb2018010307')))));
    const { code, json } = await runJson(['parse', file]);
    expect(code).toBe(0);
    expect(json.articles).toEqual([]);
    expect(json.problems.map((p) => p.message).join(' | ')).toContain(says);
  });
});

describe('parse: bad PDFs', () => {
  it('an encrypted PDF: "encrypted (password protected)"', async () => {
    const { json } = await runJson(['parse', save('locked.pdf', writePdf([hello], { encrypted: true }))]);
    expect(json.articles).toEqual([]);
    expect(json.problems.map((p) => p.message)).toEqual([
      'the PDF is encrypted (password protected): it cannot be read',
    ]);
  });

  it('an image-only (scanned) PDF: "no text layer: it is a scanned image"', async () => {
    const { json } = await runJson(['parse', save('scan.pdf', writePdf([{ image: true }]))]);
    expect(json.articles).toEqual([]);
    expect(json.problems.map((p) => p.message)).toContain(
      'the PDF page has no text layer: it is a scanned image, so there is no text to read',
    );
  });

  it('a 200-page PDF: the first 64 pages read, the rest named as left out, bounded time', async () => {
    const { code, json } = await runJson([
      'parse',
      save('book.pdf', writePdf(Array.from({ length: 200 }, () => hello))),
    ]);
    expect(code).toBe(0);
    expect(json.pages).toHaveLength(64);
    expect(json.pages.map((p) => p.page).slice(0, 3)).toEqual(['1', '2', '3']);
    expect(json.problems.map((p) => p.message)).toContain(
      'the PDF has 200 pages: only the first 64 were read',
    );
  });

  it('garbage after a %PDF- header: "damaged"', async () => {
    const bytes = Uint8Array.from('%PDF-1.7\n' + 'x'.repeat(4000), (c) => c.charCodeAt(0));
    const { json } = await runJson(['parse', save('junk.pdf', bytes)]);
    expect(json.problems.map((p) => p.message).join(' ')).toContain('the PDF is damaged and cannot be read');
  });
});
