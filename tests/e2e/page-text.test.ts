/**
 * Page-text mode of the reader (reader.html): paste the text of a printed page, read its articles.
 * The seed is 株洲日报 2022-02-07 A1: eight articles, the front-page story stopping at 「下转A4版」.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
});
