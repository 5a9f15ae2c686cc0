/**
 * Per-file e2e fixture: one demo server and one fresh Chromium (with the extension) per test file,
 * plus the few page actions every journey uses. Locators pierce the open shadow root of
 * `#epaper-reader-root`, so `[data-testid=…]` finds the extension's UI directly.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startDemoServer, type DemoServer, type Route } from '../../demo/server.ts';
import { launchWithExtension, type ExtensionBrowser } from './launch.ts';

/** What a test file gets from `useDemo()`; fields are set in `beforeAll`. */
export interface Demo {
  server: DemoServer;
  browser: ExtensionBrowser;
  /** Open a demo path (`/html/2026-07/13/node_58464.htm`) in a new tab, with side-effect watching. */
  open(path: string): Promise<WatchedPage>;
}

/** A tab plus what the page did that it should not have (dialogs, console lines, page errors). */
export interface WatchedPage {
  page: Page;
  dialogs: string[];
  console: string[];
  pageErrors: string[];
}

/** Register beforeAll/afterAll that start the server and the browser for this test file. */
export function useDemo(options: { extraRoutes?: Record<string, Route> } = {}): Demo {
  const demo = {} as Demo;
  beforeAll(async () => {
    demo.server = await startDemoServer({ extraRoutes: options.extraRoutes });
    demo.browser = await launchWithExtension();
    demo.open = async (path) => {
      const page = await demo.browser.context.newPage();
      const watched: WatchedPage = { page, dialogs: [], console: [], pageErrors: [] };
      page.on('dialog', (dialog) => {
        watched.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('console', (message) => watched.console.push(message.text()));
      page.on('pageerror', (error) => watched.pageErrors.push(String(error)));
      await page.goto(new URL(path, demo.server.url).href);
      return watched;
    };
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.close();
  });
  return demo;
}

/** The extension's host element (light DOM; its attributes carry the measurements). */
export function host(page: Page): Locator {
  return page.locator('#epaper-reader-root');
}

/** Wait for the overlay to say it is ready (`data-ready="layout" | "article"`). */
export async function waitReady(page: Page, kind: 'layout' | 'article'): Promise<void> {
  await page.waitForSelector(`#epaper-reader-root[data-ready="${kind}"]`, {
    state: 'attached',
    timeout: 15_000,
  });
}

/** Click 「阅读全文」 and wait until the stitched view is rendered (`data-stitch-ms` written, nothing loading). */
export async function openReader(page: Page): Promise<Locator> {
  // A previous open on the same tab left its figures: clear them so we wait for the new ones.
  await page.evaluate(() => document.getElementById('epaper-reader-root')?.removeAttribute('data-stitch-ms'));
  await page.locator('[data-testid="read-whole"]').click();
  await page.waitForSelector('#epaper-reader-root[data-stitch-ms]', { state: 'attached', timeout: 20_000 });
  return waitForReader(page);
}

/** Wait for the reader panel to show an article (a title and paragraphs or a problem) with no page loading. */
export async function waitForReader(page: Page): Promise<Locator> {
  const reader = page.locator('[data-testid="reader"]');
  await reader.waitFor({ state: 'visible', timeout: 20_000 });
  await page
    .locator('[data-testid="reader-paragraph"], [data-testid="reader-problem"]')
    .first()
    .waitFor({ state: 'attached', timeout: 20_000 });
  await page.locator('[data-testid="reader-progress"]').waitFor({ state: 'detached', timeout: 20_000 });
  return reader;
}

/** The reader's paragraphs as text, in order. */
export async function paragraphs(page: Page): Promise<string[]> {
  return page.locator('[data-testid="reader-paragraph"]').allTextContents();
}

/** The reader's problem notes as text. */
export async function problems(page: Page): Promise<string[]> {
  return page.locator('[data-testid="reader-problem"]').allTextContents();
}

/** Read a number the extension wrote on its host element (`data-overlay-ms`, …). */
export async function hostNumber(page: Page, attribute: string): Promise<number> {
  const value = await host(page).getAttribute(attribute);
  return value === null ? Number.NaN : Number(value);
}
