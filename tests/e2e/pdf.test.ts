/**
 * reader.html's PDF mode in Chromium: pdf.js in the extension page with its worker and GB CMaps from
 * the extension. Real page PDFs (read in place from ../shared) chosen through the file input; bad
 * PDFs made by tests/pdf/pdf-writer.ts. The time from choosing a PDF to its articles shown (the
 * first, pdf.js preloaded when the page opened or still loading, and the next) goes to
 * bench/e2e-pdf.json and from there to docs/benchmarks-browser.md (bench/browser-table.ts); it is
 * never asserted. reader.html?pdf=…&page=… (the popup's 「从本版 PDF 阅读」) gets the real PDF and a
 * demo layout page (tests/helpers/rmrb-layout.ts: the real 2018-01-02 layout page is not among the
 * fixtures) from the test server, and the layout page's image map cuts the PDF.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAVE_PDF_FIXTURES, NO_PDF_FIXTURES, PDF_FIXTURES } from '../helpers/pdf-truth.ts';
import { LAYOUT_PATH, PDF_PATH, rmrbLayoutHtml } from '../helpers/rmrb-layout.ts';
import { writePdf } from '../pdf/pdf-writer.ts';
import { useDemo } from './harness.ts';

if (!HAVE_PDF_FIXTURES) console.warn(NO_PDF_FIXTURES);
const demo = useDemo({
  extraRoutes: HAVE_PDF_FIXTURES
    ? {
        [LAYOUT_PATH]: { contentType: 'text/html; charset=utf-8', body: rmrbLayoutHtml() },
        [PDF_PATH]: {
          contentType: 'application/pdf',
          body: new Uint8Array(readFileSync(join(PDF_FIXTURES, 'rmrb2018010207.pdf'))),
        },
      }
    : {},
});
const pdf = (name: string) => ({
  name: `${name}.pdf`,
  mimeType: 'application/pdf',
  buffer: readFileSync(join(PDF_FIXTURES, `${name}.pdf`)),
});

async function openPdfMode(): Promise<{ page: Page; errors: string[] }> {
  const page = await demo.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
  await page.locator('[data-testid="pdf-input"]').waitFor();
  return { page, errors };
}

const items = (page: Page) =>
  page.locator('[data-testid="pdf-article-list"] [data-testid="pdf-article-item"]');

describe.skipIf(!HAVE_PDF_FIXTURES)('PDF mode: real page PDFs', () => {
  const shown = async (page: Page, file: ReturnType<typeof pdf>): Promise<number> => {
    const t0 = performance.now();
    await page.locator('[data-testid="pdf-input"]').setInputFiles(file);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="pdf-article-item"]').length === 3 &&
        !document.querySelector('[data-testid="pdf-busy"]'),
      null,
      { timeout: 30_000 },
    );
    return Math.round(performance.now() - t0);
  };

  it('reads a chosen page PDF into its three articles and shows each in the reader', async () => {
    // pdf.js and its worker load when reader.html opens: ready with no PDF chosen. The first PDF is
    // chosen after that (a reader takes that long to pick a file), measured in a fresh browser.
    const { page, errors } = await openPdfMode();
    await page.locator('[data-testid="pdf-drop"][data-pdfjs="ready"]').waitFor({ timeout: 30_000 });
    const preloaded = await shown(page, pdf('rmrb2018010207'));
    const next = await shown(page, { ...pdf('rmrb2018010207'), name: 'again.pdf' });
    // And chosen at once, while pdf.js is still loading (a second page: its own worker).
    const other = await openPdfMode();
    const atOnce = await shown(other.page, pdf('rmrb2018010207'));
    await other.page.close();
    const cases = [
      ['first, pdf.js and worker preloaded on opening', preloaded],
      ['first, chosen at once on opening (pdf.js still loading)', atOnce],
      ['next (worker running)', next],
    ] as const;
    writeFileSync(
      fileURLToPath(new URL('../../bench/e2e-pdf.json', import.meta.url)),
      JSON.stringify(
        {
          measured_at: new Date().toISOString(),
          cases: cases.map(([name, ms]) => ({
            name: `PDF mode: rmrb2018010207.pdf chosen → 3 articles shown, ${name}`,
            ours_ms: ms,
            target: '< 1000 ms',
          })),
        },
        null,
        2,
      ) + '\n',
    );
    expect((await items(page).allTextContents()).map((s) => s.trim())).toEqual([
      '新时代：发展新方位 奋进新目标',
      '意气风发走进新时代',
      '深刻理解新时代划时代意义',
    ]);
    for (let i = 0; i < 3; i++) {
      await items(page).nth(i).locator('button').click();
      const shown = await page.locator('[data-testid="reader-paragraph"]').allTextContents();
      expect(shown.length).toBeGreaterThan(5);
    }
    expect([...errors, ...other.errors]).toEqual([]);
    await page.close();
  });

  it('reads two PDFs chosen together: six articles', async () => {
    const { page, errors } = await openPdfMode();
    await page
      .locator('[data-testid="pdf-input"]')
      .setInputFiles([pdf('rmrb2018010207'), pdf('rmrb2018010307')]);
    await expect.poll(() => items(page).count(), { timeout: 30_000 }).toBe(6);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!HAVE_PDF_FIXTURES)('PDF mode: a layout page’s PDF, cut by its image map', () => {
  const open = async (layout: string) => {
    const page = await demo.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const q = (p: string) => encodeURIComponent(new URL(p, demo.server.url).href);
    const layoutQuery = layout ? `&page=${q(layout)}` : '';
    await page.goto(
      `chrome-extension://${demo.browser.extensionId}/reader.html?pdf=${q(PDF_PATH)}${layoutQuery}`,
    );
    await page.locator('[data-testid="pdf-output"]').waitFor({ timeout: 30_000 });
    return { page, errors };
  };

  it('reader.html?pdf=…&page=…: the articles are the two outlines of the layout page, not geometry’s three', async () => {
    demo.server.requests.length = 0;
    const { page, errors } = await open(LAYOUT_PATH);
    expect((await items(page).allTextContents()).map((s) => s.trim())).toEqual([
      '新时代：发展新方位 奋进新目标',
      '意气风发走进新时代',
    ]);
    expect(await page.locator('[data-testid="reader-problem"]').count()).toBe(0);
    // Both came from the server once, the layout page through the background (not a content script).
    expect(demo.server.requests.filter((r) => r.includes(LAYOUT_PATH))).toHaveLength(1);
    expect(demo.server.requests.filter((r) => r.includes(PDF_PATH))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a layout page that cannot be had: geometry’s three articles, and a note says why', async () => {
    const { page, errors } = await open('/rmrb/html/2018-01/02/nbs.D110000renmrb_99.htm');
    await expect.poll(() => items(page).count(), { timeout: 10_000 }).toBe(3);
    expect(await page.locator('[data-testid="reader-problem"]').allTextContents()).toEqual([
      expect.stringMatching(/无法取得版面页|could not be had/),
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('PDF mode: the GB CMaps ship with the extension', () => {
  it('reads a PDF whose Chinese font uses the predefined CMap UniGB-UCS2-H', async () => {
    const text = '乡村公路通到每个村，群众出行更方便了。';
    const { page, errors } = await openPdfMode();
    await page.locator('[data-testid="pdf-input"]').setInputFiles({
      name: 'gb.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(writePdf([{ text: [{ x: 72, y: 700, size: 12, s: text, gb: true }] }])),
    });
    await expect.poll(() => items(page).count(), { timeout: 30_000 }).toBe(1);
    await items(page).first().locator('button').click();
    expect(await page.locator('[data-testid="reader-paragraph"]').allTextContents()).toEqual([text]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('PDF mode: bad PDFs', () => {
  const hello = { text: [{ x: 72, y: 700, size: 12, s: 'Rural roads reach every village.' }] };
  it.each([
    ['locked.pdf', writePdf([hello], { encrypted: true }), /encrypted|加密/],
    ['scan.pdf', writePdf([{ image: true }]), /scanned|扫描/],
    ['page.pdf', Buffer.from('<html><body>not a pdf</body></html>'), /not a PDF|不是 PDF/],
  ])('%s: a clear message in the reader, no articles', async (name, bytes, says) => {
    const { page, errors } = await openPdfMode();
    await page
      .locator('[data-testid="pdf-input"]')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
    await page.locator('[data-testid="pdf-output"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-testid="reader-problem"]').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(says)]);
    expect(await items(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
