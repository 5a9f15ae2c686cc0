import { beforeEach, describe, expect, it } from 'vitest';
import { fetchPageForTab } from '../../lib/extension/background/fetch-page';
import { backgroundFetch, messageCache } from '../../lib/extension/kit/background-io';
import { bytesToBase64, createHandler, type Handlers, type RuntimeLike } from '../../lib/messaging';
import { fakeFetch, useLocale } from './helpers';

const OTHER = 'https://other.example.cn/html/2026-07/09/node_2.htm';

/** A runtime whose sendMessage goes straight to a createHandler listener, as the background's would. */
function runtimeOver(handlers: Handlers): RuntimeLike & { sent: unknown[] } {
  const listener = createHandler(handlers);
  const sent: unknown[] = [];
  return {
    sent,
    sendMessage: (m) => {
      sent.push(m);
      return new Promise((resolve) => listener(m, {}, resolve));
    },
  };
}

beforeEach(() => useLocale('zh_CN'));

describe("the background's fetchPage", () => {
  it('fetches a granted origin and answers with the decoded text', async () => {
    const { fn } = fakeFetch({
      [OTHER]: { body: '<p>下一版</p>', headers: { 'content-type': 'text/html; charset=utf-8' } },
    });
    const asked: string[] = [];
    const r = await fetchPageForTab(OTHER, fn, async (p) => (asked.push(p), true));
    expect(asked).toEqual([OTHER]);
    expect(r).toEqual({
      ok: true,
      value: { status: 200, contentType: 'text/html; charset=utf-8', finalUrl: OTHER, text: '<p>下一版</p>' },
    });
  });

  it('refuses an origin the user has not switched on, without fetching', async () => {
    const { fn, calls } = fakeFetch({ [OTHER]: { body: 'x' } });
    const r = await fetchPageForTab(OTHER, fn, async () => false);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/另一个网站（https:\/\/other.example.cn）/);
    expect(calls).toEqual([]);
  });
});

describe("the content script's side", () => {
  it('reads and writes the page cache through messages; a failed message is a miss', async () => {
    const store = new Map<string, string>();
    const runtime = runtimeOver({
      getCachedPage: async (m) => {
        const text = store.get(m.url);
        return {
          ok: true,
          value: text === undefined ? null : { url: m.url, text, contentType: '', fetchedAt: 1 },
        };
      },
      putCachedPage: async (m) => {
        store.set(m.page.url, m.page.text);
        return { ok: true, value: { ...m.page, fetchedAt: 1 } };
      },
    });
    const cache = messageCache(runtime);
    expect(await cache.get(OTHER)).toBeNull();
    await cache.put(OTHER, '版面');
    expect(await cache.get(OTHER)).toBe('版面');
    const broken = messageCache({
      sendMessage: () => Promise.reject(new Error('Receiving end does not exist.')),
    });
    expect(await broken.get(OTHER)).toBeNull();
  });

  it('turns a fetchPage answer (text or base64 bytes) into a page, and passes refusals on', async () => {
    const gbk = new Uint8Array([0xba, 0xa3, 0xc4, 0xcf]); // 「海南」
    const answers: Record<string, unknown> = {
      [OTHER]: { status: 200, contentType: 'text/html', finalUrl: OTHER, text: '文字' },
      'https://b.cn/x': {
        status: 200,
        contentType: 'text/html; charset=gbk',
        finalUrl: 'https://b.cn/y',
        bytesBase64: bytesToBase64(gbk),
      },
    };
    const runtime = runtimeOver({
      fetchPage: async (m) =>
        answers[m.url] ? { ok: true, value: answers[m.url] as never } : { ok: false, error: '没有权限' },
    });
    const get = backgroundFetch(runtime);
    expect(await get(OTHER)).toEqual({ ok: true, value: { url: OTHER, html: '文字' } });
    expect(await get('https://b.cn/x')).toEqual({ ok: true, value: { url: 'https://b.cn/y', html: '海南' } });
    expect(await get('https://c.cn/')).toEqual({ ok: false, error: '没有权限' });
  });
});

describe("the background's fetchPage follows redirects hop by hop", () => {
  const A = 'https://paper.example.cn/html/2026-07/09/node_2.htm';
  const B = 'https://paper.example.cn/html/2026-07/09/node_3.htm';
  const INTRANET = 'http://127.0.0.1:8080/admin';
  const page = { body: '<p>续文</p>', headers: { 'content-type': 'text/html; charset=utf-8' } };

  it('checks every hop before requesting it, and loads the page at the end', async () => {
    const { fn, calls } = fakeFetch({ [A]: { status: 302, headers: { location: B } }, [B]: page });
    const asked: string[] = [];
    const r = await fetchPageForTab(A, fn, async (u) => (asked.push(u), true));
    expect(asked).toEqual([A, B]);
    expect(calls).toEqual([A, B]);
    expect(r.ok && r.value.finalUrl).toBe(B);
  });

  it('stops at a hop it may not reach, without requesting it', async () => {
    const { fn, calls } = fakeFetch({ [A]: { status: 301, headers: { location: INTRANET } } });
    const r = await fetchPageForTab(A, fn, async (u) => u === A);
    expect(calls).toEqual([A]);
    expect(!r.ok && r.error).toMatch(/127\.0\.0\.1:8080/);
  });

  it('refuses a redirect whose target the browser hides (opaque), and a redirect loop', async () => {
    const opaque = async () => {
      const res = new Response(null, { status: 200 });
      Object.defineProperty(res, 'type', { value: 'opaqueredirect' });
      return res;
    };
    const hidden = await fetchPageForTab(A, opaque, async () => true);
    expect(!hidden.ok && hidden.error).toMatch(/浏览器不告知/);
    const { fn, calls } = fakeFetch({
      [A]: { status: 302, headers: { location: B } },
      [B]: { status: 302, headers: { location: A } },
    });
    const loop = await fetchPageForTab(A, fn, async () => true);
    expect(loop.ok).toBe(false);
    expect(calls.length).toBeLessThanOrEqual(6);
  });
});
