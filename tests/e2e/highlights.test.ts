/**
 * Highlight and clip journeys on the demo paper (issue 4), in Chromium with the built extension:
 * a highlight made on an article page survives a reload; one made in the stitched reader shows on
 * the original page of its part (and back); a clip is in the database with its full source; both
 * survive a browser restart on the same profile; a page whose text changed lists the highlight as
 * "not found on this page" and loses nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openReader, waitReady } from './harness.ts';
import { SPLIT } from './stories.ts';
import {
  ask,
  drawnTexts,
  readerMarks,
  registry,
  selectQuote,
  useDemoCopy,
  waitReaderMark,
} from '../extension/capture/e2e-helpers.ts';

const demo = useDemoCopy();

/** A quote from the middle of a story paragraph (as published), away from any 下转/上接 line. */
function quoteFrom(paragraph: string, from = 6, length = 18): string {
  return paragraph.slice(from, from + length);
}

const PAGE_QUOTE = quoteFrom(SPLIT.firstParagraphs[2]);
const READER_QUOTE = quoteFrom(SPLIT.secondParagraphs[3]);
const PAGE2_QUOTE = quoteFrom(SPLIT.secondParagraphs[5], 4, 14);
const CLIPPED = SPLIT.firstParagraphs[3];

interface Items {
  articles: Array<{ key: string; urls: string[] }>;
  highlights: Array<{ id: string; color: string; articleKey: string; selectors: { exact: string } }>;
  clips: Array<{
    paragraphs: string[];
    paragraphIndexes: number[];
    note: string;
    tags: string[];
    source: Record<string, unknown>;
  }>;
}

/** The story's items as the library holds them, read through an extension page. */
async function libraryItems(): Promise<Items> {
  const ext = await demo.browser.context.newPage();
  await ext.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
  const urls = [SPLIT.first, SPLIT.second].map((p) => new URL(p, demo.server.url).href);
  const r = await ask<Items>(ext, { type: 'listForStory', keys: [], urls });
  await ext.close();
  expect(r.ok, r.error).toBe(true);
  return r.value as Items;
}

async function waitDrawn(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      Number(
        (performance.getEntriesByName('epaper:anchor').at(-1) as PerformanceMeasure | undefined)?.detail
          ?.drawn ?? -1,
      ) >= n,
    atLeast,
    { timeout: 15_000 },
  );
}

async function clickTool(page: Page, testid: string): Promise<void> {
  await page.locator(`[data-testid="${testid}"]`).click();
  await page.locator('[data-testid="capture-status"]').waitFor({ state: 'visible', timeout: 10_000 });
}

