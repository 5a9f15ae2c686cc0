import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/dom';
import { fetchHtml } from '../../lib/extension/shared/fetch-html';
import { createLoader, type LoaderOptions } from '../../lib/extension/kit/loader';
import {
  createPageSource,
  isEpaperPage,
  type PageCache,
  type PageSourceIo,
} from '../../lib/extension/kit/page-source';
import { emptyArticle, emptyPage, type Page } from '../../lib/model';
import { readPage } from '../../lib/sites';
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
    // The browser's English 「Failed to fetch」 is not shown: the note says what it means.
    ['network error', { fail: 'Failed to fetch' }, '网络错误，未能载入这一版（无法连接网站）。'],
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
    expect(await fetchHtml(fn, BASE + 'p.htm')).toMatchObject({ ok: false, error: message });
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

/** A parse that records what it was given: the page's title is its HTML (one paragraph: e-paper). */
const parse = (html: string, url: string): Page =>
  emptyPage({
    url,
    label: url.endsWith('2.htm') ? '2' : '1',
    articles: [emptyArticle({ title: html, paragraphs: [{ text: html, kind: 'text' }] })],
  });

/** The IndexedDB cache as the kit sees it (over messages), counting reads. */
function memoryCache(): PageCache & { map: Map<string, string>; gets: string[] } {
  const map = new Map<string, string>();
  const gets: string[] = [];
  return {
    map,
    gets,
    get: async (u) => (gets.push(u), map.get(u) ?? null),
    put: async (u, h) => void map.set(u, h),
  };
}

/** A session over a page source of its own (a fresh tab). */
const loader = (io: PageSourceIo, opts?: LoaderOptions) => createLoader(createPageSource(io), opts);

