import { beforeEach, describe, expect, it } from 'vitest';
import { fetchHtml } from '../../lib/extension/fetch-html';
import { createLoader, type PageCache } from '../../lib/extension/loader';
import { emptyArticle, emptyPage, type Page } from '../../lib/model';
import { fakeFetch, useLocale } from './helpers';

const BASE = 'http://127.0.0.1:4173/html/2026-07/13/';
const HTML = '<html><head><meta charset="utf-8"><title>x</title></head><body>一枚“海南芯”</body></html>';

beforeEach(() => useLocale('zh_CN'));

describe('fetchHtml', () => {
  it('decodes UTF-8 and GB18030 (by header, and by fallback)', async () => {
    const gbk = new Uint8Array([0xba, 0xa3, 0xc4, 0xcf]); // 「海南」 in GBK
    const { fn } = fakeFetch({
      [BASE + 'a.htm']: { body: HTML, headers: { 'content-type': 'text/html; charset=utf-8' } },
      [BASE + 'b.htm']: { body: gbk, headers: { 'content-type': 'text/html; charset=gbk' } },
      [BASE + 'c.htm']: { body: gbk, headers: { 'content-type': 'text/html' } },
    });
    const a = await fetchHtml(fn, BASE + 'a.htm');
    expect(a.ok && a.value.html).toContain('一枚“海南芯”');
    const b = await fetchHtml(fn, BASE + 'b.htm');
    expect(b.ok && b.value.html).toBe('海南');
    const c = await fetchHtml(fn, BASE + 'c.htm');
    expect(c.ok && c.value.html).toBe('海南');
  });

  it.each([
    ['404', { status: 404, body: 'gone' }, '这一版不在网站上了（HTTP 404）。'],
    ['network error', { fail: 'Failed to fetch' }, '网络错误，未能载入这一版（Failed to fetch）。'],
    [
      'redirect to another site',
      { body: HTML, url: 'https://ads.example.com/landing' },
      '这一版被转到了另一个网站（https://ads.example.com），没有载入。',
    ],
    [
      'declared 20 MB',
      { body: 'x', headers: { 'content-length': String(20 * 1024 * 1024) } },
      '这一版超过 8 MB，不像数字报页面，没有载入。',
    ],
    [
      'a PNG',
      { body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) },
      '这一版不是网页（可能是图片或 PDF）。',
    ],
  ])('%s → a problem, not a throw', async (_name, response, message) => {
    const { fn } = fakeFetch({ [BASE + 'p.htm']: response });
    expect(await fetchHtml(fn, BASE + 'p.htm')).toEqual({ ok: false, error: message });
  });

  it('stops reading a body that grows past the limit without a Content-Length', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(1024 * 1024));
        if (pulled > 100) c.close();
      },
    });
    const fn = async () => new Response(stream, { status: 200 });
    const r = await fetchHtml(fn, BASE + 'big.htm', 3 * 1024 * 1024);
    expect(r.ok).toBe(false);
    expect(pulled).toBeLessThan(10);
  });

  it('follows a same-origin redirect and reports the final URL', async () => {
    const { fn } = fakeFetch({ [BASE + 'old.htm']: { body: HTML, url: BASE + 'new.htm' } });
    const r = await fetchHtml(fn, BASE + 'old.htm');
    expect(r.ok && r.value.url).toBe(BASE + 'new.htm');
  });
});

/** A parse that records what it was given: the page's title is its HTML. */
const parse = (html: string, url: string): Page =>
  emptyPage({ url, label: url.endsWith('2.htm') ? '2' : '1', articles: [emptyArticle({ title: html })] });

function memoryCache(): PageCache & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: async (u) => map.get(u) ?? null, put: async (u, h) => void map.set(u, h) };
}

