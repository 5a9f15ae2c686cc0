import { beforeEach, describe, expect, it } from 'vitest';
import { SCAN_BUDGET, marksFromPages, scanIssue } from '../../lib/extension/kit/issue-marks';
import { createPageSource, type PageCache, type PageSourceIo } from '../../lib/extension/kit/page-source';
import { makeReaderKit } from '../../lib/extension/kit/reader-kit';
import { emptyPage, type Block, type Page, type PageLink } from '../../lib/model';
import { fakeFetch, useLocale } from './helpers';

const U = 'http://127.0.0.1:4173/html/2026-07/09/';
const links = ['1', '2', '6'].map((label, i) => ({ label, name: '', href: `${U}node_${58464 + i}.htm` }));

function block(title: string, id: number): Block {
  return { title, href: `${U}content_${id}.htm`, order: 0, polygons: [] };
}

function layout(label: string, blocks: Block[]): Page {
  const href = links.find((l) => l.label === label)!.href;
  return emptyPage({ url: href, kind: 'layout', label, blocks, pageLinks: links });
}

const p1 = layout('1', [
  block('一张“纸”里的45亿元自贸港外贸账', 1),
  block('导读', 2),
  block('文明身影，汇成最美风景', 3),
]);
const p2 = layout('2', [block('导读', 4), block('海口推进城市更新', 5)]);
const p6 = layout('6', [block('一张“纸”里的45亿元自贸港外贸账', 6), block('导读', 7)]);

describe('continuation marks from the issue', () => {
  it('marks a title found on exactly one later page as continuing there, and the other way round', () => {
    expect(marksFromPages(p1, [p2, p6])).toEqual({ [`${U}content_1.htm`]: { to: '6' } });
    expect(marksFromPages(p6, [p1, p2])).toEqual({ [`${U}content_6.htm`]: { from: '1' } });
  });

  it('ignores short column titles (导读) and titles on several pages', () => {
    const p7 = layout('2', [block('一张“纸”里的45亿元自贸港外贸账', 8)]);
    expect(marksFromPages(p1, [p7, p6])).toEqual({});
    expect(marksFromPages(p2, [p1, p6])[`${U}content_4.htm`]).toBeUndefined();
  });

  it('reads the other pages through the loader, and survives a page that fails', async () => {
    const asked: string[] = [];
    const known = [p1, p2, p6];
    const source = createPageSource({
      pageUrl: p1.url,
      fetchSameOrigin: async (url) => {
        asked.push(url);
        return url === p2.url ? { ok: false, error: 'HTTP 404' } : { ok: true, value: { url, html: url } };
      },
      parse: (html) => known.find((p) => p.url === html)!,
    });
    expect(await scanIssue(p1, source)).toEqual({ [`${U}content_1.htm`]: { to: '6' } });
    expect(asked.sort()).toEqual([p2.url, p6.url].sort());
  });
});

// An issue of 40 layout pages (more than any real paper: the scan must bound itself). Page n's HTML
// is 「n|padding」; page 3 carries the second part of page 1's first story.
const many: PageLink[] = Array.from({ length: 40 }, (_, i) => ({
  label: String(i + 1),
  name: '',
  href: `${U}node_${i + 1}.htm`,
}));
const story = '一张“纸”里的45亿元自贸港外贸账';
const labelOf = (url: string): string => /node_(\d+)\.htm$/.exec(url)![1];
const bigLayout = (label: string): Page =>
  emptyPage({
    url: `${U}node_${label}.htm`,
    kind: 'layout',
    label,
    pageLinks: many,
    blocks: [block(label === '1' || label === '3' ? story : `第${label}版的一篇报道`, Number(label) * 10)],
  });
const front = bigLayout('1');

function memoryCache(): PageCache & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: async (u) => map.get(u) ?? null, put: async (u, h) => void map.set(u, h) };
}

/** A site whose every page is `size` characters, answering after a tick; counts requests under way. */
function slowSite(size: number) {
  const site = {
    calls: [] as string[],
    maxBytes: [] as Array<number | undefined>,
    inFlight: 0,
    peak: 0,
    chars: 0,
  };
  const fetchSameOrigin: PageSourceIo['fetchSameOrigin'] = async (url, maxBytes) => {
    site.calls.push(url);
    site.maxBytes.push(maxBytes);
    site.peak = Math.max(site.peak, ++site.inFlight);
    await new Promise((r) => setTimeout(r, 1));
    site.inFlight--;
    const html = `${labelOf(url)}|`.padEnd(size, 'x');
    site.chars += html.length;
    return { ok: true, value: { url, html } };
  };
  return { site, fetchSameOrigin };
}
const parse = (html: string): Page => bigLayout(html.slice(0, html.indexOf('|')));