describe('createLoader', () => {
  it('fetches once, caches, and serves the next session from the cache', async () => {
    const { fn, calls } = fakeFetch({ [BASE + 'p2.htm']: { body: 'part two' } });
    const cache = memoryCache();
    const io = { pageUrl: BASE + 'p1.htm', fetchSameOrigin: (u: string) => fetchHtml(fn, u), parse, cache };
    const first = loader(io);
    const [a, b] = await Promise.all([
      first.load({ url: BASE + 'p2.htm' }),
      first.load({ url: BASE + 'p2.htm' }),
    ]);
    expect(a.articles[0].title).toBe('part two');
    expect(b).toBe(a);
    expect(first.stats).toEqual({ fetches: 1, cacheHits: 0, chars: 8 });
    expect(cache.map.get(BASE + 'p2.htm')).toBe('part two');

    // Another tab: from IndexedDB.
    const second = loader(io);
    await second.load({ url: BASE + 'p2.htm' });
    expect(second.stats).toEqual({ fetches: 0, cacheHits: 1, chars: 0 });
    expect(cache.gets).toEqual([BASE + 'p2.htm', BASE + 'p2.htm']);
    expect(calls).toEqual([BASE + 'p2.htm']);

    const refresh = loader(io, { refresh: true });
    await refresh.load({ url: BASE + 'p2.htm' });
    expect(refresh.stats).toEqual({ fetches: 1, cacheHits: 0, chars: 8 });
  });

  it('warms up from the cache only, and the next session reads those pages from memory', async () => {
    const { fn, calls } = fakeFetch({
      [BASE + 'p2.htm']: { body: 'part two' },
      [BASE + 'p3.htm']: { body: 'three' },
    });
    const cache = memoryCache();
    cache.map.set(BASE + 'p2.htm', 'part two (cached)');
    const source = createPageSource({
      pageUrl: BASE + 'p1.htm',
      fetchSameOrigin: (u: string) => fetchHtml(fn, u),
      parse,
      cache,
    });
    const warm = createLoader(source, { offline: true });
    expect((await warm.load({ url: BASE + 'p2.htm' })).articles[0].title).toBe('part two (cached)');
    await expect(warm.load({ url: BASE + 'p3.htm' })).rejects.toThrow('not in the cache');
    expect(calls).toEqual([]);

    cache.map.clear(); // the click's session must not need the background for p2 any more
    const click = createLoader(source);
    expect((await click.load({ url: BASE + 'p2.htm' })).articles[0].title).toBe('part two (cached)');
    expect(click.stats).toEqual({ fetches: 0, cacheHits: 1, chars: 0 });
    expect(cache.gets).toEqual([BASE + 'p2.htm', BASE + 'p3.htm']);
    const refresh = createLoader(source, { refresh: true });
    expect((await refresh.load({ url: BASE + 'p2.htm' })).articles[0].title).toBe('part two');
  });

  it('rejects a missing page with the sentence and keeps it as a problem with the link', async () => {
    const { fn } = fakeFetch({});
    const s = loader({ pageUrl: BASE + 'p1.htm', fetchSameOrigin: (u) => fetchHtml(fn, u), parse });
    await expect(s.load({ url: BASE + 'p4.htm' })).rejects.toThrow('这一版不在网站上了（HTTP 404）。');
    expect(s.problems).toEqual([{ text: '这一版不在网站上了（HTTP 404）。', url: BASE + 'p4.htm' }]);
  });

  it.each([
    ['zh_CN', { label: '4', url: BASE + 'p4.htm' }, '第4版不在网站上了（HTTP 404）。'],
    ['zh_CN', { label: 'A4', url: BASE + 'p4.htm' }, 'A4版不在网站上了（HTTP 404）。'],
    ['en', { label: '4', url: BASE + 'p4.htm' }, 'Page 4 is not on the site (HTTP 404).'],
  ] as const)('names the page it knows in the problem (%s, %j)', async (lang, ref, text) => {
    useLocale(lang);
    const { fn } = fakeFetch({});
    const s = loader({ pageUrl: BASE + 'p1.htm', fetchSameOrigin: (u) => fetchHtml(fn, u), parse });
    await expect(s.load(ref)).rejects.toThrow(text);
    expect(s.problems).toEqual([{ text, url: BASE + 'p4.htm' }]);
    useLocale('zh_CN');
  });

  it('does not fetch another origin without the background, and says why', async () => {
    const { fn, calls } = fakeFetch({});
    const s = loader({ pageUrl: BASE + 'p1.htm', fetchSameOrigin: (u) => fetchHtml(fn, u), parse });
    await expect(s.load({ url: 'https://other.example.cn/p2.htm' })).rejects.toThrow(
      /另一个网站（https:\/\/other.example.cn）/,
    );
    expect(calls).toEqual([]);
  });

  it('sends another origin to the background fetch when there is one', async () => {
    const remote: string[] = [];
    const s = loader({
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
    const s = loader(
      {
        pageUrl: BASE + 'p1.htm',
        fetchSameOrigin: (u) => fetchHtml(fn, u),
        parse,
      },
      { onProgress: (d, t) => progress.push(`${d}/${t}`) },
    );
    s.remember(emptyPage({ pageLinks: [{ label: 'A2', name: '要闻', href: BASE + 'node_2.htm' }] }));
    expect((await s.load({ label: 'A2' })).articles[0].title).toBe('page two');
    expect(progress).toEqual(['0/1', '1/1']);
    await expect(s.load({ label: 'B9' })).rejects.toThrow('找不到第 B9 版的地址。');
  });
});

describe('the page source caches only e-paper pages', () => {
  // Real pages through the real reader: a 中国青年报 layout page, and what the generic reader makes
  // of a site's error page (kind 'article', no article: kind alone would have said "cache it").
  const LAYOUT = readFileSync('tests/fixtures/real/zqb-cyol/node_06.html', 'utf8');
  const NOT_FOUND =
    '<html><head><meta charset="utf-8"><title>404</title></head><body><h1>页面不存在</h1><p>您访问的页面不存在或已被删除。</p></body></html>';
  const ZQB = 'http://zqb.cyol.com/pc/layout/202609/16/';
  const realParse = (html: string, url: string): Page => readPage(parseHtml(html, url).document, url);

  it('parses first and caches a layout page, but not a page that is not e-paper', async () => {
    const { fn } = fakeFetch({
      [ZQB + 'node_06.html']: { body: LAYOUT },
      [ZQB + 'node_07.html']: { body: NOT_FOUND },
      ['http://zqb.cyol.com/404.html']: { body: NOT_FOUND },
    });
    const cache = memoryCache();
    const s = loader({
      pageUrl: ZQB + 'node_01.html',
      fetchSameOrigin: (u) => fetchHtml(fn, u),
      parse: realParse,
      cache,
    });
    const layout = await s.load({ url: ZQB + 'node_06.html' });
    expect([layout.kind, layout.blocks.length > 0]).toEqual(['layout', true]);
    // At a layout URL founder-pc reads the error page as a layout page without blocks; elsewhere the
    // generic reader makes it kind 'article' without an article. Either kind alone would cache it.
    const atLayoutUrl = await s.load({ url: ZQB + 'node_07.html' });
    expect([atLayoutUrl.kind, atLayoutUrl.blocks.length, atLayoutUrl.articles.length]).toEqual([
      'layout',
      0,
      0,
    ]);
    const generic = await s.load({ url: 'http://zqb.cyol.com/404.html' });
    expect([generic.kind, generic.adapter, generic.articles.length]).toEqual(['article', 'generic', 0]);
    expect([...cache.map.keys()]).toEqual([ZQB + 'node_06.html']);
    expect(s.stats.fetches).toBe(3);
  });

  it.each([
    [
      'a layout page with blocks',
      emptyPage({ kind: 'layout', blocks: [{ title: '要闻', href: 'x', order: 0, polygons: [] }] }),
      true,
    ],
    [
      'an article with paragraphs',
      emptyPage({ articles: [emptyArticle({ paragraphs: [{ text: '正文', kind: 'text' }] })] }),
      true,
    ],
    ['an article without paragraphs', emptyPage({ articles: [emptyArticle({ title: '登录' })] }), false],
    ['a layout page without blocks', emptyPage({ kind: 'layout' }), false],
    ['an empty page', emptyPage(), false],
  ])('isEpaperPage: %s', (_name, page, expected) => {
    expect(isEpaperPage(page)).toBe(expected);
  });
});

describe('createLoader limits', () => {
  const limits = { fetches: 2, chars: 100, pageChars: 30 };

  it('goes offline once the fetches are spent, and still serves the cache', async () => {
    const { fn, calls } = fakeFetch({
      [BASE + 'a.htm']: { body: 'a' },
      [BASE + 'b.htm']: { body: 'b' },
      [BASE + 'c.htm']: { body: 'c' },
    });
    const cache = memoryCache();
    cache.map.set(BASE + 'd.htm', 'cached d');
    const s = loader(
      {
        pageUrl: BASE + 'p1.htm',
        fetchSameOrigin: (u) => fetchHtml(fn, u),
        parse,
        cache,
      },
      { limits },
    );
    await s.load({ url: BASE + 'a.htm' });
    await s.load({ url: BASE + 'b.htm' });
    await expect(s.load({ url: BASE + 'c.htm' })).rejects.toThrow('not in the cache');
    expect((await s.load({ url: BASE + 'd.htm' })).articles[0].title).toBe('cached d');
    expect(calls).toEqual([BASE + 'a.htm', BASE + 'b.htm']);
    expect(s.stats).toEqual({ fetches: 2, cacheHits: 1, chars: 2 });
  });

  it('passes the page cap to the fetch, refuses a bigger answer, and counts fetches under way at the cap', async () => {
    const asked: Array<number | undefined> = [];
    const bodies: Record<string, string> = { a: 'x'.repeat(30), b: 'x'.repeat(31), c: 'x'.repeat(10) };
    const s = loader(
      {
        pageUrl: BASE + 'p1.htm',
        fetchSameOrigin: async (u, maxBytes) => (
          asked.push(maxBytes),
          { ok: true, value: { url: u, html: bodies[u.slice(-5, -4)] } }
        ),
        parse,
        cache: memoryCache(),
      },
      { limits: { fetches: 10, chars: 70, pageChars: 30 } },
    );
    await s.load({ url: BASE + 'a.htm' });
    await expect(s.load({ url: BASE + 'b.htm' })).rejects.toThrow('over the page size limit');
    expect(asked).toEqual([30, 30]);
    // 61 characters read: one more fetch could bring 30, past 70.
    await expect(s.load({ url: BASE + 'c.htm' })).rejects.toThrow('not in the cache');
    expect(s.stats.chars).toBe(61);
  });
});
