/**
 * Per-file e2e fixture: one demo server and one fresh Chromium (with the extension) per test file,
 * plus the few page actions every journey uses.
 *
 * The shadow root of `#epaper-reader-root` is CLOSED in every build that ships, and Playwright
 * locators cannot pierce a closed root. So the journeys load the e2e inspect build
 * (.output-e2e/chrome-mv3, tests/e2e/launch.ts), where one build-time constant
 * (`__EPAPER_SHADOW_MODE__`, wxt.config.ts) makes it open and `[data-testid=…]` finds the UI
 * directly; everything else in that build is the same code. What ships is tested as shipped by
 * manifest.test.ts (size, closed mode, use_dynamic_url) and page-script.test.ts (a hostile page).
 *
 * Timings are performance measures (`epaper:overlay`, `epaper:stitch`, …; lib/extension/shared/timing.ts),
 * read here from the page: a document's performance timeline is shared by its worlds.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startDemoServer, type DemoServer, type Route } from '../../demo/server.ts';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './launch.ts';

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
export function useDemo(
  options: { extraRoutes?: Record<string, Route>; extensionDir?: string; failOnce?: readonly string[] } = {},
): Demo {
  const demo = {} as Demo;
  beforeAll(async () => {
    demo.server = await startDemoServer({ extraRoutes: options.extraRoutes, failOnce: options.failOnce });
    demo.browser = await launchWithExtension({ extensionDir: options.extensionDir ?? EXTENSION_DIR });
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

/** The extension's host element (light DOM; `data-ready` says which UI is up). */
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

/** Click 「阅读全文」 and wait until the stitched view is rendered (a new `epaper:stitch`, nothing loading). */
export async function openReader(page: Page): Promise<Locator> {
  await untilMeasured(page, 'stitch', () => page.locator('[data-testid="read-whole"]').click());
  return waitForReader(page);
}

/** One performance measure the extension recorded: its duration (ms) and detail. */
export interface Measured {
  duration: number;
  detail: Record<string, string | number> | null;
}

/** Every `epaper:<name>` measure on the page so far, oldest first. */
export async function measures(page: Page, name: string): Promise<Measured[]> {
  return page.evaluate(
    (n) =>
      performance
        .getEntriesByName(`epaper:${n}`)
        .map((e) => ({ duration: e.duration, detail: (e as PerformanceMeasure).detail ?? null })),
    name,
  );
}

/** The newest `epaper:<name>` measure (NaN duration when there is none). */
export async function lastMeasure(page: Page, name: string): Promise<Measured> {
  return (await measures(page, name)).at(-1) ?? { duration: Number.NaN, detail: null };
}

/** Run `act` and wait for the `epaper:<name>` measure it causes; that measure. */
export async function untilMeasured(
  page: Page,
  name: string,
  act: () => Promise<unknown>,
  timeout = 20_000,
): Promise<Measured> {
  const before = (await measures(page, name)).length;
  await act();
  await page.waitForFunction(
    ({ n, count }) => performance.getEntriesByName(`epaper:${n}`).length > count,
    { n: name, count: before },
    { timeout },
  );
  return lastMeasure(page, name);
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
