/**
 * The background's `fetchImage` (the issue EPUB's cover) with forged senders and bad answers, behind
 * the real guard and against a real library on fake-indexeddb: only our own pages may ask, only for
 * the origin of an e-paper page the walk read (in the page cache) or a switched-on one, image types
 * only, at most 5 MB, each redirect hop checked.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../../../lib/db/index.ts';
import { MAX_IMAGE_BYTES } from '../../../lib/extension/background/fetch-image.ts';
import { backgroundHandlers } from '../../../lib/extension/background/messages.ts';
import { base64ToBytes, type Handlers, type Request } from '../../../lib/messaging.ts';
import type { Result } from '../../../lib/model/index.ts';
import { ok, testLibrary } from '../../db/factories.ts';
import { fakeFetch, messages, useLocale, type FakeResponse } from '../helpers.ts';

const EXT = 'chrome-extension://abcdefghijklmnop';
const PAGE = { id: 'abcdefghijklmnop', url: `${EXT}/issue.html?url=x` };
const SITE = 'https://news.hndaily.cn';
const FRONT = `${SITE}/html/2026-07/09/node_1.htm`;
const IMAGE = `${SITE}/images/2026-07/09/page_001.jpg`;
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
const content = { id: 'abcdefghijklmnop', url: FRONT, tab: { id: 7 }, frameId: 0 };
const en = messages('en');
/** The English sentence of a message key with its `$1`. */
const sentence = (key: string, arg = '') => en[key].message.replace('$1', arg);

let library: Library;
let handlers: Handlers;
let routes: Record<string, FakeResponse>;
let calls: string[];
let switchedOn: string[];

async function call(req: Request, sender: unknown): Promise<Result<unknown>> {
  const h = handlers[req.type] as (r: unknown, s: unknown) => Promise<Result<unknown>>;
  return h(req, sender);
}

const cover = (url = IMAGE, pageUrl = FRONT): Request => ({ type: 'fetchImage', url, pageUrl });

beforeEach(async () => {
  useLocale('en');
  library = testLibrary();
  routes = { [IMAGE]: { body: JPEG, headers: { 'content-type': 'image/jpeg' } } };
  switchedOn = [];
  const fake = fakeFetch(routes);
  calls = fake.calls;
  ({ handlers } = backgroundHandlers(library, {
    runtime: { sendMessage: async () => undefined },
    tabs: { sendMessage: async () => ({ ok: true, value: null }) },
    fetch: fake.fn,
    granted: async (origin) => switchedOn.includes(origin),
    sender: {
      extensionId: 'abcdefghijklmnop',
      extensionOrigin: EXT,
      contentRunsOn: async (u) => /\/(node|content)_\d+\.htm$/.test(new URL(u).pathname),
    },
  }));
  // The walk read the front page: the page source keeps every page it fetched.
  ok(
    await library.putCachedPage({ url: FRONT, contentType: 'text/html; charset=utf-8', text: '<p>头版</p>' }),
  );
});

describe("fetchImage from issue.html (the EPUB's cover)", () => {
  it("fetches the front page's image on that page's origin, as bytes and a bare type", async () => {
    routes[IMAGE].headers = { 'content-type': 'image/JPEG; charset=binary' };
    const r = ok(await call(cover(), PAGE)) as { contentType: string; bytesBase64: string; finalUrl: string };
    expect(r.contentType).toBe('image/jpeg');
    expect(r.finalUrl).toBe(IMAGE);
    expect(base64ToBytes(r.bytesBase64)).toEqual(JPEG);
    expect(calls).toEqual([IMAGE]);
  });

  it('follows a redirect on the same origin, hop by hop', async () => {
    const moved = `${SITE}/images/moved.jpg`;
    routes[IMAGE] = { status: 302, headers: { location: '/images/moved.jpg' } };
    routes[moved] = { body: JPEG, headers: { 'content-type': 'image/jpeg' } };
    const r = ok(await call(cover(), PAGE)) as { finalUrl: string };
    expect(r.finalUrl).toBe(moved);
    expect(calls).toEqual([IMAGE, moved]);
  });

  it('fetches an image on another origin when the user switched that origin on', async () => {
    const cdn = 'https://img.hndaily.cn/page_001.png';
    routes[cdn] = { body: JPEG, headers: { 'content-type': 'image/png' } };
    switchedOn.push('https://img.hndaily.cn');
    expect((ok(await call(cover(cdn), PAGE)) as { contentType: string }).contentType).toBe('image/png');
  });
});

