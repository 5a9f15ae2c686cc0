/**
 * Browser helpers for the highlight journeys (tests/e2e/highlights*.test.ts): a trusted selection
 * made with Playwright's mouse over a quote, the page's CSS highlight registry, and the library read
 * back through an extension page with the message protocol. Lives here (not in tests/e2e) because
 * these are capture's own helpers; it holds no tests.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDemoServer } from '../../../demo/server.ts';
import type { Demo, WatchedPage } from '../../e2e/harness.ts';
import { EXTENSION_DIR, launchWithExtension } from '../../e2e/launch.ts';

/** A private copy of the built extension, so another engineer's rebuild cannot pull it away mid-run. */
export function copyBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'epaper-hl-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  return dir;
}

/**
 * Like `useDemo()` (tests/e2e/harness.ts), but Chromium loads a private copy of the build (see
 * copyBuild); `relaunch()` restarts the browser on the same profile and the same copy.
 */
export function useDemoCopy(): Demo & { extensionDir: string; relaunch(): Promise<void> } {
  const demo = {} as Demo & { extensionDir: string; relaunch(): Promise<void> };
  beforeAll(async () => {
    demo.extensionDir = copyBuild();
    demo.server = await startDemoServer();
    demo.browser = await launchWithExtension({ extensionDir: demo.extensionDir });
    demo.open = async (path) => {
      const page = await demo.browser.context.newPage();
      const watched: WatchedPage = { page, dialogs: [], console: [], pageErrors: [] };
      page.on('console', (message) => watched.console.push(message.text()));
      page.on('pageerror', (error) => watched.pageErrors.push(String(error)));
      await page.goto(new URL(path, demo.server.url).href);
      return watched;
    };
    demo.relaunch = async () => {
      const profileDir = demo.browser.profileDir;
      await demo.browser.close({ keepProfile: true });
      demo.browser = await launchWithExtension({ profileDir, extensionDir: demo.extensionDir });
    };
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.close();
    if (demo.extensionDir) rmSync(demo.extensionDir, { recursive: true, force: true });
  });
  return demo;
}

/** Where the quote is: the page's own text, or the reader panel inside the shadow root. */
export type Where = 'page' | 'reader';

/**
 * Drag the mouse from the first to the last character of `quote` (inside one paragraph). Mouse input
 * from Playwright is trusted, like a reader's: the toolbar only answers trusted events.
 */
export async function selectQuote(page: Page, where: Where, quote: string): Promise<void> {
  const box = await page.evaluate(
    ({ where, quote }) => {
      const root: ParentNode | null | undefined =
        where === 'page' ? document.body : document.getElementById('epaper-reader-root')?.shadowRoot;
      const paras = Array.from(
        root?.querySelectorAll(where === 'page' ? 'p' : '[data-testid="reader-paragraph"]') ?? [],
      );
      for (const p of paras) {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n as Text).data.indexOf(quote);
          if (at < 0) continue;
          (p as HTMLElement).scrollIntoView({ block: 'center' });
          const r = document.createRange();
          r.setStart(n, at);
          r.setEnd(n, at + 1);
          const a = r.getClientRects()[0];
          r.setStart(n, at + quote.length - 1);
          r.setEnd(n, at + quote.length);
          const rects = r.getClientRects();
          const b = rects[rects.length - 1];
          return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
        }
      }
      return null;
    },
    { where, quote },
  );
  if (!box) throw new Error(`quote not on the ${where}: ${quote}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** Sizes of the page's `epaper-*` entries in `CSS.highlights` (read in the page's main world). */
export async function registry(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    reg.forEach((h, name) => {
      if (name.startsWith('epaper-')) out[name] = h.size;
    });
    return out;
  });
}

/** The text each drawn range of an `epaper-*` registry entry covers. */
export async function drawnTexts(page: Page, name = 'epaper-yellow'): Promise<string[]> {
  return page.evaluate((name) => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return Array.from(reg.get(name) ?? []).map((r) => r.toString());
  }, name);
}

/** Send one protocol message from an extension page (the background answers) and return its answer. */
export async function ask<T = unknown>(
  extPage: Page,
  message: Record<string, unknown>,
): Promise<{ ok: boolean; value?: T; error?: string }> {
  return extPage.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<{ ok: boolean; value?: T; error?: string }>;
}

/**
 * Colours of the highlight boxes in the reader panel (`.reader-marks > i`, one per line box), read
 * through the inspect build's open shadow root. The reader's highlights are never in `CSS.highlights`:
 * the page's script can read that registry (lib/extension/kit/capture/rect-layer.ts).
 */
export async function readerMarks(page: Page): Promise<string[]> {
  // The boxes are drawn in the next frame (rect-layer.ts): wait for one, then read.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  return page.evaluate(() =>
    Array.from(
      document.getElementById('epaper-reader-root')?.shadowRoot?.querySelectorAll('.reader-marks > i') ?? [],
    ).map((i) => (i as HTMLElement).dataset.color ?? ''),
  );
}

/** Wait until the reader shows a box of `color` (or, with `present: false`, none of it). */
export async function waitReaderMark(page: Page, color: string, present = true): Promise<void> {
  await page.waitForFunction(
    ({ color, present }) =>
      Array.from(
        document.getElementById('epaper-reader-root')?.shadowRoot?.querySelectorAll('.reader-marks > i') ??
          [],
      ).some((i) => (i as HTMLElement).dataset.color === color) === present,
    { color, present },
    { timeout: 15_000 },
  );
}