describe('createLoader', () => {
  it('fetches once, caches, and serves the next session from the cache', async () => {
    const { fn, calls } = fakeFetch({ [BASE + 'p2.htm']: { body: 'part two' } });
    const cache = memoryCache();
    const deps = { pageUrl: BASE + 'p1.htm', fetchSameOrigin: (u: string) => fetchHtml(fn, u), parse, cache };
    const first = createLoader(deps);
    const [a, b] = await Promise.all([
      first.load({ url: BASE + 'p2.htm' }),
      first.load({ url: BASE + 'p2.htm' }),
    ]);
    expect(a.articles[0].title).toBe('part two');
    expect(b).toBe(a);
    expect(first.stats).toEqual({ fetches: 1, cacheHits: 0 });
    expect(cache.map.get(BASE + 'p2.htm')).toBe('part two');

    const second = createLoader(deps);
    await second.load({ url: BASE + 'p2.htm' });
    expect(second.stats).toEqual({ fetches: 0, cacheHits: 1 });
    expect(calls).toEqual([BASE + 'p2.htm']);

    const refresh = createLoader({ ...deps, bypassCache: true });
    await refresh.load({ url: BASE + 'p2.htm' });
    expect(refresh.stats).toEqual({ fetches: 1, cacheHits: 0 });
  });

  it('warms up from the cache only, and the next session reads those pages from memory', async () => {
    const { fn, calls } = fakeFetch({
      [BASE + 'p2.htm']: { body: 'part two' },
      [BASE + 'p3.htm']: { body: 'three' },
    });
    const cache = memoryCache();
    cache.map.set(BASE + 'p2.htm', 'part two (cached)');
    const memory = new Map<string, string>();
    const deps = {
      pageUrl: BASE + 'p1.htm',
      fetchSameOrigin: (u: string) => fetchHtml(fn, u),
      parse,
      cache,
      memory,
    };
    const warm = createLoader({ ...deps, offline: true });
    expect((await warm.load({ url: BASE + 'p2.htm' })).articles[0].title).toBe('part two (cached)');
    await expect(warm.load({ url: BASE + 'p3.htm' })).rejects.toThrow('not in the cache');
    expect(calls).toEqual([]);
    expect([...memory.keys()]).toEqual([BASE + 'p2.htm']);

    cache.map.clear(); // the click's session must not need the background for p2 any more
    const click = createLoader(deps);
    expect((await click.load({ url: BASE + 'p2.htm' })).articles[0].title).toBe('part two (cached)');
    expect(click.stats).toEqual({ fetches: 0, cacheHits: 1 });
    const refresh = createLoader({ ...deps, bypassCache: true });
    expect((await refresh.load({ url: BASE + 'p2.htm' })).articles[0].title).toBe('part two');
  });

  it('rejects a missing page with the sentence and keeps it as a problem with the link', async () => {
    const { fn } = fakeFetch({});
    const s = createLoader({ pageUrl: BASE + 'p1.htm', fetchSameOrigin: (u) => fetchHtml(fn, u), parse });
    await expect(s.load({ url: BASE + 'p4.htm' })).rejects.toThrow('这一版不在网站上了（HTTP 404）。');
    expect(s.problems).toEqual([{ text: '这一版不在网站上了（HTTP 404）。', url: BASE + 'p4.htm' }]);
  });

  it('does not fetch another origin without the background, and says why', async () => {
    const { fn, calls } = fakeFetch({});
    const s = createLoader({ pageUrl: BASE + 'p1.htm', fetchSameOrigin: (u) => fetchHtml(fn, u), parse });
    await expect(s.load({ url: 'https://other.example.cn/p2.htm' })).rejects.toThrow(
      /另一个网站（https:\/\/other.example.cn）/,
    );
    expect(calls).toEqual([]);
  });

  it('sends another origin to the background fetch when there is one', async () => {
    const remote: string[] = [];
    const s = createLoader({
      pageUrl: BASE + 'p1.htm',
      fetchSameOrigin: async () => ({ ok: false, error: 'not used' }),
      fetchOtherOrigin: async (u) => (remote.push(u), { ok: true, value: { url: u, html: 'remote' } }),
      parse,
    });
    expect((await s.load({ url: 'https://other.example.cn/p2.htm' })).articles[0].title).toBe('remote');
    expect(remote).toEqual(['https://other.example.cn/p2.htm']);
  });

  it('resolves a label through the page list of a page it knows, and reports progress', async () => {
    const { fn } = fakeFetch({ [BASE + 'node_2.htm']: { body: 'page two' } });
    const progress: string[] = [];
    const s = createLoader({
      pageUrl: BASE + 'p1.htm',
      fetchSameOrigin: (u) => fetchHtml(fn, u),
      parse,
      onProgress: (d, t) => progress.push(`${d}/${t}`),
    });
    s.remember(emptyPage({ pageLinks: [{ label: 'A2', name: '要闻', href: BASE + 'node_2.htm' }] }));
    expect((await s.load({ label: 'A2' })).articles[0].title).toBe('page two');
    expect(progress).toEqual(['0/1', '1/1']);
    await expect(s.load({ label: 'B9' })).rejects.toThrow('找不到第 B9 版的地址。');
  });
});
