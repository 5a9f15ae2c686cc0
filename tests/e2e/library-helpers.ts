/**
 * Shared by the library journeys: their start (the demo server, a browser, the demo article read in
 * Node with the same readers the extension uses), the clip they save first, and ways into the
 * extension's pages (library.html, popup.html) and its message protocol.
 * `E2E_EXTENSION_DIR` points the library tests at another build (e.g. `wxt build -m libe2e` →
 * .output/chrome-mv3-libe2e) so a run does not race other engineers' builds of .output/chrome-mv3.
 */
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { readPage } from '../../lib/sites/index.ts';
import { sourceOf, type Article } from '../../lib/model/index.ts';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './launch.ts';
import { SPLIT } from './stories.ts';

/** The build the library tests load. */
export const LIB_EXTENSION_DIR = process.env.E2E_EXTENSION_DIR ?? EXTENSION_DIR;

/** A fresh browser on the library tests' build. */
export function launchLibraryBrowser(profileDir?: string): Promise<ExtensionBrowser> {
  return launchWithExtension({ extensionDir: LIB_EXTENSION_DIR, profileDir });
}

/** The article of a demo page as the extension reads it (fetched from the demo server, parsed in happy-dom). */
export async function readDemoArticle(url: string): Promise<Article> {
  const html = await (await fetch(url)).text();
  const window = new Window({ url });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const page = readPage(doc, url);
  await window.happyDOM.close();
  const article = page.articles[0];
  if (!article) throw new Error(`the demo page ${url} gave no article: ${page.problems.join('; ')}`);
  return article;
}

/** What a library journey starts from. */
export interface LibraryJourney {
  server: DemoServer;
  browser: ExtensionBrowser;
  /** The address of the demo's split story's first part on the server. */
  url: string;
  /** That page's article as the extension reads it. */
  article: Article;
}

/** Start the demo server and a fresh browser on the library build, and read the demo article. */
export async function startLibraryJourney(): Promise<LibraryJourney> {
  const server = await startDemoServer();
  const browser = await launchLibraryBrowser().catch(async (e: unknown) => {
    await server.close();
    throw e;
  });
  const url = new URL(SPLIT.first, server.url).href;
  try {
    return { server, browser, url, article: await readDemoArticle(url) };
  } catch (e) {
    await browser.close();
    await server.close();
    throw e;
  }
}

/**
 * The saveClip message of `article`'s first paragraph with a note and a tag: the clip the library
 * and hand-off journeys save first, through the protocol as the capture toolbar sends it.
 */
export function firstParagraphClip(article: Article) {
  return {
    type: 'saveClip',
    article,
    clip: {
      articleKey: article.key,
      paragraphs: [article.paragraphs[0].text],
      paragraphIndexes: [0],
      note: '芯片与脑机接口',
      tags: ['科技'],
      source: sourceOf(article),
    },
  };
}

/** Open an extension page (`library.html`, `popup.html?url=…`) in a new tab. */
export async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Send one protocol message from an extension page to the background; returns the `{ok, …}` answer. */
export async function sendFrom(
  page: Page,
  message: unknown,
): Promise<{ ok: boolean; value?: any; error?: string }> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message as never);
}

declare global {
  // The extension page's `chrome` namespace, as the tests use it inside page.evaluate.
  const chrome: {
    runtime: { sendMessage(m: unknown): Promise<any> };
    tabs: {
      query(q: object): Promise<Array<{ id: number }>>;
      sendMessage(id: number, m: unknown): Promise<any>;
    };
  };
}
