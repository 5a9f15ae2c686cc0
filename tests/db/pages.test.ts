import { describe, expect, it } from 'vitest';
import { prunePages, requestPersistence } from '../../lib/db/index.ts';
import { ok, testLibrary } from './factories.ts';

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
    expect(await prunePages(l.db, 1000)).toBe(1);
    expect(ok(await l.getCachedPage('http://old.example/'))).toBeNull();
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
