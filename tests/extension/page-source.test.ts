import { beforeEach, describe, expect, it } from 'vitest';
import { createLoader } from '../../lib/extension/kit/loader';
import {
  MEMORY_PAGES,
  createPageSource,
  type PageCache,
  type PageSourceIo,
} from '../../lib/extension/kit/page-source';
import { makeReaderKit } from '../../lib/extension/kit/reader-kit';
import { emptyArticle, emptyPage, type Page } from '../../lib/model';
import { fakeFetch, useLocale } from './helpers';

const BASE = 'http://127.0.0.1:4173/html/2026-07/13/';
const url = (n: number | string) => `${BASE}node_${n}.htm`;

/** The page's one paragraph is its HTML; HTML starting with 「404」 reads as no e-paper at all. */
const parse = (html: string, u: string): Page =>
  html.startsWith('404')
    ? emptyPage({ url: u })
    : emptyPage({
        url: u,
        articles: [emptyArticle({ title: html, paragraphs: [{ text: html, kind: 'text' }] })],
      });

/** IndexedDB over messages, as the kit sees it: counts reads and writes, can be made to fail. */
function idb() {
  const map = new Map<string, string>();
  const c = {
    map,
    gets: [] as string[],
    puts: [] as string[],
    broken: false,
    get: async (u: string) => {
      c.gets.push(u);
      if (c.broken) throw new Error('Receiving end does not exist.');
      return map.get(u) ?? null;
    },
    put: async (u: string, h: string) => {
      c.puts.push(u);
      if (c.broken) throw new Error('Receiving end does not exist.');
      map.set(u, h);
    },
  };
  return c satisfies PageCache;
}

/** A site whose page n answers 「page n vK」, K counting that page's fetches. */
function site() {
  const calls: string[] = [];
  const fetchSameOrigin: PageSourceIo['fetchSameOrigin'] = async (u) => {
    calls.push(u);
    const n = calls.filter((c) => c === u).length;
    const body = u.includes('missing') ? '404 页面不存在' : `page ${/node_(\w+)/.exec(u)?.[1]} v${n}`;
    return { ok: true, value: { url: u, html: body } };
  };
  return { calls, fetchSameOrigin };
}

let cache: ReturnType<typeof idb>;
let net: ReturnType<typeof site>;
const source = (extra: Partial<PageSourceIo> = {}) =>
  createPageSource({ pageUrl: url(1), fetchSameOrigin: net.fetchSameOrigin, parse, cache, ...extra });
const title = async (p: Promise<Page>) => (await p).articles[0]?.title;

beforeEach(() => {
  useLocale('zh_CN');
  cache = idb();
  net = site();
});

