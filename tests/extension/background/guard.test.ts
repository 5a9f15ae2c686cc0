/**
 * The background's front door with forged senders and payloads: every message a hostile page could
 * send through our content script, against a real library on fake-indexeddb. The probe of the
 * built extension found each of these rows working before the guard.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../../../lib/db/index.ts';
import { backgroundHandlers } from '../../../lib/extension/background/messages.ts';
import type { Handlers, MessageType, Request } from '../../../lib/messaging.ts';
import { sourceOf, type Result } from '../../../lib/model/index.ts';
import { makeArticle, makeHighlight, makeSelectors, ok, testLibrary } from '../../db/factories.ts';

const EXT = 'chrome-extension://abcdefghijklmnop';
const PAGE = { id: 'abcdefghijklmnop', url: `${EXT}/library.html` };
const HONEST_URL = 'https://epaper.zhuzhou.com/html/2022-02/07/content_1.htm';
const EVIL_URL = 'https://evil.example/x/node_1.htm';
const honest = { id: 'abcdefghijklmnop', url: HONEST_URL, tab: { id: 7 }, frameId: 0 };
const evil = { id: 'abcdefghijklmnop', url: EVIL_URL, tab: { id: 9 }, frameId: 0 };

const zhuzhou = makeArticle({ key: 'epaper.zhuzhou.com/content_1', urls: [HONEST_URL] });
const evilArticle = makeArticle({
  key: 'evil.example/content_1',
  urls: ['https://evil.example/x/content_1.htm'],
});

/** A highlight evil.example may keep: on its own page, of its own article. */
const evilOwnHighlight = (): Request => ({
  type: 'saveHighlight',
  highlight: makeHighlight('底线', { articleKey: evilArticle.key }),
  article: evilArticle,
});

let library: Library;
let handlers: Handlers;
let sentToTabs: Array<[number, unknown]>;
let fetched: string[];
let openedIssues: string[];

/** Call one guarded handler as the background's listener would. */
async function call<K extends MessageType>(req: Request<K>, sender: unknown): Promise<Result<unknown>> {
  const h = handlers[req.type] as (r: unknown, s: unknown) => Promise<Result<unknown>>;
  return h(req, sender);
}

beforeEach(async () => {
  library = testLibrary();
  sentToTabs = [];
  fetched = [];
  openedIssues = [];
  ({ handlers } = backgroundHandlers(library, {
    runtime: { sendMessage: async () => undefined },
    tabs: { sendMessage: async (id, m) => (sentToTabs.push([id, m]), { ok: true, value: null }) },
    fetch: async (u) => (
      fetched.push(u),
      new Response('<p>x</p>', { headers: { 'content-type': 'text/html' } })
    ),
    granted: async () => false,
    openIssue: async (u) => void openedIssues.push(u),
    sender: {
      extensionId: 'abcdefghijklmnop',
      extensionOrigin: EXT,
      // Family patterns match any host: both the honest paper and evil.example run the content script.
      contentRunsOn: async (u) => /\/(node|content)_\d+\.htm$/.test(new URL(u).pathname),
    },
  }));
  // The honest paper's highlight, made on its own page.
  ok(
    await call(
      {
        type: 'saveHighlight',
        highlight: makeHighlight('防止规模性返贫是底线', { articleKey: zhuzhou.key }),
        article: zhuzhou,
      },
      honest,
    ),
  );
});

const stored = async () => ok(await library.dumpAll());

describe('library-wide messages come only from extension pages', () => {
  it.each<[string, Request]>([
    ['search everything (private notes)', { type: 'search', query: '' }],
    ['bulk delete', { type: 'deleteMany', clips: [], highlights: ['x'] }],
    ['overwrite a stored article', { type: 'saveArticle', article: { ...zhuzhou, title: '假' } }],
    ['read an article', { type: 'listForArticle', articleKey: zhuzhou.key }],
    ['recent clips', { type: 'recentClips', limit: 10 }],
    ['undo a bulk delete', { type: 'restoreDeleted', clips: [], highlights: [] }],
    ['edit a clip', { type: 'updateClip', id: 'x', patch: { note: 'n' } }],
  ])('a content script may not %s', async (_, req) => {
    const r = await call(req, evil);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/not available to web pages/) });
    expect((await stored()).articles[0].article.title).toBe(zhuzhou.title);
  });

  it('an extension page may search and sees everything', async () => {
    const r = ok(await call({ type: 'search', query: '' }, PAGE)) as { hits: unknown[] };
    expect(r.hits).toHaveLength(1);
  });

  it.each<[string, unknown]>([
    ['another extension', { id: 'otherextension', url: 'chrome-extension://otherextension/x.html' }],
    ['a frame of a page', { ...honest, frameId: 3 }],
    ['a site where our script does not run', { ...honest, url: 'https://blog.example/post.html' }],
    ['no sender at all', undefined],
    ['a page with no tab', { id: 'abcdefghijklmnop', url: HONEST_URL }],
  ])('refuses %s', async (_, sender) => {
    const r = await call({ type: 'listForStory', keys: [zhuzhou.key], urls: [HONEST_URL] }, sender);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Refused/) });
  });
});

