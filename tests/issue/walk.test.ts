/**
 * walkIssue's rules on the demo site and on its pages bent into the bad inputs of issue 12: no
 * e-paper page, no page list, a page list pointing outside the issue or looping, a stop mid-issue;
 * and the polite queue: 2 at a time, a pause per slot, cache hits free.
 */
import { describe, expect, it } from 'vitest';
import { politeQueue, urlForDate, daysBetween, datesBetween, walkIssue, type Sleep } from '../../lib/issue';
import { DEMO_PATHS, type DemoFile } from '../../demo/render';
import { BASE, demoSite } from '../demo/demo-site';
import { demoFetcher } from './demo-fetcher';

const FRONT = DEMO_PATHS.front['2026-07-09'];

/** The demo site with the HTML of the pages whose path starts with `prefix` rewritten. */
function bent(prefix: string, edit: (html: string) => string): Map<string, DemoFile> {
  const site = new Map(demoSite());
  for (const [path, file] of site) {
    if (path.startsWith(prefix) && path.endsWith('.htm')) site.set(path, { ...file, body: edit(file.body) });
  }
  return site;
}

describe('walkIssue: bad input', () => {
  it('refuses a URL that is no e-paper page without loading it', async () => {
    const f = demoFetcher(demoSite());
    const r = await walkIssue(`${BASE}/blog/post.html`, f, { delayMs: 0 });
    expect(r).toEqual({
      ok: false,
      error: `${BASE}/blog/post.html is not an e-paper page (no known e-paper address)`,
    });
    expect(f.calls).toEqual([]);
  });

  it('says so when the start page cannot be loaded', async () => {
    const r = await walkIssue(BASE + DEMO_PATHS.missing.page, demoFetcher(demoSite()), { delayMs: 0 });
    expect(r).toEqual({
      ok: false,
      error: `${BASE}${DEMO_PATHS.missing.page} could not be loaded: HTTP 404`,
    });
  });

  it('refuses an issue whose page list is missing', async () => {
    const site = bent(FRONT, (h) => h.replace(/<div id="pageList">[\s\S]*?<\/div>/, ''));
    const r = await walkIssue(BASE + FRONT, demoFetcher(site), { delayMs: 0 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('has no page list (版面导航)');
  });

  it('refuses page-list entries outside the issue (another date, another site) and never loads them', async () => {
    // Every page of the issue carries the bent list, so no page can set it right.
    const site = bent('/html/2026-07/09/', (h) =>
      h
        .replace('href="node_58465.htm"', 'href="../10/node_58465.htm"')
        .replace('href="node_58466.htm"', 'href="http://example.com/html/2026-07/09/node_58466.htm"'),
    );
    const f = demoFetcher(site);
    const r = await walkIssue(BASE + FRONT, f, { delayMs: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.problems).toContain(
      "the page list's entry for page 2 points of another date (2026-07-10): refused",
    );
    expect(r.value.problems).toContain(
      "the page list's entry for page 3 points on another site (http://example.com): refused",
    );
    expect(f.calls.some((p) => p.includes('/10/') || p.includes('example'))).toBe(false);
  });

  it('refuses an issue whose every page-list entry points outside it, loading nothing more', async () => {
    const site = bent('/html/2026-07/09/', (h) =>
      h.replaceAll('id="pageLink" href="node_', 'id="pageLink" href="http://example.com/node_'),
    );
    const f = demoFetcher(site);
    const r = await walkIssue(BASE + FRONT, f, { delayMs: 0 });
    expect(r).toEqual({
      ok: false,
      error: `${BASE}${FRONT}: every entry of its page list points outside the issue`,
    });
    expect(f.calls).toEqual([FRONT]);
  });

  it('reads a page listed twice (page 2 lists page 1 again as page 8: a loop) once', async () => {
    // lib/sites already keeps one entry per URL within a list; the walk meets the loop across lists.
    const site = bent('/html/2026-07/09/node_58465.htm', (h) =>
      h.replace('href="node_58464.htm">第001版', 'href="node_58464.htm">第008版'),
    );
    const f = demoFetcher(site);
    const r = await walkIssue(BASE + FRONT, f, { delayMs: 0 });
    expect(r.ok && r.value.problems[0]).toMatch(
      /names .*node_58464\.htm as page 1 and as page 8 \(a loop\); read once/,
    );
    expect(new Set(f.calls).size).toBe(f.calls.length);
  });

  it('stops when asked: no load starts after the stop, what was read is kept', async () => {
    const stop = new AbortController();
    let loads = 0;
    const f = demoFetcher(demoSite(), { onLoad: () => ++loads === 6 && stop.abort() });
    let failed = 0;
    const r = await walkIssue(BASE + FRONT, f, {
      delayMs: 0,
      signal: stop.signal,
      onProgress: (p) => (failed = p.failed),
    });
    expect(r.ok && r.value.stopped).toBe(true);
    // Loads cut short by the stop are not failures.
    expect(failed).toBe(0);
    expect(f.calls.length).toBeLessThanOrEqual(7);
    expect(r.ok && r.value.failures).toEqual([]);
  });
});

describe('walkIssue: politeness', () => {
  it('never has more than 2 requests in flight and pauses after each', async () => {
    const pauses: number[] = [];
    const sleep: Sleep = async (ms) => void pauses.push(ms);
    const f = demoFetcher(demoSite());
    const r = await walkIssue(BASE + FRONT, f, { delayMs: 250, sleep });
    expect(r.ok && r.value.fetched).toBe(35); // the front page, the other 6 layout pages, 28 article pages
    expect(f.maxInFlight).toBe(2);
    expect(pauses.length).toBe(f.calls.length);
    expect(new Set(pauses)).toEqual(new Set([250]));
  });

  it('takes cached pages at once, outside the queue', async () => {
    const pauses: number[] = [];
    const f = demoFetcher(demoSite(), { cached: () => true });
    const r = await walkIssue(BASE + FRONT, f, { delayMs: 250, sleep: async (ms) => void pauses.push(ms) });
    expect(r.ok && r.value.fetched).toBe(0);
    expect(pauses).toEqual([]);
  });

  it('politeQueue: a stop rejects the waiting tasks at once', async () => {
    const stop = new AbortController();
    const q = politeQueue({ concurrency: 1, delayMs: 0, signal: stop.signal });
    let release!: () => void;
    const first = q.run(() => new Promise<string>((r) => (release = () => r('done'))));
    const second = q.run(async () => 'never');
    await new Promise((r) => setTimeout(r, 0));
    stop.abort();
    await expect(second).rejects.toThrow('stopped');
    release();
    await expect(first).resolves.toBe('done');
    expect(q.started).toBe(1);
  });
});

describe('date ranges', () => {
  it.each([
    [
      'http://news.hndaily.cn/html/2026-07/09/node_58464.htm',
      '2026-07-13',
      'http://news.hndaily.cn/html/2026-07/13/node_58464.htm',
    ],
    [
      'http://zqb.cyol.com/pc/layout/202609/16/node_06.html',
      '2026-10-01',
      'http://zqb.cyol.com/pc/layout/202610/01/node_06.html',
    ],
    [
      'http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm',
      '2017-10-17',
      'http://paper.people.com.cn/rmrb/html/2017-10/17/nw.D110000renmrb_20171017_1-01.htm',
    ],
    ['http://example.com/blog/post.html', '2026-07-13', ''],
  ])('%s on %s → %s', (url, date, want) => {
    expect(urlForDate(url, date)).toBe(want);
  });

  it('counts and lists days, both ends included', () => {
    expect(datesBetween('2026-07-09', '2026-07-13')).toHaveLength(5);
    expect(daysBetween('2016-07-13', '2026-07-12')).toBe(3652);
    expect(datesBetween('2026-07-13', '2026-07-09')).toEqual([]);
  });
});
