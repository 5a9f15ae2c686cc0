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
  it('reads the pasted seed page as its 8 articles, with no marker text in the paragraphs', async () => {
    const page = await demo.browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
    await page.locator('[data-testid="paste"]').first().fill(SEED);
    await page.locator('[data-testid="paste-read"]').click();
    const titles = page.locator('[data-testid="reader-title"]');
    await expect.poll(() => titles.count(), { timeout: 15_000 }).toBe(8);
    const texts = await titles.allTextContents();
    expect(texts.every((t) => t.trim() !== '')).toBe(true);
    // Each title is a line of the seed as printed.
    for (const t of texts) expect(SEED.replace(/\s+/g, '')).toContain(t.replace(/\s+/g, ''));
    const shown = await page.locator('[data-testid="reader-paragraph"]').allTextContents();
    expect(shown.length).toBeGreaterThan(8);
    for (const p of shown) expect(p).not.toMatch(MARKER_WORDS);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
