/**
 * 「整期目录」 in Chromium over the demo server: the popup offers it on an e-paper page; issue.html
 * walks the 07-09 issue politely through the background's fetchPage (a page answering 500 once is
 * listed with a retry that fetches only it), lists every article once with its pages, reads in
 * issue order with the keyboard, marks what was read, exports JSON Lines, and opens again from the
 * cache without asking the site. Writes the time to the complete 目录 to bench/e2e-issue.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PATHS } from '../../demo/render';
import { openReader, useDemo, waitReady } from './harness.ts';

const demo = useDemo({ failOnce: [DEMO_PATHS.flaky] });
const FRONT = DEMO_PATHS.front['2026-07-09'];

// The journey runs first: the tabs the other two tests open start walking (and caching) at once.
describe('整期目录', () => {
  it('loads the issue, retries the failure, reads in order with the keyboard, exports, reopens from the cache', async () => {
    const front = new URL(FRONT, demo.server.url).href;
    const address = `chrome-extension://${demo.browser.extensionId}/issue.html?url=${encodeURIComponent(front)}&delay=200`;
    const page = await demo.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    demo.server.requests.length = 0;
    await page.goto(address);
    const entries = page.locator('[data-testid="issue-entry"]');
    await page.locator('[data-testid="issue-toc"]').waitFor({ timeout: 60_000 });
    const coldMs = Number(await page.locator('[data-toc-ms]').getAttribute('data-toc-ms'));
    // The page that answered 500 is listed; the other 26 articles are there.
    expect(await page.locator('[data-testid="issue-failures"] li').allTextContents()).toEqual([
      expect.stringContaining('HTTP 500'),
    ]);
    expect(await entries.count()).toBe(26);
    const issuePages = demo.server.requests.filter((r) => r.startsWith('/html/2026-07/09/'));
    const coldRequests = issuePages.length;
    expect(new Set(issuePages).size, issuePages.join(' ')).toBe(35);

    demo.server.requests.length = 0;
    await page.locator('[data-testid="issue-retry"]').click();
    await expect.poll(() => entries.count(), { timeout: 30_000 }).toBe(27);
    expect(await page.locator('[data-testid="issue-failures"]').count()).toBe(0);
    expect(demo.server.requests).toEqual([DEMO_PATHS.flaky]);

    // The duplicate-regime story once, with both pages; named on page 6 as continued.
    const story = entries.filter({ hasText: '一张“纸”里的45亿元自贸港外贸账' });
    expect(await story.count()).toBe(1);
    expect(await story.textContent()).toMatch(/1、6|1, 6/);
    expect(await page.locator('[data-testid="issue-page"][data-label="6"] .continued').count()).toBe(1);

    // Read in order: open the first, → goes to the second (across pages at the end of page 1), ← back.
    const keys = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    await entries.first().locator('button').click();
    const reader = page.locator('[data-testid="issue-reader"]');
    await expect.poll(() => reader.getAttribute('data-key')).toBe(keys[0]);
    for (let i = 1; i < 8; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => reader.getAttribute('data-key')).toBe(keys[i]);
    }
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => reader.getAttribute('data-key')).toBe(keys[6]);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="issue-toc"]').waitFor();
    expect(await page.locator('[data-testid="issue-entry"].read').count()).toBe(8);

    // Export JSON Lines: one article a line.
    const downloaded = page.waitForEvent('download');
    await page.locator('[data-testid="issue-export-jsonl"]').click();
    const file = await (await downloaded).path();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(27);
    expect(JSON.parse(lines[0])).toMatchObject({
      paper: '海南日报',
      date: '2026-07-09',
      pageNames: ['头版'],
    });

    // Again from the cache: nothing asked of the site, read marks kept.
    demo.server.requests.length = 0;
    await page.goto(address);
    await page.locator('[data-toc-ms]').waitFor({ timeout: 60_000 });
    const cachedMs = Number(await page.locator('[data-toc-ms]').getAttribute('data-toc-ms'));
    expect(demo.server.requests).toEqual([]);
    expect(await entries.count()).toBe(27);
    expect(await page.locator('[data-testid="issue-entry"].read').count()).toBe(8);
    expect(errors).toEqual([]);
    writeFileSync(
      new URL('../../bench/e2e-issue.json', import.meta.url),
      JSON.stringify(
        {
          case: 'issue.html: 07-09 (7 pages, 28 article pages) to the complete 目录, Chromium',
          delay_ms: 200,
          cold_ms: coldMs,
          cold_requests: coldRequests,
          cached_ms: cachedMs,
          cached_requests: 0,
          date: new Date().toISOString(),
        },
        null,
        2,
      ) + '\n',
    );
    await page.close();
  });
  it('the popup offers it for an e-paper tab and opens issue.html for that page', async () => {
    const front = new URL(FRONT, demo.server.url).href;
    const popup = await demo.browser.context.newPage();
    await popup.goto(
      `chrome-extension://${demo.browser.extensionId}/popup.html?url=${encodeURIComponent(front)}`,
    );
    const opened = demo.browser.context.waitForEvent('page');
    await popup.locator('[data-testid="open-issue"]').click();
    const tab = await opened;
    expect(tab.url()).toBe(
      `chrome-extension://${demo.browser.extensionId}/issue.html?url=${encodeURIComponent(front)}`,
    );
    await tab.close();
    // Not on a page that is no e-paper page.
    await popup.goto(
      `chrome-extension://${demo.browser.extensionId}/popup.html?url=${encodeURIComponent(demo.server.url + 'blog/post.html')}`,
    );
    await popup.locator('[data-testid="open-reader"]').waitFor();
    expect(await popup.locator('[data-testid="open-issue"]').count()).toBe(0);
    await popup.close();
  });

  it("the reader panel's 「整期目录」 button opens issue.html for the article's page", async () => {
    const { page } = await demo.open(DEMO_PATHS.split.part1);
    await waitReady(page, 'article');
    await openReader(page);
    const opened = demo.browser.context.waitForEvent('page');
    await page.locator('[data-testid="reader-issue"]').click();
    const tab = await opened;
    await tab.waitForURL(/issue\.html/);
    const article = new URL(DEMO_PATHS.split.part1, demo.server.url).href;
    expect(tab.url()).toBe(
      `chrome-extension://${demo.browser.extensionId}/issue.html?url=${encodeURIComponent(article)}`,
    );
    await tab.close();
    await page.close();
  });
});
