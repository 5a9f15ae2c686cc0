/**
 * reader.html's PDF mode in Firefox ESR (Debian's firefox-esr over WebDriver BiDi, tests/e2e/firefox.ts):
 * pdf.js's legacy build with its worker and GB CMaps from moz-extension://, the real 2018-01-02 page
 * PDF (read in place from ../shared) given to the file input as a File. Needs firefox-esr (`.ci/run`
 * installs it); without it the file fails with that sentence, like the other Firefox files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_PDF_FIXTURES, NO_PDF_FIXTURES, PDF_FIXTURES } from '../helpers/pdf-truth.ts';
import { launchFirefoxForPages, until, type FirefoxSession } from './firefox.ts';

if (!HAVE_PDF_FIXTURES) console.warn(NO_PDF_FIXTURES);

describe.skipIf(!HAVE_PDF_FIXTURES)('Firefox: reader.html PDF mode', () => {
  let ff: FirefoxSession;
  beforeAll(async () => {
    ff = await launchFirefoxForPages();
  }, 180_000);
  afterAll(async () => {
    await ff?.close();
  });

  it('reads a chosen page PDF into its three articles', async () => {
    await ff.goto(ff.extensionUrl('reader.html'));
    // The page renders once its settings are read from storage.local.
    await until<boolean>(ff, `!!document.querySelector('[data-testid="pdf-input"]')`, Boolean);
    const b64 = readFileSync(join(PDF_FIXTURES, 'rmrb2018010207.pdf')).toString('base64');
    // The file input gets a File as a user's choice gives it (BiDi has no file chooser here).
    await ff.evaluate(`(() => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(b64)}), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'rmrb2018010207.pdf', { type: 'application/pdf' }));
      const input = document.querySelector('[data-testid="pdf-input"]');
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    })()`);
    const titles = await until<string[]>(
      ff,
      `[...document.querySelectorAll('[data-testid="pdf-article-item"]')].map((e) => e.textContent.trim())`,
      (v) => v.length === 3,
      30_000,
    );
    expect(titles).toEqual([
      '新时代：发展新方位 奋进新目标',
      '意气风发走进新时代',
      '深刻理解新时代划时代意义',
    ]);
    const problems = await ff.evaluate<string[]>(
      `[...document.querySelectorAll('[data-testid="reader-problem"]')].map((e) => e.textContent)`,
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
