/**
 * Library journey in Chromium: a clip and a highlight saved on the demo paper's article through the
 * message protocol → the popup shows them → the library's search finds them with the match marked →
 * export downloads the expected Markdown → a backup restored into a FRESH profile shows the same library.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DemoServer } from '../../demo/server.ts';
import { localDate } from '../../lib/extension/pages/library/exporting.ts';
import { selectionMarkdown } from '../../lib/export/index.ts';
import type { Article, Clip, Highlight, StoredArticle } from '../../lib/model/index.ts';
import type { ExtensionBrowser } from './launch.ts';
import { waitReady } from './harness.ts';
import {
  firstParagraphClip,
  launchLibraryBrowser,
  openExtensionPage,
  sendFrom,
  startLibraryJourney,
} from './library-helpers.ts';
import { SPLIT } from './stories.ts';

let server: DemoServer;
let browser: ExtensionBrowser;
let fresh: ExtensionBrowser | undefined;
let article: Article;
let url: string;
let stored: StoredArticle;
let clip: Clip;
let highlight: Highlight;
let backupPath = '';

beforeAll(async () => {
  ({ server, browser, url, article } = await startLibraryJourney());
});
afterAll(async () => {
  await fresh?.close();
  await browser?.close();
  await server?.close();
});

/** Items of the library as the background lists them for the article. */
async function itemsOf(
  page: Page,
): Promise<{ article: StoredArticle; clips: Clip[]; highlights: Highlight[] }> {
  const r = await sendFrom(page, { type: 'listForArticle', articleKey: article.key });
  expect(r.ok).toBe(true);
  return r.value;
}

async function rowsText(page: Page): Promise<string[]> {
  return page.locator('[data-testid="row-quote"]').allTextContents();
}

