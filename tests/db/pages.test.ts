import { describe, expect, it } from 'vitest';
import {
  MAX_CACHE_CHARS,
  MAX_PAGE_CHARS,
  TOUCH_AFTER_MS,
  openLibrary,
  prunePages,
  requestPersistence,
} from '../../lib/db/index.ts';
import { freshName, ok, testLibrary } from './factories.ts';
import { libraryDb } from '../../lib/db/library.ts';

const URL1 = 'http://news.hndaily.cn/html/2026-07/09/node_58465.htm';

describe('page cache', () => {
  it('puts and gets a page by URL, honouring a maximum age, and prunes old pages', async () => {
    const l = testLibrary();
    expect(ok(await l.getCachedPage(URL1))).toBeNull();
    const put = ok(
      await l.putCachedPage({ url: URL1, contentType: 'text/html; charset=utf-8', text: '<p>上接A1版</p>' }),
    );
    expect(put.fetchedAt).toBeGreaterThan(0);
    expect(ok(await l.getCachedPage(URL1))).toEqual(put);
    expect(ok(await l.getCachedPage(URL1, 60_000))).toEqual(put);
    ok(
      await l.putCachedPage({ url: 'http://old.example/', contentType: 'text/html', text: '', fetchedAt: 5 }),
    );
    expect(await prunePages(libraryDb(l), 1000)).toBe(1);
    expect(ok(await l.getCachedPage('http://old.example/'))).toBeNull();
    l.close();
  });

  it('keeps its bookkeeping (usedAt, size) out of what it answers', async () => {
    const l = testLibrary();
    const put = ok(await l.putCachedPage({ url: URL1, contentType: 'text/html', text: '<p>上接A1版</p>' }));
    expect(Object.keys(put).sort()).toEqual(['contentType', 'fetchedAt', 'text', 'url']);
    expect(Object.keys(ok(await l.getCachedPage(URL1))!).sort()).toEqual(Object.keys(put).sort());
    expect((await libraryDb(l).pages.get(URL1))?.size).toBe('<p>上接A1版</p>'.length);
    l.close();
  });
});

describe('page cache caps', () => {
  /** A library whose clock the test moves. */
  function clocked() {
    const clock = { now: Date.UTC(2026, 6, 13, 8) };
    const l = openLibrary({ name: freshName(), clock: () => clock.now });
    return { l, clock };
  }
  const page = (n: number, size: number) => ({
    url: `http://news.hndaily.cn/html/2026-07/09/node_${58464 + n}.htm`,
    contentType: 'text/html',
    text: 'x'.repeat(size),
  });

  it('refuses a page over the entry cap and writes nothing', async () => {
    const l = testLibrary();
    ok(await l.putCachedPage(page(1, MAX_PAGE_CHARS))); // the cap itself is allowed
    const r = await l.putCachedPage({ ...page(2, MAX_PAGE_CHARS + 1) });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/too large to cache.*nothing was saved/) });
    expect(await libraryDb(l).pages.count()).toBe(1);
    expect(ok(await l.getCachedPage(page(2, 0).url))).toBeNull();
    // Replacing a cached page by an oversized one leaves the old copy alone.
    expect((await l.putCachedPage(page(1, MAX_PAGE_CHARS + 1))).ok).toBe(false);
    expect(ok(await l.getCachedPage(page(1, 0).url))?.text.length).toBe(MAX_PAGE_CHARS);
    l.close();
  });

  it('evicts the least recently used pages on write to stay under the total cap; a page read lately survives', async () => {
    const { l, clock } = clocked();
    const size = MAX_PAGE_CHARS;
    const fit = Math.floor(MAX_CACHE_CHARS / size);
    for (let i = 0; i < fit; i++) {
      ok(await l.putCachedPage(page(i, size)));
      clock.now += 1000;
    }
    expect(await libraryDb(l).pages.count()).toBe(fit);
    clock.now += TOUCH_AFTER_MS; // page 0 is the oldest write, but read now
    expect(ok(await l.getCachedPage(page(0, 0).url))).not.toBeNull();
    clock.now += 1000;
    ok(await l.putCachedPage(page(fit, size)));
    ok(await l.putCachedPage(page(fit + 1, size)));
    const left = new Set(await libraryDb(l).pages.toCollection().primaryKeys());
    expect(left.has(page(0, 0).url)).toBe(true);
    expect(left.has(page(1, 0).url)).toBe(false); // least recently used
    expect(left.has(page(2, 0).url)).toBe(false);
    expect(left.has(page(3, 0).url)).toBe(true);
    expect(left.has(page(fit + 1, 0).url)).toBe(true);
    const total = (await libraryDb(l).pages.toArray()).reduce((n, p) => n + p.text.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_CACHE_CHARS);
    l.close();
  });

  it('replacing a page counts its new size only, and a read refreshes usedAt at most once a minute', async () => {
    const { l, clock } = clocked();
    ok(await l.putCachedPage(page(1, 10)));
    const t0 = clock.now;
    clock.now += TOUCH_AFTER_MS - 1;
    ok(await l.getCachedPage(page(1, 0).url));
    expect((await libraryDb(l).pages.get(page(1, 0).url))?.usedAt).toBe(t0);
    clock.now += 1;
    ok(await l.getCachedPage(page(1, 0).url));
    expect((await libraryDb(l).pages.get(page(1, 0).url))?.usedAt).toBe(clock.now);
    // A full cache replaced page by page with pages of the same size drops nothing.
    for (let i = 2; i <= Math.floor(MAX_CACHE_CHARS / MAX_PAGE_CHARS); i++) {
      ok(await l.putCachedPage(page(i, MAX_PAGE_CHARS)));
    }
    const before = await libraryDb(l).pages.count();
    clock.now += 1;
    ok(await l.putCachedPage(page(2, MAX_PAGE_CHARS)));
    expect(await libraryDb(l).pages.count()).toBe(before);
    l.close();
  });
});

describe('requestPersistence', () => {
  it.each([
    [
      'already persisted',
      { persisted: async () => true, persist: async () => false },
      { ok: true, value: true },
    ],
    ['granted', { persisted: async () => false, persist: async () => true }, { ok: true, value: true }],
    ['refused', { persisted: async () => false, persist: async () => false }, { ok: true, value: false }],
  ])('%s', async (_name, storage, expected) => {
    expect(await requestPersistence({ storage })).toEqual(expected);
  });

  it('reports a missing API or a failure as an error value', async () => {
    expect((await requestPersistence({})).ok).toBe(false);
    expect((await requestPersistence(undefined)).ok).toBe(false);
    const failing = {
      storage: { persist: async (): Promise<boolean> => Promise.reject(new Error('denied')) },
    };
    expect(await requestPersistence(failing)).toEqual({ ok: false, error: expect.stringMatching(/denied/) });
  });
});