describe('refused without fetching', () => {
  it('from a content script, even for its own page and origin', async () => {
    expect(await call(cover(), content)).toEqual({
      ok: false,
      error: expect.stringMatching(/not available to web pages/),
    });
    expect(calls).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['an address inside the network (the page names any src)', 'http://127.0.0.1:8080/admin.png', FRONT],
    ['another site', 'https://evil.example/page_001.jpg', FRONT],
    ['a page the walk never read', IMAGE, `${SITE}/html/2026-07/09/node_2.htm`],
    ['a "page" that is no e-paper page', 'https://blog.example/a.jpg', 'https://blog.example/post.html'],
    ['a data: URL', 'data:image/png;base64,AAAA', FRONT],
  ])('%s', async (_, url, pageUrl) => {
    if (pageUrl.endsWith('post.html')) {
      ok(await library.putCachedPage({ url: pageUrl, contentType: 'text/html', text: '<p>x</p>' }));
    }
    const r = await call(cover(url, pageUrl), PAGE);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^The cover image is on another site/) });
    expect(calls).toEqual([]);
  });

  it.each<[string, Request]>([
    ['no page address', { type: 'fetchImage', url: IMAGE } as unknown as Request],
    ['an address that is no string', { type: 'fetchImage', url: 7, pageUrl: FRONT } as unknown as Request],
    ['a 3 MB address', cover(`${SITE}/${'a'.repeat(3_000_000)}.jpg`)],
  ])('a request with %s', async (_, req) => {
    expect(await call(req, PAGE)).toEqual({
      ok: false,
      error: expect.stringMatching(/"fetchImage" refused/),
    });
    expect(calls).toEqual([]);
  });
});

describe('bad answers are refused with a sentence', () => {
  const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
  it.each<[string, FakeResponse, string]>([
    [
      'not an image (an HTML error page)',
      { body: '<html>', headers: { 'content-type': 'text/html' } },
      sentence('problemImageNotImage', 'text/html'),
    ],
    ['no type at all', { body: JPEG }, sentence('problemImageNotImage', '?')],
    [
      'an empty image',
      { headers: { 'content-type': 'image/jpeg' } },
      sentence('problemImageNotImage', 'image/jpeg'),
    ],
    [
      'a 404',
      { status: 404, headers: { 'content-type': 'image/jpeg' } },
      sentence('problemImageStatus', '404'),
    ],
    ['a network error', { fail: 'connection reset' }, sentence('problemImageNetwork', 'connection reset')],
    [
      'too big, said in Content-Length',
      {
        body: JPEG,
        headers: { 'content-type': 'image/jpeg', 'content-length': String(MAX_IMAGE_BYTES + 1) },
      },
      sentence('problemImageTooBig', '5'),
    ],
    [
      'too big, with a Content-Length that lies',
      { body: big, headers: { 'content-type': 'image/jpeg', 'content-length': '9' } },
      sentence('problemImageTooBig', '5'),
    ],
    [
      'too big, with no Content-Length',
      { body: big, headers: { 'content-type': 'image/png' } },
      sentence('problemImageTooBig', '5'),
    ],
  ])('%s', async (_, answer, error) => {
    routes[IMAGE] = answer;
    expect(await call(cover(), PAGE)).toEqual({ ok: false, error });
    expect(calls).toEqual([IMAGE]);
  });

  it('a redirect to another origin is not followed', async () => {
    routes[IMAGE] = { status: 301, headers: { location: 'http://127.0.0.1:8080/admin.png' } };
    routes['http://127.0.0.1:8080/admin.png'] = { body: JPEG, headers: { 'content-type': 'image/jpeg' } };
    expect(await call(cover(), PAGE)).toEqual({
      ok: false,
      error: sentence('problemImageRedirect', 'http://127.0.0.1:8080'),
    });
    expect(calls).toEqual([IMAGE]);
  });

  it('a redirect loop stops after a few hops', async () => {
    routes[IMAGE] = { status: 302, headers: { location: IMAGE } };
    const r = await call(cover(), PAGE);
    expect(r).toEqual({ ok: false, error: sentence('problemImageRedirect', SITE) });
    expect(calls.length).toBeLessThanOrEqual(6);
  });

  it('the zh_CN sentence names the type it got', async () => {
    routes[IMAGE] = { body: '<html>', headers: { 'content-type': 'text/html' } };
    useLocale('zh_CN');
    expect(await call(cover(), PAGE)).toEqual({
      ok: false,
      error: '封面图的地址给的不是图片（text/html），没有用。',
    });
  });
});
