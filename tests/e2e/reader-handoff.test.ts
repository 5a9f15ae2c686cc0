/**
 * 「存入 Zotero」 in the reader panel, in Chromium with the built extension over the demo paper: before
 * the article is in the library the background refuses and the panel says so, opening nothing; a
 * highlight made in the page stores the article with its page's 版名 (头版, from the page list, filled
 * in the kit); then the button opens library.html on that article with the hand-off bar focused.
 * Zotero itself is not reached here (tests/handoff/ covers the send against the stand-in).
 */
import { describe, expect, it } from 'vitest';
import { openReader, waitReady } from './harness.ts';
import { SPLIT } from './stories.ts';
import { ask, selectQuote, useDemoCopy } from '../extension/capture/e2e-helpers.ts';

const demo = useDemoCopy();
const QUOTE = SPLIT.firstParagraphs[2].slice(6, 24);

interface Stored {
  articles: Array<{ key: string; article: { parts: Array<{ page: string; name?: string }> } }>;
}

describe('「存入 Zotero」 from the reader panel', () => {
  it('is refused before the article is stored, then opens the library page on it', async () => {
    const { page, pageErrors } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await openReader(page);
    const button = page.locator('[data-testid="reader-zotero"]');
    await button.click();
    const said = page.locator('[data-testid="reader-handoff"]');
    await said.waitFor({ state: 'visible' });
    expect(await said.getAttribute('class')).toContain('error');
    expect(demo.browser.context.pages().some((p) => p.url().includes('library.html'))).toBe(false);

    // A highlight on the page stores the article (with its 版名) through the capture toolbar.
    await page.locator('[data-testid="reader-close"]').click();
    await selectQuote(page, 'page', QUOTE);
    await page.locator('[data-testid="capture-toolbar"]').waitFor({ state: 'visible' });
    await page.locator('[data-testid="hl-color-yellow"]').click();
    await page.locator('[data-testid="capture-status"]').waitFor({ state: 'visible', timeout: 10_000 });
    const ext = await demo.browser.context.newPage();
    await ext.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
    const url = new URL(SPLIT.first, demo.server.url).href;
    const r = await ask<Stored>(ext, { type: 'listForStory', keys: [], urls: [url] });
    await ext.close();
    expect(r.ok, r.error).toBe(true);
    const [stored] = (r.value as Stored).articles;
    expect(stored.article.parts.map((p) => p.name)).toEqual(['头版']);

    await openReader(page);
    const opened = demo.browser.context.waitForEvent('page');
    await button.click();
    const tab = await opened;
    await tab.waitForURL(/library\.html/);
    const q = new URL(tab.url()).searchParams;
    expect([q.get('article'), q.get('handoff')]).toEqual([stored.key, 'zotero']);
    await tab.locator('[data-testid="handoff-hint"]').waitFor({ state: 'visible' });
    expect(await tab.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('to-zotero');
    expect(await tab.locator('[data-testid="lib-row"]').count()).toBe(1);
    await said.waitFor({ state: 'visible' });
    expect(await said.getAttribute('class')).not.toContain('error');
    expect(pageErrors).toEqual([]);
    await tab.close();
    await page.close();
  });
});