describe('one memory cache per tab, in front of IndexedDB', () => {
  it('a page read twice in one tab is fetched once and read from IndexedDB once', async () => {
    const tab = source();
    const first = createLoader(tab);
    expect(await title(first.load({ url: url(2) }))).toBe('page 2 v1');
    const second = createLoader(tab);
    expect(await title(second.load({ url: url(2) }))).toBe('page 2 v1');
    expect(second.stats).toEqual({ fetches: 0, cacheHits: 1, chars: 0 });
    expect(net.calls).toEqual([url(2)]);
    expect(cache.gets).toEqual([url(2)]); // the first session's miss; the second never asked

    cache.map.set(url(3), 'page 3 cached');
    await createLoader(tab).load({ url: url(3) });
    await createLoader(tab).load({ url: url(3) });
    expect(cache.gets).toEqual([url(2), url(3)]);
    expect(net.calls).toEqual([url(2)]);
  });

  it('keeps at most its bound, dropping the page used least recently', async () => {
    const tab = source({ memoryPages: 2 });
    for (const n of [2, 3]) await createLoader(tab).load({ url: url(n) });
    await createLoader(tab).load({ url: url(2) }); // 2 is now the more recent
    await createLoader(tab).load({ url: url(4) }); // past the bound: 3 goes
    cache.gets.length = 0;
    for (const n of [2, 4, 3]) await createLoader(tab).load({ url: url(n) });
    expect(cache.gets).toEqual([url(3)]);
    expect(net.calls).toEqual([url(2), url(3), url(4)]); // 3 came back from IndexedDB, not the network
    expect(MEMORY_PAGES).toBe(64);
  });

  it('refresh goes past both caches to the network and rewrites both', async () => {
    const tab = source();
    await createLoader(tab).load({ url: url(2) });
    cache.gets.length = 0;
    const refresh = createLoader(tab, { refresh: true });
    expect(await title(refresh.load({ url: url(2) }))).toBe('page 2 v2');
    expect(refresh.stats).toEqual({ fetches: 1, cacheHits: 0, chars: 9 });
    expect(cache.gets).toEqual([]);
    expect(cache.map.get(url(2))).toBe('page 2 v2');
    // Memory holds the new text too: this tab's next open shows it without asking IndexedDB.
    expect(await title(createLoader(tab).load({ url: url(2) }))).toBe('page 2 v2');
    expect(cache.gets).toEqual([]);
    // And another tab reads it from IndexedDB.
    expect(await title(createLoader(source()).load({ url: url(2) }))).toBe('page 2 v2');
  });

  it('an IndexedDB failure is a miss: the page is fetched, and memory still serves the tab', async () => {
    cache.map.set(url(2), 'page 2 cached');
    cache.broken = true;
    const tab = source();
    const s = createLoader(tab);
    expect(await title(s.load({ url: url(2) }))).toBe('page 2 v1');
    expect(s.stats.fetches).toBe(1);
    expect(s.problems).toEqual([]);
    expect(cache.puts).toEqual([url(2)]);
    expect(await title(createLoader(tab).load({ url: url(2) }))).toBe('page 2 v1');
    expect(net.calls).toEqual([url(2)]);
  });

  it('keeps no page that is not e-paper, in memory or IndexedDB', async () => {
    const tab = source();
    for (let i = 0; i < 2; i++) await createLoader(tab).load({ url: url('missing') });
    expect(net.calls).toEqual([url('missing'), url('missing')]);
    expect(cache.puts).toEqual([]);
  });

  it('an offline use reads memory and IndexedDB but never the network', async () => {
    cache.map.set(url(2), 'page 2 cached');
    const tab = source();
    const warm = createLoader(tab, { offline: true });
    expect(await title(warm.load({ url: url(2) }))).toBe('page 2 cached');
    await expect(warm.load({ url: url(3) })).rejects.toThrow('not in the cache');
    expect(net.calls).toEqual([]);
  });
});

describe('the kit makes one source per tab', () => {
  const layout = (n: number, links: number[]): string =>
    `<html><head><meta charset="utf-8"></head><body>${n}|${links.join(',')}</body></html>`;
  // A layout page 「n|a,b」 lists pages a and b; its one block carries the page's number.
  const parseLayout = (html: string, u: string): Page => {
    const [n, list] = /(\d+)\|([\d,]*)/.exec(html)!.slice(1);
    return emptyPage({
      url: u,
      kind: 'layout',
      label: n,
      pageLinks: list.split(',').map((l) => ({ label: l, name: '', href: url(l) })),
      blocks: [{ title: `第${n}版的一篇报道`, href: `${BASE}content_${n}.htm`, order: 0, polygons: [] }],
    });
  };

  it('the second scan in a tab reads its pages from memory; another origin gets its own source', async () => {
    const { fn, calls } = fakeFetch({ [url(2)]: { body: layout(2, [1, 2]) } });
    const kit = makeReaderKit({ fetch: fn, cache });
    const front = parseLayout(layout(1, [1, 2]), url(1));
    const env = { pageUrl: url(1), parse: parseLayout };
    await kit.scanIssue(front, env);
    await kit.scanIssue(front, env);
    expect(calls).toEqual([url(2)]);
    expect(cache.gets).toEqual([url(2)]);

    // Same parser, another site: no memory of the first site's pages (its own IndexedDB read).
    const other = 'http://epaper.example.cn/html/node_1.htm';
    const elsewhere = { ...front, url: other, pageLinks: [{ label: '2', name: '', href: url(2) }] };
    await kit.scanIssue(elsewhere, { pageUrl: other, parse: parseLayout });
    expect(cache.gets).toEqual([url(2), url(2)]);
  });
});
