import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Library } from '../lib/db/index.ts';
import { libraryHandlers } from '../lib/extension/background/library-handlers.ts';
import { base64ToBytes, bytesToBase64, createHandler, send } from '../lib/messaging.ts';
import { makeArticle, makeClip, makeHighlight, ok, testLibrary } from './db/factories.ts';

let library: Library;
let changes: string[];

beforeEach(() => {
  fakeBrowser.reset();
  library = testLibrary();
  changes = [];
  fakeBrowser.runtime.onMessage.addListener(
    createHandler({
      ...libraryHandlers(library, (key, what) => changes.push(`${what}:${key}`)),
      fetchPage: async ({ url }) => {
        if (url.includes('boom')) throw new Error('network down');
        return {
          ok: true,
          value: {
            status: 200,
            contentType: 'text/html; charset=gbk',
            finalUrl: url,
            bytesBase64: bytesToBase64(new Uint8Array([0xc9, 0xcf, 0xbd, 0xd3])),
          },
        };
      },
    }),
  );
});
afterEach(() => library.close());

describe('messages to the background (fake browser)', () => {
  it('saves a highlight with its article and lists it back, typed end to end', async () => {
    const article = makeArticle();
    const saved = ok(
      await send(fakeBrowser.runtime, { type: 'saveHighlight', highlight: makeHighlight(), article }),
    );
    expect(saved.selectors.exact).toBe('防止规模性返贫是底线');
    const items = ok(await send(fakeBrowser.runtime, { type: 'listForArticle', articleKey: article.key }));
    expect(items.highlights).toEqual([saved]);
    expect(items.article?.article.title).toBe('乡村振兴“开卷” 株洲这样作答');
    expect(changes).toEqual([`highlight:${article.key}`]);
  });

  it('edits, deletes and searches', async () => {
    const c = ok(
      await send(fakeBrowser.runtime, { type: 'saveClip', clip: makeClip(), article: makeArticle() }),
    );
    ok(await send(fakeBrowser.runtime, { type: 'updateClip', id: c.id, patch: { note: '防返贫是底线' } }));
    const found = ok(await send(fakeBrowser.runtime, { type: 'search', query: '返贫' }));
    expect(found.hits.map((h) => h.item.id)).toEqual([c.id]);
    const groups = ok(await send(fakeBrowser.runtime, { type: 'recentClips', limit: 10 }));
    expect(groups[0].count).toBe(1);
    expect(ok(await send(fakeBrowser.runtime, { type: 'deleteClip', id: c.id })).note).toBe('防返贫是底线');
    expect(changes).toHaveLength(3);
  });

  it('caches pages and passes fetchPage bytes as base64', async () => {
    const url = 'http://news.hndaily.cn/html/2026-07/09/node_58465.htm';
    ok(
      await send(fakeBrowser.runtime, {
        type: 'putCachedPage',
        page: { url, contentType: 'text/html', text: '上接A1版' },
      }),
    );
    expect(ok(await send(fakeBrowser.runtime, { type: 'getCachedPage', url }))?.text).toBe('上接A1版');
    const page = ok(await send(fakeBrowser.runtime, { type: 'fetchPage', url }));
    expect(base64ToBytes(page.bytesBase64 ?? '')).toEqual(new Uint8Array([0xc9, 0xcf, 0xbd, 0xd3]));
  });

  it('turns a storage failure into { ok: false, error }', async () => {
    const r = await send(fakeBrowser.runtime, { type: 'deleteHighlight', id: 'missing' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/not in the library/) });
  });

  it('turns a thrown handler into { ok: false, error }', async () => {
    const r = await send(fakeBrowser.runtime, { type: 'fetchPage', url: 'http://boom.example/' });
    expect(r).toEqual({ ok: false, error: '"fetchPage" failed: network down' });
  });

  it.each([[{ type: 'dropTables' }], [{ kind: 'saveClip' }], ['saveClip'], [null]])(
    'answers an unknown message %j with an error',
    async (message) => {
      const answer = await fakeBrowser.runtime.sendMessage(message);
      expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^Unknown message/) });
    },
  );
});

describe('when nobody answers', () => {
  it('reports no receiver and an undeliverable message as errors', async () => {
    fakeBrowser.reset();
    const none = await send(fakeBrowser.runtime, { type: 'search', query: '返贫' });
    expect(none).toEqual({ ok: false, error: expect.stringMatching(/could not be delivered/) });
    // A page that only listens for notices stays silent on requests it does not handle.
    fakeBrowser.runtime.onMessage.addListener(
      createHandler({ libraryChanged: () => ({ ok: true, value: null }) }, { answerUnknown: false }),
    );
    const silent = await send(fakeBrowser.runtime, { type: 'search', query: '返贫' });
    expect(silent).toEqual({
      ok: false,
      error: expect.stringMatching(/No part of the extension answered "search"/),
    });
    expect(
      ok(await send(fakeBrowser.runtime, { type: 'libraryChanged', articleKey: 'k', what: 'clip' })),
    ).toBeNull();
  });
});

describe('base64', () => {
  it('round-trips large byte arrays', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});
