/**
 * 「发送到 Obsidian」 in Chromium: a clip saved on the demo article through the message protocol,
 * then on the library page the note goes to the real clipboard (read back from a web page given clipboard-read) and
 * the obsidian://new link names the vault and file; then 「写入 Obsidian 文件夹」 writes into a real
 * folder handle. The folder is the page's origin-private file system (navigator.storage.getDirectory),
 * handed over by a STAND-IN for showDirectoryPicker, because Playwright cannot answer the picker's
 * dialog; the writes, appends and reads are Chromium's own File System Access code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../demo/server.ts';
import { groupByArticle } from '../../lib/export/index.ts';
import { DEFAULT_OBSIDIAN, obsidianNote, obsidianUri } from '../../lib/handoff/obsidian.ts';
import { localDate } from '../../lib/extension/pages/library/exporting.ts';
import type { Article, Clip, StoredArticle } from '../../lib/model/index.ts';
import type { ExtensionBrowser } from './launch.ts';
import { firstParagraphClip, openExtensionPage, sendFrom, startLibraryJourney } from './library-helpers.ts';
import { SPLIT } from './stories.ts';
import { messages } from '../extension/helpers.ts';

let server: DemoServer;
let browser: ExtensionBrowser;
let article: Article;
let stored: StoredArticle;
let clip: Clip;

beforeAll(async () => {
  ({ server, browser, article } = await startLibraryJourney());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Obsidian handoff in Chromium', () => {
  it('saves a clip to send', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    const r = await sendFrom(page, firstParagraphClip(article));
    expect(r.error).toBeUndefined();
    const items = await sendFrom(page, { type: 'listForArticle', articleKey: article.key });
    ({
      article: stored,
      clips: [clip],
    } = items.value);
    await page.close();
  });

  it("the popup offers both for the tab's article", async () => {
    const url = new URL(SPLIT.first, server.url).href;
    const page = await openExtensionPage(browser, `popup.html?url=${encodeURIComponent(url)}`);
    await page.locator('[data-testid="to-zotero"]').waitFor();
    // The browser here runs in English: the labels come from _locales/en.
    const en = messages('en');
    expect(await page.locator('[data-testid="handoff"] button').allTextContents()).toEqual([
      en.handoffZotero.message,
      en.handoffObsidian.message,
      en.handoffFolder.message,
    ]);
    await page.close();
  });

  it('puts the note on the clipboard and links obsidian://new with &clipboard', async () => {
    const page = await openExtensionPage(browser, 'library.html');
    await page.locator('[data-testid="row-select"]').first().click();
    await page.locator('[data-testid="to-obsidian"]').click();
    const link = page.locator('[data-testid="obsidian-link"]');
    await link.waitFor();
    const [g] = groupByArticle({ articles: [stored], clips: [clip], highlights: [] });
    const today = localDate(new Date());
    const note = obsidianNote(g, DEFAULT_OBSIDIAN, { accessed: today, created: today });
    // Read back from a web page of the demo server: Chromium grants clipboard-read to an http
    // origin, not to the extension's (opaque to the permission API); the clipboard is the browser's.
    const reader = await browser.context.newPage();
    await browser.context.grantPermissions(['clipboard-read'], { origin: new URL(server.url).origin });
    await reader.goto(server.url);
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(note.text);
    await reader.close();
    expect(await link.getAttribute('href')).toBe(obsidianUri(DEFAULT_OBSIDIAN, note.path));
    expect(await link.getAttribute('href')).not.toContain('content=');
    await page.close();
  });

  it('writes the note into a folder, and appends to it the second time', async () => {
    // Before the page's scripts: the picker answers with the origin-private folder (see the header).
    await browser.context.addInitScript(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = () =>
        navigator.storage.getDirectory();
    });
    const page = await openExtensionPage(browser, 'library.html');
    await page.locator('[data-testid="row-select"]').first().click();
    const read = () =>
      page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        const dir = await root.getDirectoryHandle('数字报');
        const out: Record<string, string> = {};
        for await (const [name, h] of dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>)
          out[name] = await (await h.getFile()).text();
        return out;
      });
    await page.locator('[data-testid="to-folder"]').click();
    await expect.poll(() => page.locator('[data-testid="handoff-status"]').textContent()).toMatch(/1/);
    const [g] = groupByArticle({ articles: [stored], clips: [clip], highlights: [] });
    const today = localDate(new Date());
    const whole = obsidianNote(
      g,
      { ...DEFAULT_OBSIDIAN, mode: 'overwrite' },
      { accessed: today, created: today },
    );
    expect(await read()).toEqual({ [whole.fileName]: whole.text });
    await page.locator('[data-testid="to-folder"]').click();
    const tail = obsidianNote(g, DEFAULT_OBSIDIAN, { accessed: today, exists: true }).text;
    await expect.poll(async () => (await read())[whole.fileName]).toBe(whole.text + '\n' + tail);
    await page.close();
  });
});
