/**
 * Page-text mode of the reader (reader.html): paste the text of a printed page, read its articles.
 * The seed is 株洲日报 2022-02-07 A1: eight articles, the front-page story stopping at 「下转A4版」.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectQuote } from '../extension/capture/e2e-helpers.ts';
import { useDemo } from './harness.ts';
import { MARKER_WORDS } from './stories.ts';

const SEED = readFileSync(
  new URL('../fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt', import.meta.url),
  'utf8',
);

const demo = useDemo();

describe('page-text mode', () => {
  it('reads the pasted seed page as its 8 articles, each with text and no marker text', async () => {
    const page = await demo.browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
    await page.locator('[data-testid="paste"]').first().fill(SEED);
    await page.locator('[data-testid="paste-read"]').click();
    // The mode lists the page's articles (article-list) and shows the chosen one in the reader.
    const items = page.locator('[data-testid="article-list"] [data-testid="article-item"]');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(8);
    const titles = await items.allTextContents();
    const seedCompact = SEED.replace(/\s+/g, '');
    for (const t of titles) {
      expect(t.trim()).not.toBe('');
      // Each title is a headline of the seed as printed.
      expect(seedCompact).toContain(t.replace(/\s+/g, ''));
    }
    for (let i = 0; i < 8; i++) {
      await items.nth(i).locator('button').click();
      await expect
        .poll(() => page.locator('[data-testid="reader-title"]').textContent())
        .toContain(titles[i].trim());
      const shown = await page.locator('[data-testid="reader-paragraph"]').allTextContents();
      expect(shown.length, titles[i]).toBeGreaterThan(0);
      for (const p of shown) expect(p).not.toMatch(MARKER_WORDS);
    }
    // The front-page story stops at 「下转A4版」 and A4 was not pasted: a note says so.
    expect((await page.locator('[data-testid="reader-problem"]').allTextContents()).join(' ')).toMatch(/A?4/);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('shows markup in pasted text as literal text, and nothing it carries runs', async () => {
    const page = await demo.browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const title = '乡村振兴“开卷” 株洲这样作答';
    const hostileTitle = `<img src=x onerror=alert("XSS-paste")>${title}`;
    const hostileLine = '<script>alert("XSS-paste-script")</script>春节，人们跨越山海奔赴家乡。';
    const text = SEED.replace(title, hostileTitle).replace('春节，人们跨越山海奔赴家乡。', hostileLine);
    await page.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
    await page.locator('[data-testid="paste"]').first().fill(text);
    await page.locator('[data-testid="paste-read"]').click();
    // Wherever the page-text reader puts these lines (a headline or a paragraph), they read as text.
    const items = page.locator('[data-testid="article-item"]');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    let seen = '';
    for (let i = 0; i < (await items.count()); i++) {
      await items.nth(i).locator('button').click();
      seen += (await page.locator('[data-testid="reader"]').textContent()) ?? '';
    }
    expect(seen).toContain(hostileTitle);
    expect(seen).toContain(hostileLine);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    await page.close();
  });

  it('a file opened with 打开文件 is read like pasted text; the textarea has a label', async () => {
    const page = await demo.browser.context.newPage();
    await page.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
    // The textarea is named by its <label> (and described by the hint).
    const label = await page.evaluate(() => {
      const ta = document.querySelector('[data-testid="paste"]') as HTMLTextAreaElement;
      return ta.labels?.[0]?.textContent ?? '';
    });
    expect(label.trim().length).toBeGreaterThan(0);
    await page.locator('[data-testid="paste-open"]').setInputFiles({
      name: 'zhuzhou-daily-2022-02-07-A1.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(SEED, 'utf8'),
    });
    await expect
      .poll(() => page.locator('[data-testid="paste-files"] li').allTextContents())
      .toEqual(['zhuzhou-daily-2022-02-07-A1.txt']);
    await page.locator('[data-testid="paste-read"]').click();
    const items = page.locator('[data-testid="article-list"] [data-testid="article-item"]');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(8);
    await page.close();
  });

  it('highlight, clip and copy with citation work in paste mode as in the reader', async () => {
    const origin = `chrome-extension://${demo.browser.extensionId}`;
    const page = await demo.browser.context.newPage();
    await page.goto(`${origin}/reader.html`);
    await page.locator('[data-testid="paste"]').first().fill(SEED);
    await page.locator('[data-testid="paste-read"]').click();
    await page.locator('[data-testid="reader-paragraph"]').first().waitFor({ timeout: 15_000 });
    const bar = page.locator('#epaper-paste-capture [data-testid="capture-toolbar"]');
    const status = page.locator('#epaper-paste-capture [data-testid="capture-status"]');
    const paragraphs = await page.locator('[data-testid="reader-paragraph"]').allTextContents();
    const hl = paragraphs[1].trim().slice(2, 12);
    const clipQuote = paragraphs[2].trim().slice(0, 10);

    await selectQuote(page, 'page', hl);
    await bar.waitFor();
    await bar.locator('[data-testid="hl-color-green"]').click();
    await expect.poll(() => page.locator('.reader-marks > *').count()).toBeGreaterThan(0);

    await selectQuote(page, 'page', clipQuote);
    await bar.locator('[data-testid="hl-clip"]').click();
    await expect.poll(() => status.textContent()).toBeTruthy();

    // What the page writes to the clipboard (headless Chromium grants no clipboard to an extension
    // page's origin): the page's own writeText, recorded.
    await page.evaluate(() => {
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
    });
    await selectQuote(page, 'page', hl);
    await bar.locator('[data-testid="hl-copy"]').click();
    const copied = () => page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    await expect.poll(copied).toHaveLength(1);
    const [quote, cite] = (await copied())[0].split('\n');
    expect(quote).toBe(`“${hl}”`);
    // Pasted text carries no date (the 「no date」 note says so): the reference leaves it out.
    expect(cite).toBe('李军, 谭雪平, 陈志. 乡村振兴“开卷” 株洲这样作答[N]. 株洲日报(A1).');

    // Both are in the library, with the pasted page's source.
    const lib = await demo.browser.context.newPage();
    await lib.goto(`${origin}/library.html`);
    await expect
      .poll(() => lib.locator('[data-testid="row-quote"]').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([hl, expect.stringContaining(clipQuote)]));
    await lib.close();
    await page.close();
  });
});
