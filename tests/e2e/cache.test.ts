/**
 * Page cache journey: the first 「阅读全文」 fetches the continuation pages from the network, the second
 * open takes them from IndexedDB without a request (the demo server's log proves it), 刷新 refetches,
 * and the cache outlives a browser restart on the same profile.
 */
import { describe, expect, it } from 'vitest';
import {
  lastMeasure,
  openReader,
  paragraphs,
  untilMeasured,
  useDemo,
  waitReady,
  waitForReader,
} from './harness.ts';
import { launchWithExtension } from './launch.ts';
import { DEMO_PATHS } from '../../demo/render/index.ts';
import { SPLIT } from './stories.ts';

const demo = useDemo();

/** Requests made for the continuation's pages (its layout page or its article page) since `from`. */
function continuationRequests(from: number): string[] {
  return demo.server.requests
    .slice(from)
    .filter((r) => r.startsWith(SPLIT.second) || r.startsWith(DEMO_PATHS.split.page2));
}

describe('page cache', () => {
  it('serves the second open from the cache without refetching, and refetches on refresh', async () => {
    const cold = await demo.open(SPLIT.first);
    await waitReady(cold.page, 'article');
    let mark = demo.server.requests.length;
    await openReader(cold.page);
    const coldRun = await lastMeasure(cold.page, 'stitch');
    expect(coldRun.detail?.source).toBe('network');
    expect(continuationRequests(mark).length).toBeGreaterThanOrEqual(1);
    expect(Number(coldRun.detail?.fetches)).toBeGreaterThanOrEqual(1);
    const coldText = await paragraphs(cold.page);
    await cold.page.close();

    const warm = await demo.open(SPLIT.first);
    await waitReady(warm.page, 'article');
    mark = demo.server.requests.length;
    await openReader(warm.page);
    expect((await lastMeasure(warm.page, 'stitch')).detail).toEqual({ source: 'cache', fetches: 0 });
    expect(continuationRequests(mark)).toEqual([]);
    expect(await paragraphs(warm.page)).toEqual(coldText);

    // 刷新 ignores the cache: the continuation is fetched again.
    mark = demo.server.requests.length;
    const refreshed = await untilMeasured(warm.page, 'stitch', () =>
      warm.page.locator('[data-testid="reader-refresh"]').click(),
    );
    await waitForReader(warm.page);
    expect(continuationRequests(mark).length).toBeGreaterThanOrEqual(1);
    expect(refreshed.detail?.source).toBe('network');
    expect(await paragraphs(warm.page)).toEqual(coldText);
    await warm.page.close();
  });

  it('keeps the cache across a browser restart on the same profile', async () => {
    // The file's browser has cached SPLIT above; restart on its profile.
    await demo.browser.close({ keepProfile: true });
    demo.browser = await launchWithExtension({ profileDir: demo.browser.profileDir });
    const again = await demo.open(SPLIT.first);
    await waitReady(again.page, 'article');
    const mark = demo.server.requests.length;
    await openReader(again.page);
    expect((await lastMeasure(again.page, 'stitch')).detail?.source).toBe('cache');
    expect(continuationRequests(mark)).toEqual([]);
    await again.page.close();
  });
});