describe('highlights and clips on the demo paper', () => {
  it('highlights a selection on an article page, and it is drawn again after a reload', async () => {
    const { page, pageErrors } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    // Capture is up once it has drawn the story's (no) highlights.
    await waitDrawn(page, 0);
    // A page script selecting text and faking a mouseup gets no toolbar (not a trusted event).
    await page.evaluate((quote) => {
      const p = [...document.querySelectorAll('p')].find((x) => x.textContent?.includes(quote));
      const text = p?.firstChild as Text;
      const at = text.data.indexOf(quote);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + quote.length);
      document.getSelection()?.addRange(range);
      document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: 10, clientY: 10 }));
    }, PAGE_QUOTE);
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid="capture-toolbar"]').count()).toBe(0);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());

    await selectQuote(page, 'page', PAGE_QUOTE);
    await page.locator('[data-testid="capture-toolbar"]').waitFor({ state: 'visible' });
    await clickTool(page, 'hl-color-yellow');
    expect(await page.locator('[data-testid="capture-status"]').textContent()).not.toMatch(/:|：/);
    expect(await drawnTexts(page)).toEqual([PAGE_QUOTE]);

    await page.reload();
    await waitReady(page, 'article');
    await waitDrawn(page, 1);
    expect(await registry(page)).toMatchObject({ 'epaper-yellow': 1 });
    expect(await drawnTexts(page)).toEqual([PAGE_QUOTE]);
    // The page's text was not touched: no element was wrapped around the quote.
    expect(await page.locator('founder-content mark, founder-content span').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a highlight made in the stitched reader shows on the original page of its part', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await openReader(page);
    await selectQuote(page, 'reader', READER_QUOTE);
    await clickTool(page, 'hl-color-green');
    // Drawn in the reader at once, as boxes inside the shadow root: never in the document's
    // CSS.highlights, where the page's script could follow the range into our closed root.
    expect(await readerMarks(page)).toContain('green');
    expect(await drawnTexts(page, 'epaper-green')).toEqual([]);
    await page.close();

    const { page: part2 } = await demo.open(SPLIT.second);
    await waitReady(part2, 'article');
    await waitDrawn(part2, 1);
    expect(await drawnTexts(part2, 'epaper-green')).toEqual([READER_QUOTE]);
    expect(await part2.locator('[data-testid="orphan"]').count()).toBe(0);

    // …and the other way round: a highlight made on part 2's page shows in the reader opened on part 1.
    await selectQuote(part2, 'page', PAGE2_QUOTE);
    await clickTool(part2, 'hl-color-blue');
    await part2.close();
    const { page: again } = await demo.open(SPLIT.first);
    await waitReady(again, 'article');
    await openReader(again);
    await waitReaderMark(again, 'blue');
    expect(await drawnTexts(again, 'epaper-blue')).toEqual([]);
    // Part 1's own highlight is drawn twice: on the page (registry) and in the reader over it (boxes).
    expect(await drawnTexts(again, 'epaper-yellow')).toEqual([PAGE_QUOTE]);
    expect(await readerMarks(again)).toContain('yellow');
    await again.close();
  });

  it('clips the paragraph a selection touches, with the full source, in the database', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await openReader(page);
    await selectQuote(page, 'reader', quoteFrom(CLIPPED, 3, 10));
    // A note and tags typed in the toolbar's note box go with the clip.
    await page.locator('[data-testid="hl-note"]').click();
    await page.locator('[data-testid="hl-note-input"]').fill('芯片的尺寸');
    await page.locator('[data-testid="hl-tags"]').fill('芯片，三亚');
    await clickTool(page, 'hl-clip');
    await page.close();

    const items = await libraryItems();
    expect(items.clips).toHaveLength(1);
    const clip = items.clips[0];
    expect(clip.paragraphs).toEqual([CLIPPED.trim()]);
    expect(clip.paragraphIndexes).toHaveLength(1);
    expect(clip).toMatchObject({ note: '芯片的尺寸', tags: ['芯片', '三亚'] });
    expect(clip.source).toMatchObject({
      paper: '海南日报',
      date: '2026-07-13',
      title: SPLIT.title,
      pages: expect.arrayContaining(['1', '2']),
    });
    const urls = (clip.source.urls as string[]).map((u) => new URL(u).pathname);
    expect(urls).toEqual([SPLIT.first, SPLIT.second]);
    expect((clip.source.bylines as string[]).join(' ')).toContain('黄媛艳');
    expect(items.highlights.map((h) => h.color).sort()).toEqual(['blue', 'green', 'yellow']);
  });

  it('the context menu / keyboard command path and the popup’s jump reach the tab’s content script', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await waitDrawn(page, 1);
    const quote = quoteFrom(SPLIT.firstParagraphs[4], 2, 12);
    await selectQuote(page, 'page', quote);
    // What the background does on a menu click or Alt+Shift+H: a captureSelection message to the tab.
    const ext = await demo.browser.context.newPage();
    await ext.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
    const toTabs = (message: Record<string, unknown>) =>
      ext.evaluate(async (m) => {
        const c = (globalThis as unknown as { chrome: any }).chrome;
        const tabs: Array<{ id?: number }> = await c.tabs.query({});
        const answers = await Promise.all(
          tabs.map((t) => (t.id === undefined ? null : c.tabs.sendMessage(t.id, m).catch(() => null))),
        );
        return answers.filter((a) => a !== null && a !== undefined);
      }, message);
    expect(await toTabs({ type: 'captureSelection', action: 'highlight', color: 'pink' })).toEqual([
      { ok: true, value: null },
    ]);
    await ext.close();
    expect(await drawnTexts(page, 'epaper-pink')).toEqual([quote]);
    const pink = (await libraryItems()).highlights.find((h) => h.color === 'pink');
    expect(pink?.selectors.exact).toBe(quote);

    // The popup's 「跳到原文」: the page scrolls to it and flashes it.
    const ext2 = await demo.browser.context.newPage();
    await ext2.goto(`chrome-extension://${demo.browser.extensionId}/reader.html`);
    const jumped = await ext2.evaluate(async (id) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const tabs: Array<{ id?: number }> = await c.tabs.query({});
      const answers = await Promise.all(
        tabs.map((t) => c.tabs.sendMessage(t.id, { type: 'jumpToHighlight', id }).catch(() => null)),
      );
      return answers.filter((a) => a);
    }, pink?.id);
    await ext2.close();
    expect(jumped).toEqual([{ ok: true, value: true }]);
    expect(await drawnTexts(page, 'epaper-flash')).toEqual([quote]);
    await page.close();
  });

  it('keeps highlights and clips across a browser restart on the same profile', async () => {
    await demo.relaunch();
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await waitDrawn(page, 1);
    expect(await drawnTexts(page)).toEqual([PAGE_QUOTE]);
    await page.close();
    const items = await libraryItems();
    expect(items.highlights.map((h) => h.color).sort()).toEqual(['blue', 'green', 'pink', 'yellow']);
    expect(items.clips).toHaveLength(1);
  });

  it('an edit or a delete in one tab redraws every open view of the story', async () => {
    const { page: part2 } = await demo.open(SPLIT.second);
    await waitReady(part2, 'article');
    await waitDrawn(part2, 2);
    const { page: other } = await demo.open(SPLIT.first);
    await waitReady(other, 'article');
    await openReader(other);
    await waitReaderMark(other, 'green');
    // A click on the drawn highlight (a trusted click: CSS highlights are not elements) opens its toolbar.
    const at = await part2.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const range = [...(reg.get('epaper-green') ?? [])][0];
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await part2.mouse.click(at.x, at.y);
    await part2.locator('[data-testid="hl-delete"]').waitFor({ state: 'visible' });
    await clickTool(part2, 'hl-color-purple');
    const colours = (page: Page) =>
      page.evaluate(() =>
        [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.keys()].sort(),
      );
    // The other tab hears libraryChanged from the background and redraws in the new colour.
    await waitReaderMark(other, 'purple');
    expect(await readerMarks(other)).not.toContain('green');

    // The toolbar fades 1.5 s after a save: click the highlight again to delete it.
    await part2.keyboard.press('Escape');
    await part2.mouse.click(at.x, at.y);
    await part2.locator('[data-testid="hl-delete"]').click();
    await waitReaderMark(other, 'purple', false);
    expect(await colours(part2)).not.toContain('epaper-purple');
    expect((await libraryItems()).highlights.map((h) => h.selectors.exact)).not.toContain(READER_QUOTE);
    await part2.close();
    await other.close();
  });

  it('lists a highlight whose text the site changed as "not found on this page", and loses nothing', async () => {
    const original = demo.server.site.get(SPLIT.first);
    expect(original).toBeDefined();
    const html = String(original?.body);
    expect(html).toContain(PAGE_QUOTE);
    // The site rewrote the sentence: the quote is gone from the page (a one-word change is re-found fuzzily).
    demo.server.setRoute(SPLIT.first, {
      contentType: 'text/html; charset=utf-8',
      body: html.replace(SPLIT.firstParagraphs[2].trim(), '这段文字已经被网站改写，原来的句子不见了。'),
    });
    try {
      const { page } = await demo.open(SPLIT.first);
      await waitReady(page, 'article');
      const orphan = page.locator('[data-testid="orphan"]');
      await orphan.first().waitFor({ state: 'attached', timeout: 15_000 });
      // Only part 1's own highlight: the reader's green one lies in part 2 and is not expected here.
      expect(await orphan.locator('q').allTextContents()).toEqual([PAGE_QUOTE]);
      expect(await drawnTexts(page)).toEqual([]);
      await page.close();
      const items = await libraryItems();
      expect(items.highlights.map((h) => h.selectors.exact)).toContain(PAGE_QUOTE);
    } finally {
      demo.server.setRoute(SPLIT.first, undefined);
    }
  });
});
