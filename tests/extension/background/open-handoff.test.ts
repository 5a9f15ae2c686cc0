/**
 * openHandoff (the reader panel's 「存入 Zotero」) behind the background's guard, with forged senders
 * against a real library on fake-indexeddb: a content script may open the library page only on its
 * own stored article; another paper's key, an unknown key and a bad payload are refused, and nothing
 * is opened for them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { backgroundHandlers, type BackgroundIo } from '../../../lib/extension/background/messages.ts';
import { handoffFromQuery, libraryHandoffUrl } from '../../../lib/extension/shared/handoff-link.ts';
import type { Handlers, Request } from '../../../lib/messaging.ts';
import type { Result } from '../../../lib/model/index.ts';
import { makeArticle, makeHighlight, ok, testLibrary } from '../../db/factories.ts';

const EXT = 'chrome-extension://abcdefghijklmnop';
const PAGE = { id: 'abcdefghijklmnop', url: `${EXT}/library.html` };
const HONEST_URL = 'https://epaper.zhuzhou.com/html/2022-02/07/content_1.htm';
const honest = { id: 'abcdefghijklmnop', url: HONEST_URL, tab: { id: 7 }, frameId: 0 };
const evil = { id: 'abcdefghijklmnop', url: 'https://evil.example/x/node_1.htm', tab: { id: 9 }, frameId: 0 };

const zhuzhou = makeArticle({ key: 'epaper.zhuzhou.com/content_1', urls: [HONEST_URL] });
// An article of the honest paper's host that was never stored (no clip or highlight yet).
const UNSTORED = 'epaper.zhuzhou.com/content_2';

let handlers: Handlers;
let opened: string[];

function setUp(io: Partial<BackgroundIo> = {}): void {
  ({ handlers } = backgroundHandlers(testLibrary(), {
    runtime: { sendMessage: async () => undefined },
    tabs: { sendMessage: async () => ({ ok: true, value: null }) },
    fetch: async () => new Response(''),
    granted: async () => false,
    openLibrary: async (key) => void opened.push(key),
    sender: {
      extensionId: 'abcdefghijklmnop',
      extensionOrigin: EXT,
      contentRunsOn: async (u) => /\/(node|content)_\d+\.htm$/.test(new URL(u).pathname),
    },
    ...io,
  }));
}

async function call(req: unknown, sender: unknown): Promise<Result<unknown>> {
  const h = handlers.openHandoff as unknown as (r: unknown, s: unknown) => Promise<Result<unknown>>;
  return h(req, sender);
}

beforeEach(async () => {
  opened = [];
  setUp();
  const save = handlers.saveHighlight as unknown as (r: Request, s: unknown) => Promise<Result<unknown>>;
  ok(
    await save(
      {
        type: 'saveHighlight',
        highlight: makeHighlight('防止规模性返贫是底线', { articleKey: zhuzhou.key }),
        article: zhuzhou,
      },
      honest,
    ),
  );
});

describe('openHandoff', () => {
  it("opens the library page on the content script's own stored article", async () => {
    expect(await call({ type: 'openHandoff', articleKey: zhuzhou.key }, honest)).toEqual({
      ok: true,
      value: null,
    });
    expect(opened).toEqual([zhuzhou.key]);
  });

  it('is open to the extension’s own pages too', async () => {
    ok(await call({ type: 'openHandoff', articleKey: zhuzhou.key }, PAGE));
    expect(opened).toEqual([zhuzhou.key]);
  });

  it.each([
    ["another paper's article, by its key", zhuzhou.key, evil],
    ['an article of its own host that is not in the library', UNSTORED, honest],
    ['a key nobody has', 'evil.example/content_404', evil],
  ])('refuses %s, the same way whether it exists or not', async (_, articleKey, sender) => {
    expect(await call({ type: 'openHandoff', articleKey }, sender)).toEqual({
      ok: false,
      error: 'Refused: no such article of this site in the library.',
    });
    expect(opened).toEqual([]);
  });

  it.each([
    ['no key', {}],
    ['an empty key', { articleKey: '' }],
    ['a key past the limit', { articleKey: 'k'.repeat(1_001) }],
    ['a key that is no text', { articleKey: { $ne: '' } }],
  ])('refuses a payload with %s before any handler runs', async (_, fields) => {
    const r = await call({ type: 'openHandoff', ...fields }, honest);
    expect(r.ok).toBe(false);
    expect(opened).toEqual([]);
  });

  it('says so where the library page cannot be opened', async () => {
    setUp({ openLibrary: undefined });
    expect(await call({ type: 'openHandoff', articleKey: zhuzhou.key }, PAGE)).toEqual({
      ok: false,
      error: 'the library page cannot be opened here',
    });
  });
});

describe('the library page URL it opens', () => {
  it.each([
    ['epaper.zhuzhou.com/content_1'],
    ['海南日报|2026-07-13|1|0'],
    ['a.cn/x?article=evil&handoff=none#frag'],
  ])('round-trips the key %s and asks for the Zotero button', (key) => {
    const url = libraryHandoffUrl(`${EXT}/library.html`, key);
    expect(url.startsWith(`${EXT}/library.html?`)).toBe(true);
    expect(handoffFromQuery(new URL(url).search)).toEqual({ article: key, focus: 'zotero' });
  });

  it('asks for no focus when the query does not', () => {
    expect(handoffFromQuery('?article=a.cn%2Fcontent_1')).toEqual({ article: 'a.cn/content_1', focus: null });
    expect(handoffFromQuery('?handoff=obsidian')).toEqual({ article: '', focus: null });
  });
});
