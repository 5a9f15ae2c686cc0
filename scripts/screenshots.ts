/**
 * `npm start -- --headless`: photograph the extension at work on the demo paper, the layout overlay
 * on the front page and the reader with the split story stitched (its top and its seam), then the
 * library page (a restored library) and paste mode (reader.html with the seed page read). It runs
 * the shipping build, whose shadow root is closed: clicks and scrolling go through the DevTools
 * protocol and Playwright's (trusted) mouse (tests/e2e/closed-ui.ts), not locators.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PATHS } from '../demo/render/index.ts';
import { closedUi } from '../tests/e2e/closed-ui.ts';
import { makeBackup } from '../lib/export/index.ts';
import { bigLibrary } from '../tests/e2e/library-data.ts';
import { REPO_ROOT } from '../demo/server.ts';

/** 2026-07-13 第001版 头版: the layout page holding the split story 「一枚“海南芯”…」. */
export const FRONT_PAGE = DEMO_PATHS.front['2026-07-13'];
/** The split story's first part (ends 「下转A02版」 in the demo); its second part is on 002. */
const SPLIT_ARTICLE = DEMO_PATHS.split.part1;

const WAIT = { timeout: 20_000 } as const;

/** Take the screenshots into `outDir`; returns the files written. */
export async function takeScreenshots(
  context: BrowserContext,
  baseUrl: string,
  outDir: string,
  extensionId: string,
): Promise<string[]> {
  const files: string[] = [];
  const page = await context.newPage();

  await page.goto(new URL(FRONT_PAGE, baseUrl).href);
  await page.waitForSelector('#epaper-reader-root[data-ready="layout"]', { state: 'attached', ...WAIT });
  // Select the first block so the picture shows the current-block highlight too.
  await page.keyboard.press('j');
  await settle(page);
  files.push(await shoot(page, join(outDir, 'layout-overlay.png')));

  await page.goto(new URL(SPLIT_ARTICLE, baseUrl).href);
  await page.waitForSelector('#epaper-reader-root[data-ready="article"]', { state: 'attached', ...WAIT });
  const ui = await closedUi(page);
  await ui.click('read-whole');
  await page.waitForFunction(() => performance.getEntriesByName('epaper:stitch').length > 0, null, WAIT);
  await ui.until('reader-progress', (nodes) => nodes.length === 0, WAIT.timeout);
  await settle(page);
  files.push(await shoot(page, join(outDir, 'stitched-article.png')));

  if ((await ui.find('seam')).length > 0) {
    // Centre the seam in the reader panel so both parts show around it.
    await ui.scrollToCenter('seam');
    await settle(page);
    files.push(await shoot(page, join(outDir, 'stitched-article-seam.png')));
  }
  await page.close();
  files.push(...(await libraryAndPaste(context, `chrome-extension://${extensionId}`, outDir)));
  return files;
}

/** The library page with a restored library of 60 clips, and paste mode with the seed page read. */
async function libraryAndPaste(context: BrowserContext, origin: string, outDir: string): Promise<string[]> {
  const files: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'epaper-shots-'));
  try {
    const backup = join(dir, 'backup.json');
    writeFileSync(backup, makeBackup(bigLibrary(60, 'http://127.0.0.1/demo/content_1.htm'), new Date()));
    const lib = await context.newPage();
    await lib.goto(`${origin}/library.html`);
    await lib.locator('[data-testid="lib-empty"]').waitFor(WAIT);
    await lib.locator('[data-testid="restore-file"]').setInputFiles(backup);
    await lib.locator('[data-testid="lib-row"]').first().waitFor(WAIT);
    await settle(lib);
    files.push(await shoot(lib, join(outDir, 'library.png')));
    await lib.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const seed = readFileSync(join(REPO_ROOT, 'tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt'), 'utf8');
  const paste = await context.newPage();
  await paste.goto(`${origin}/reader.html`);
  await paste.locator('[data-testid="paste"]').fill(seed);
  await paste.locator('[data-testid="paste-read"]').click();
  await paste.locator('[data-testid="reader-paragraph"]').first().waitFor(WAIT);
  await settle(paste);
  files.push(await shoot(paste, join(outDir, 'paste-mode.png'), true));
  await paste.close();
  return files;
}

/** Let fonts and images finish so the picture is not half-drawn. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts?.ready);
  await page.waitForTimeout(200);
}

async function shoot(page: Page, path: string, fullPage = false): Promise<string> {
  await page.screenshot({ path, fullPage });
  return path;
}
