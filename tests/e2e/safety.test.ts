/**
 * The extension stays out of pages it does not know, and page content stays inert: markup in titles
 * and paragraphs shows as text in the reader and the overlay, no dialog or console line fires, and
 * no link the extension renders is `javascript:`.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openReader, paragraphs, useDemo, waitReady, type WatchedPage } from './harness.ts';
import { HOSTILE_PARAGRAPHS, HOSTILE_TITLE, hostileArticle, hostileLayout } from './hostile.ts';
import { blogPost } from './routes.ts';
import { layout0709 } from './stories.ts';

const HOSTILE_ARTICLE = '/html/2026-07/13/content_58464_66666666.htm';
const FRONT = layout0709('001');
const HOSTILE_BLOCK = '<img src=x onerror=alert("XSS-block")><b>文明身影</b>';

const demo = useDemo({
  extraRoutes: {
    '/blog/post.html': blogPost(),
    [HOSTILE_ARTICLE]: hostileArticle(),
    [FRONT.path]: hostileLayout(FRONT.titles[4], HOSTILE_BLOCK),
  },
});

/** Nothing the page content carried ran: no dialog, no XSS console line, no injected element. */
async function expectInert(watched: WatchedPage): Promise<void> {
  // Give a late onerror (image load failure) time to fire.
  await watched.page.waitForTimeout(300);
  expect(watched.dialogs).toEqual([]);
  expect(watched.console.filter((line) => line.includes('XSS'))).toEqual([]);
  expect(watched.pageErrors).toEqual([]);
  const injected = await watched.page
    .locator('#epaper-reader-root img[src="x"], #epaper-reader-root svg[onload], #epaper-reader-root script')
    .count();
  expect(injected).toBe(0);
}

/** Every link inside the extension's UI, as written in its href. */
async function extensionHrefs(page: Page): Promise<string[]> {
  return page
    .locator('#epaper-reader-root a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

describe('where the extension runs', () => {
  it('does nothing on a non-e-paper page of the same server (/blog/post.html)', async () => {
    const blog = await demo.open('/blog/post.html');
    await blog.page.waitForLoadState('load');
    // Positive control on the same server: the content script does run on a layout page…
    const paper = await demo.open(FRONT.path);
    await waitReady(paper.page, 'layout');
    // …so by now it would have run on the blog too, had it been injected there.
    expect(await blog.page.locator('#epaper-reader-root').count()).toBe(0);
    expect(await blog.page.evaluate(() => document.body.children.length)).toBe(4);
    await blog.page.close();
    await paper.page.close();
  });
});

describe('hostile page content', () => {
  it('shows markup in an article title and paragraphs as literal text in the reader', async () => {
    const watched = await demo.open(HOSTILE_ARTICLE);
    await waitReady(watched.page, 'article');
    const reader = await openReader(watched.page);
    expect(await reader.locator('[data-testid="reader-title"]').textContent()).toContain(HOSTILE_TITLE);
    const shown = (await paragraphs(watched.page)).join('\n');
    for (const p of HOSTILE_PARAGRAPHS) expect(shown).toContain(p.replace(/^　+/, ''));
    expect(shown).toContain('javascript 链接');
    for (const href of await extensionHrefs(watched.page))
      expect(href.trim().toLowerCase()).not.toMatch(/^javascript:/);
    await expectInert(watched);
    await watched.page.close();
  });

  it('shows markup in a block title as literal text in the overlay, and opens it inertly', async () => {
    const watched = await demo.open(FRONT.path);
    await waitReady(watched.page, 'layout');
    const items = watched.page.locator('[data-testid="block-item"]');
    expect(await items.nth(4).textContent()).toContain(HOSTILE_BLOCK);
    for (const href of await extensionHrefs(watched.page))
      expect(href.trim().toLowerCase()).not.toMatch(/^javascript:/);
    await expectInert(watched);
    await watched.page.close();
  });
});