describe("our own pages' fetchPage (「整期目录」 walks an issue from issue.html)", () => {
  it('fetches e-paper pages on the family URL shapes, on any host nobody switched on', async () => {
    const r = ok(await call({ type: 'fetchPage', url: HONEST_URL }, PAGE)) as { text: string };
    expect(r.text).toBe('<p>x</p>');
    expect(fetched).toEqual([HONEST_URL]);
  });

  it.each(['http://127.0.0.1:8080/admin', 'https://epaper.zhuzhou.com/images/page_1.jpg'])(
    'refuses %s (no e-paper page shape, not switched on) without fetching it',
    async (url) => {
      const r = await call({ type: 'fetchPage', url }, PAGE);
      expect(r.ok).toBe(false);
      expect(fetched).toEqual([]);
    },
  );
});

describe("openIssue (the reader panel's 「整期目录」 button)", () => {
  it("opens the issue page for the content script's own e-paper page", async () => {
    ok(await call({ type: 'openIssue', url: HONEST_URL }, honest));
    expect(openedIssues).toEqual([HONEST_URL]);
  });

  it.each([
    ['another site', HONEST_URL, evil, /is not this site/],
    ['its own origin but no e-paper page', 'https://evil.example/admin', evil, /not an e-paper page/],
  ])('refuses %s', async (_, url, sender, error) => {
    const r = await call({ type: 'openIssue', url }, sender);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(openedIssues).toEqual([]);
  });
});

describe('a content script acts only on its own origin', () => {
  it("cannot read, edit or delete another paper's highlight, even by id", async () => {
    const [h] = (await stored()).highlights;
    const story = ok(await call({ type: 'listForStory', keys: [zhuzhou.key], urls: [HONEST_URL] }, evil)) as {
      highlights: unknown[];
    };
    expect(story.highlights).toEqual([]);
    for (const req of [
      { type: 'updateHighlight', id: h.id, patch: { note: '被改了' } },
      { type: 'deleteHighlight', id: h.id },
    ] as Request[]) {
      expect(await call(req, evil)).toEqual({ ok: false, error: 'Refused: no such item on this site.' });
    }
    expect((await stored()).highlights).toEqual([h]);
  });

  it('its own page may read, edit and delete its own highlight', async () => {
    const [h] = (await stored()).highlights;
    const story = ok(
      await call({ type: 'listForStory', keys: [zhuzhou.key], urls: [HONEST_URL] }, honest),
    ) as {
      highlights: Array<{ id: string }>;
    };
    expect(story.highlights.map((x) => x.id)).toEqual([h.id]);
    ok(await call({ type: 'updateHighlight', id: h.id, patch: { color: 'green' } }, honest));
    expect((await stored()).highlights[0].color).toBe('green');
  });

  it.each<[string, Request, RegExp]>([
    [
      "saving under another paper's article key",
      {
        type: 'saveHighlight',
        highlight: makeHighlight('x', { articleKey: zhuzhou.key }),
        article: { ...zhuzhou, urls: [EVIL_URL] },
      },
      /article key names another site/,
    ],
    [
      'an article that lists another origin',
      {
        type: 'saveHighlight',
        highlight: makeHighlight('x', { articleKey: evilArticle.key }),
        article: { ...evilArticle, urls: [EVIL_URL, HONEST_URL] },
      },
      /lists https:\/\/epaper\.zhuzhou\.com/,
    ],
    [
      'a highlight with an id of its choosing (overwrite by id)',
      {
        type: 'saveHighlight',
        highlight: makeHighlight('x', { articleKey: evilArticle.key, id: 'some-id' }),
        article: evilArticle,
      },
      /ids and times are set by the library/,
    ],
    [
      'a clip whose source names another site',
      {
        type: 'saveClip',
        clip: {
          articleKey: evilArticle.key,
          paragraphs: ['x'],
          paragraphIndexes: [0],
          source: { ...sourceOf(evilArticle), urls: [HONEST_URL] },
        },
        article: evilArticle,
      },
      /source lists https:\/\/epaper\.zhuzhou\.com/,
    ],
    [
      'a cached page planted under another URL',
      { type: 'putCachedPage', page: { url: HONEST_URL, contentType: 'text/html', text: '假' } },
      /is not this site/,
    ],
    ['reading another site from the cache', { type: 'getCachedPage', url: HONEST_URL }, /is not this site/],
    [
      'a fetch of another origin, any port',
      { type: 'fetchPage', url: 'http://127.0.0.1:8080/admin' },
      /is not this site/,
    ],
  ])('refuses %s', async (_, req, error) => {
    const before = await stored();
    const r = await call(req, evil);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(error) });
    expect(await stored()).toEqual(before);
    expect(fetched).toEqual([]);
  });

  it('may keep highlights of its own pages (a hostile page is still a page)', async () => {
    ok(await call(evilOwnHighlight(), evil));
    expect((await stored()).highlights).toHaveLength(2);
  });
});

