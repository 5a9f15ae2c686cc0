/**
 * Shared by the library journeys: the demo article read in Node (the same readers the extension
 * uses), and ways into the extension's pages (library.html, popup.html) and its message protocol.
 * `E2E_EXTENSION_DIR` points the library tests at another build (e.g. `wxt build -m libe2e` →
 * .output/chrome-mv3-libe2e) so a run does not race other engineers' builds of .output/chrome-mv3.
 */
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { readPage } from '../../lib/sites/index.ts';
import type { Article } from '../../lib/model/index.ts';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './launch.ts';

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