describe('library journey', () => {
  it('saves a clip and a highlight through the message protocol, on the demo article', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    const quote = article.paragraphs[1].text.slice(0, 12);
    const c = await sendFrom(page, firstParagraphClip(article));
    expect(c.error).toBeUndefined();
    const start =
      article.paragraphs
        .slice(0, 1)
        .map((p) => p.text)
        .join('\n').length + 1;
    const h = await sendFrom(page, {
      type: 'saveHighlight',
      article,
      highlight: {
        articleKey: article.key,
        color: 'green',
        selectors: {
          exact: quote,
          prefix: '',
          suffix: '',
          start,
          end: start + quote.length,
          paragraph: 1,
          articleKey: article.key,
        },
      },
    });
    expect(h.error).toBeUndefined();
    ({
      article: stored,
      clips: [clip],
      highlights: [highlight],
    } = await itemsOf(page));
    expect(clip.source.title).toBe(SPLIT.title);
    await page.close();
  });

  it('the popup shows the article, its clip and highlight, and the recent clips', async () => {
    const page = await openExtensionPage(browser, `popup.html?url=${encodeURIComponent(url)}`);
    await page.locator('[data-testid="pop-item"]').nth(1).waitFor();
    expect(await page.locator('[data-testid="pop-article"] h2').textContent()).toBe(SPLIT.title);
    expect(await page.locator('[data-testid="pop-quote"]').allTextContents()).toEqual([
      clip.paragraphs[0],
      highlight.selectors.exact,
    ]);
    expect(await page.locator('[data-testid="pop-group-open"]').allTextContents()).toEqual([SPLIT.title]);
    expect(await page.locator('[data-testid="site-switch"]').count()).toBe(1);
    // A recent-clips line opens the library narrowed to that article.
    const [opened] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.locator('[data-testid="pop-group-open"]').click(),
    ]);
    await opened.locator('[data-testid="lib-row"]').nth(1).waitFor();
    expect(new URL(opened.url()).searchParams.get('article')).toBe(article.key);
    expect(await opened.locator('[data-testid="filter-article"]').textContent()).toContain(SPLIT.title);
    await opened.close();
    // No tab behind a popup opened as a page: jump-to says the page did not answer.
    await page.locator('[data-testid="pop-jump"]').click();
    await expect.poll(() => page.locator('[data-testid="pop-status"]').textContent()).toMatch(/\S/);
    await page.close();
  });

  it("jump-to from the popup reaches the article's tab, which places the highlight", async () => {
    const tab = await browser.context.newPage();
    await tab.goto(url);
    await waitReady(tab, 'article');
    // Without the tabs permission tab URLs are hidden: the article's tab is the one whose content
    // script answers the jump.
    const probe = await openExtensionPage(browser, 'library.html');
    const answers = await probe.evaluate(async (hid) => {
      const tabs = await chrome.tabs.query({});
      return Promise.all(
        tabs.map(async (t) => ({
          id: t.id,
          answer: await chrome.tabs.sendMessage(t.id, { type: 'jumpToHighlight', id: hid }).catch(() => null),
        })),
      );
    }, highlight.id);
    const answered = answers.filter((a) => a.answer !== null && a.answer !== undefined);
    expect(answered.map((a) => a.answer)).toEqual([{ ok: true, value: true }]);
    await probe.close();

    const popup = await openExtensionPage(
      browser,
      `popup.html?url=${encodeURIComponent(url)}&tab=${answered[0].id}`,
    );
    await popup.locator('[data-testid="pop-jump"]').click();
    // A successful jump leaves no note (a failed one says the page is not open or the text moved).
    await popup.waitForTimeout(500);
    expect(await popup.locator('[data-testid="pop-status"]').count()).toBe(0);
    await popup.close();
    await tab.close();
  });

  it('the library finds the clip by a two-character search and marks the match', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await page.locator('[data-testid="lib-row"]').nth(1).waitFor();
    const word = clip.paragraphs[0].slice(3, 5);
    await page.locator('[data-testid="lib-search"]').fill(word);
    await expect
      .poll(() => page.locator('[data-testid="library"]').getAttribute('data-search-query'))
      .toBe(word);
    const quotes = await rowsText(page);
    expect(quotes).toContain(clip.paragraphs[0]);
    const marks = await page.locator('[data-testid="row-quote"] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set([word]));
    await page.locator('[data-testid="lib-search"]').fill('这句话不在库里');
    await page.locator('[data-testid="lib-empty"]').waitFor();
    await page.close();
  });

  it('export downloads the expected Markdown of the selection', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await page.locator('[data-testid="lib-row"]').nth(1).waitFor();
    await page.locator('[data-testid="lib-row"][data-kind="clip"] [data-testid="row-select"]').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-md"]').click(),
    ]);
    const today = localDate(new Date());
    expect(download.suggestedFilename()).toBe(`epaper-reader-${today}.md`);
    const text = readFileSync(await download.path(), 'utf8');
    const expected = selectionMarkdown(
      // Only the clip row was selected: its article and the clip, no highlight.
      { articles: [stored], clips: [clip], highlights: [] },
      { marks: 'equals', style: '2015', accessed: today, exportedAt: today },
    );
    expect(text).toBe(expected);
    expect(text).toContain(`> ${clip.paragraphs[0].slice(0, 20)}`);
    expect(text).toContain(`${SPLIT.title}[N/OL]. 海南日报, 2026-07-13(1)[${today}].`);
    expect(text).toContain('芯片与脑机接口');
    await page.close();
  });

  it('a backup restored in a fresh profile shows the same library', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await page.locator('[data-testid="lib-row"]').nth(1).waitFor();
    const before = await rowsText(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="backup"]').click(),
    ]);
    backupPath = await download.path();
    expect(JSON.parse(readFileSync(backupPath, 'utf8')).counts).toEqual({
      articles: 1,
      highlights: 1,
      clips: 1,
    });
    await page.close();

    fresh = await launchLibraryBrowser();
    const other = await openExtensionPage(fresh, 'library.html');
    await other.locator('[data-testid="lib-empty"]').waitFor();
    // A damaged file is refused and changes nothing.
    const damaged = readFileSync(backupPath, 'utf8').slice(0, 200);
    await other
      .locator('[data-testid="restore-file"]')
      .setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(damaged) });
    await expect
      .poll(() => other.locator('[data-testid="lib-status"]').getAttribute('class'))
      .toContain('error');
    expect(await other.locator('[data-testid="lib-row"]').count()).toBe(0);

    await other.locator('[data-testid="restore-file"]').setInputFiles(backupPath);
    await other.locator('[data-testid="lib-row"]').nth(1).waitFor();
    expect(await rowsText(other)).toEqual(before);
    const restored = await itemsOf(other);
    expect(restored).toEqual({ article: stored, clips: [clip], highlights: [highlight] });
    await other.close();
  });
});