describe('the issue scan is bounded', () => {
  let cache: ReturnType<typeof memoryCache>;
  beforeEach(() => {
    cache = memoryCache();
  });

  it('makes at most SCAN_BUDGET.fetches requests on a page listing 40 pages, 2 at a time, and keeps the marks it found', async () => {
    const { site, fetchSameOrigin } = slowSite(50_000);
    const marks = await scanIssue(
      front,
      createPageSource({ pageUrl: front.url, fetchSameOrigin, parse, cache }),
    );
    expect(site.calls.length).toBe(SCAN_BUDGET.fetches);
    expect(SCAN_BUDGET.fetches).toBeLessThan(39);
    expect(site.peak).toBe(2);
    expect(site.maxBytes.every((b) => b === SCAN_BUDGET.pageChars)).toBe(true);
    expect(marks).toEqual({ [`${U}content_10.htm`]: { to: '3' } });
    expect(cache.map.size).toBe(SCAN_BUDGET.fetches);
  });

  it('asks for a smaller concurrency than 2 when told, never for more', async () => {
    const { site, fetchSameOrigin } = slowSite(10);
    await scanIssue(front, createPageSource({ pageUrl: front.url, fetchSameOrigin, parse }), {
      ...SCAN_BUDGET,
      concurrency: 8,
    });
    expect(site.peak).toBe(2);
    const one = slowSite(10);
    await scanIssue(
      front,
      createPageSource({ pageUrl: front.url, fetchSameOrigin: one.fetchSameOrigin, parse }),
      { ...SCAN_BUDGET, concurrency: 1 },
    );
    expect(one.site.peak).toBe(1);
  });

  it('stays under the character budget when the pages are big', async () => {
    const size = 200_000; // under the page cap, so only the visit's budget stops the scan
    const { site, fetchSameOrigin } = slowSite(size);
    const marks = await scanIssue(
      front,
      createPageSource({ pageUrl: front.url, fetchSameOrigin, parse, cache }),
    );
    expect(site.chars).toBeLessThanOrEqual(SCAN_BUDGET.chars);
    expect(site.calls.length).toBeGreaterThan(1);
    expect(site.calls.length).toBeLessThan(Math.ceil(SCAN_BUDGET.chars / size) + 1);
    expect(site.calls.length * size).toBeGreaterThan(SCAN_BUDGET.chars - 2 * SCAN_BUDGET.pageChars - size);
    expect(marks).toEqual({ [`${U}content_10.htm`]: { to: '3' } });
  });

  it('fetches nothing for pages already cached, and cache hits do not count against the budget', async () => {
    for (const l of many.slice(1)) cache.map.set(l.href, `${l.label}|cached`);
    const { site, fetchSameOrigin } = slowSite(10);
    expect(
      await scanIssue(front, createPageSource({ pageUrl: front.url, fetchSameOrigin, parse, cache })),
    ).toEqual({
      [`${U}content_10.htm`]: { to: '3' },
    });
    expect(site.calls).toEqual([]);

    // 30 cached, 9 not: all 9 are fetched (the 30 hits spend nothing), none of the cached ones.
    for (const l of many.slice(31)) cache.map.delete(l.href);
    const again = slowSite(10);
    await scanIssue(
      front,
      createPageSource({ pageUrl: front.url, fetchSameOrigin: again.fetchSameOrigin, parse, cache }),
    );
    expect(again.site.calls.sort()).toEqual(
      many
        .slice(31)
        .map((l) => l.href)
        .sort(),
    );
  });

  it('in the kit: each fetch stops at the page cap in bytes, and what it refused is not cached', async () => {
    useLocale('zh_CN');
    // 100,002 characters but 300,002 bytes of UTF-8: only a cap on the bytes read refuses it.
    const wide = '2|' + '海'.repeat(100_000);
    expect(wide.length).toBeLessThan(SCAN_BUDGET.pageChars);
    const { fn, calls } = fakeFetch({
      [`${U}node_2.htm`]: { body: wide },
      [`${U}node_3.htm`]: { body: '3|' },
    });
    const kit = makeReaderKit({ fetch: fn, cache });
    const marks = await kit.scanIssue(front, { pageUrl: front.url, parse });
    expect(marks).toEqual({ [`${U}content_10.htm`]: { to: '3' } });
    expect(calls.length).toBe(SCAN_BUDGET.fetches);
    expect([...cache.map.keys()]).toEqual([`${U}node_3.htm`]);
  });
});
