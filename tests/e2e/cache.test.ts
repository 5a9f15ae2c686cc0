/**
 * Page cache journey: the first 「阅读全文」 fetches the continuation pages from the network, the second
 * open takes them from IndexedDB without a request (the demo server's log proves it), 刷新 refetches,
 * and the cache outlives a browser restart on the same profile.
 */
import { describe, expect, it } from 'vitest';
import { host, openReader, paragraphs, useDemo, waitReady, waitForReader } from './harness.ts';
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
    expect(await host(cold.page).getAttribute('data-stitch-source')).toBe('network');
    expect(continuationRequests(mark).length).toBeGreaterThanOrEqual(1);
    expect(Number(await host(cold.page).getAttribute('data-fetch-count'))).toBeGreaterThanOrEqual(1);
    const coldText = await paragraphs(cold.page);
    await cold.page.close();

    const warm = await demo.open(SPLIT.first);
    await waitReady(warm.page, 'article');
    mark = demo.server.requests.length;
    await openReader(warm.page);
    expect(await host(warm.page).getAttribute('data-stitch-source')).toBe('cache');
    expect(continuationRequests(mark)).toEqual([]);
    expect(await host(warm.page).getAttribute('data-fetch-count')).toBe('0');
    expect(await paragraphs(warm.page)).toEqual(coldText);

    // 刷新 ignores the cache: the continuation is fetched again.
    mark = demo.server.requests.length;
    await warm.page.evaluate(() =>
      document.getElementById('epaper-reader-root')?.removeAttribute('data-stitch-ms'),
    );
    await warm.page.locator('[data-testid="reader-refresh"]').click();
    await warm.page.waitForSelector('#epaper-reader-root[data-stitch-ms]', {
      state: 'attached',
      timeout: 20_000,
    });
    await waitForReader(warm.page);
    expect(continuationRequests(mark).length).toBeGreaterThanOrEqual(1);
    expect(await host(warm.page).getAttribute('data-stitch-source')).toBe('network');
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
    expect(await host(again.page).getAttribute('data-stitch-source')).toBe('cache');
    expect(continuationRequests(mark)).toEqual([]);
    await again.page.close();
  });
});
