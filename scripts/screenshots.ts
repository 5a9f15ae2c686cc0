/**
 * `npm start -- --headless`: photograph the extension at work on the demo paper, the layout overlay
 * on the front page and the reader with the split story stitched (its top and its seam). It runs
 * the shipping build, whose shadow root is closed: clicks and scrolling go through the DevTools
 * protocol and Playwright's (trusted) mouse (tests/e2e/closed-ui.ts), not locators.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PATHS } from '../demo/render/index.ts';
import { closedUi } from '../tests/e2e/closed-ui.ts';

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
  return files;
}

/** Let fonts and images finish so the picture is not half-drawn. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts?.ready);
  await page.waitForTimeout(200);
}

async function shoot(page: Page, path: string): Promise<string> {
  await page.screenshot({ path });
  return path;
}