describe('payloads are checked by the record schemas before any handler runs', () => {
  const bad = (patch: Record<string, unknown>) => ({
    type: 'saveHighlight' as const,
    highlight: { ...makeHighlight('底线', { articleKey: zhuzhou.key }), ...patch },
    article: zhuzhou,
  });
  it.each<[string, unknown, RegExp]>([
    ['colour "red"', bad({ color: 'red' }), /highlight\.color/],
    ['note: 123', bad({ note: 123 }), /highlight\.note/],
    ['tags: [1, 2]', bad({ tags: [1, 2] }), /highlight\.tags\[0\]/],
    [
      'createdAt: 1e308',
      { ...bad({}), highlight: { ...bad({}).highlight, createdAt: 1e308 } },
      /highlight\.createdAt/,
    ],
    [
      'a paragraph over 1,000,000 characters',
      {
        type: 'saveHighlight',
        highlight: makeHighlight('底线', { articleKey: zhuzhou.key }),
        article: { ...zhuzhou, paragraphs: [{ text: '字'.repeat(1_000_001), kind: 'text' }] },
      },
      /article\.paragraphs\[0\]\.text: longer than/,
    ],
    [
      'a quote of the wrong type',
      bad({ selectors: { ...makeSelectors('x'), start: '0' } }),
      /highlight\.selectors\.start/,
    ],
    ['no article key', bad({ articleKey: '' }), /highlight\.articleKey/],
    [
      'a cached page over a million characters',
      {
        type: 'putCachedPage',
        page: { url: HONEST_URL, contentType: 'text/html', text: 'x'.repeat(1_000_001) },
      },
      /page\.text: longer than/,
    ],
  ])('refuses %s, naming the field, and stores nothing', async (_, req, error) => {
    const before = await stored();
    for (const sender of [honest, PAGE]) {
      const r = await call(req as Request, sender);
      expect(r).toEqual({ ok: false, error: expect.stringMatching(error) });
    }
    expect(await stored()).toEqual(before);
  });

  it('drops fields no schema names instead of storing them', async () => {
    const req = bad({ evil: '<script>', __proto__x: 1 });
    ok(await call(req as Request, honest));
    const all = (await stored()).highlights;
    expect(all).toHaveLength(2);
    expect(Object.keys(all[1])).not.toContain('evil');
  });
});

describe('change notices', () => {
  it("go only to tabs of the article's site, not to every tab that ever spoke", async () => {
    // evil.example's tab has spoken too (it is in the registry).
    ok(await call(evilOwnHighlight(), evil));
    await new Promise((r) => setTimeout(r, 20)); // its own notice (to tab 9) is sent first
    sentToTabs = [];
    const [h] = (await stored()).highlights;
    ok(await call({ type: 'updateHighlight', id: h.id, patch: { note: '私人笔记' } }, PAGE));
    await new Promise((r) => setTimeout(r, 20));
    expect(sentToTabs.map(([id]) => id)).toEqual([7]);
  });
});

describe('a save without its article (the library holds a longer, stitched copy)', () => {
  it("is let through for the site's own stored article, refused for another's", async () => {
    const own = {
      type: 'saveHighlight' as const,
      highlight: makeHighlight('底线', { articleKey: zhuzhou.key }),
    };
    ok(await call(own, honest));
    expect(await call(own, evil)).toEqual({ ok: false, error: 'Refused: no such article on this site.' });
    expect((await stored()).highlights).toHaveLength(2);
  });
});
