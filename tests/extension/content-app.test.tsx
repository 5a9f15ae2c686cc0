// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { DEMO_PATHS, renderDemoSite, type DemoFile } from '../../demo/render';
import { startContentApp, uiFor, type ContentEnv } from '../../lib/extension/content/app';
import { emptyArticle, emptyPage } from '../../lib/model';
import { HOST_ID } from '../../lib/extension/content/shadow-host';
import type { PageCache } from '../../lib/extension/kit/page-source';
import { htmlToDocument } from '../../lib/extension/shared/parse-html';
import type { CaptureIo } from '../../lib/extension/kit/capture';
import { makeReaderKit } from '../../lib/extension/kit/reader-kit';
import { readPage } from '../../lib/sites';
import { userClick, userKey, useLocale } from './helpers';

const BASE = 'http://127.0.0.1:4173';
let site: Map<string, DemoFile> | undefined;
// From the repository root: under happy-dom import.meta.url is not a file URL.
const demoSite = () => (site ??= renderDemoSite(resolve(process.cwd(), 'tests/fixtures')));

/** Load a demo page into the test window's own document, as the browser would have. */
function loadIntoDocument(path: string): void {
  const file = demoSite().get(path);
  const html = file ? file.body : '<html><head><title>blog</title></head><body><p>一篇博客</p></body></html>';
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(BASE + path);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  while (document.firstChild) document.removeChild(document.firstChild);
  for (const n of Array.from(parsed.childNodes)) document.appendChild(document.importNode(n, true));
}

/** fetch over the demo site map, counting calls. */
function demoFetch() {
  const calls: string[] = [];
  const fn = async (url: string): Promise<Response> => {
    calls.push(url);
    const f = demoSite().get(new URL(url).pathname);
    return f
      ? new Response(f.body, { status: 200, headers: { 'content-type': f.contentType } })
      : new Response('not here', { status: 404 });
  };
  return { fn, calls };
}

function env(path: string, extra: Partial<ContentEnv> = {}) {
  const listened: string[] = [];
  const { fn, calls } = demoFetch();
  const map = new Map<string, string>();
  const cache: PageCache = { get: async (u) => map.get(u) ?? null, put: async (u, h) => void map.set(u, h) };
  const e: ContentEnv = {
    doc: document,
    url: BASE + path,
    t0: performance.now(),
    now: () => performance.now(),
    listen: (target, type, f) => {
      listened.push(type);
      target.addEventListener(type, f);
    },
    defer: () => undefined,
    onInvalidated: () => undefined,
    readPage,
    parse: (html, u) => readPage(htmlToDocument(html, u, new DOMParser()), u),
    loadKit: async () => makeReaderKit({ fetch: (x) => fn(x), cache }),
    ...extra,
  };
  return { e, listened, calls };
}

// Unit tests build with an open shadow root (vitest.config.ts); what ships is closed.
const shadow = () => document.getElementById(HOST_ID)!.shadowRoot!;

/** The `epaper:<name>` performance measures so far, newest last (lib/extension/shared/timing.ts). */
const measures = (name: string) =>
  performance.getEntriesByName(`epaper:${name}`) as (PerformanceEntry & {
    detail?: Record<string, string | number>;
  })[];
/** The detail of the next stitch measure after `before` of them. */
async function nextStitch(before: number): Promise<Record<string, string | number>> {
  await until(() => measures('stitch').length > before);
  return measures('stitch').at(-1)!.detail ?? {};
}
const all = (id: string) => Array.from(shadow().querySelectorAll(`[data-testid="${id}"]`));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

beforeEach(() => useLocale('zh_CN'));

describe('startContentApp', () => {
  it('does nothing on a page that is not an e-paper page: no host element, no listeners', () => {
    loadIntoDocument('/blog/post.html');
    const { e, listened } = env('/blog/post.html');
    expect(startContentApp(e)).toBe('none');
    expect(document.getElementById(HOST_ID)).toBeNull();
    expect(listened).toEqual([]);
  });

  it('lists the blocks of a layout page in an open shadow root and says it is ready', () => {
    const path = DEMO_PATHS.front['2026-07-09'];
    loadIntoDocument(path);
    const { e } = env(path);
    expect(startContentApp(e)).toBe('layout');
    const host = document.getElementById(HOST_ID)!;
    expect(host.parentElement).toBe(document.body);
    expect(host.dataset.ready).toBe('layout');
    expect(host.getAttributeNames().filter((a) => a.endsWith('-ms'))).toEqual([]);
    expect(measures('overlay').at(-1)?.duration).toBeGreaterThanOrEqual(0);
    const items = all('block-item');
    expect(items.length).toBe(6);
    expect(items[3].getAttribute('data-href')).toBe(BASE + DEMO_PATHS.duplicate.part1);
    expect(items[3].textContent).toContain('一张“纸”里的45亿元自贸港外贸账');
  });

  it('stitches a split story from the article page, then serves the next open from the cache', async () => {
    const path = DEMO_PATHS.split.part1;
    loadIntoDocument(path);
    const { e, calls } = env(path);
    expect(startContentApp(e)).toBe('article');
    const first = measures('stitch').length;
    userClick(all('read-whole')[0]);
    const cold = await nextStitch(first);
    expect(cold.source).toBe('network');
    expect(cold.fetches).toBe(calls.length);
    expect(all('seam').map((s) => s.textContent)).toEqual(['— 接第2版 —']);
    expect(all('reader-progress')).toEqual([]);
    const text = all('reader-paragraph')
      .map((p) => p.textContent)
      .join('');
    expect(text).not.toMatch(/下转|上接/);

    userClick(all('reader-close')[0]);
    // The panel is a Preact tree with hooks: the close renders on the next microtask.
    await until(() => all('reader').length === 0);
    const second = measures('stitch').length;
    userClick(all('read-whole')[0]);
    const warm = await nextStitch(second);
    expect(warm.source).toBe('cache');
    expect(warm.fetches).toBe(0);
  });

  it('ignores a page script’s synthetic click on 阅读全文 and its synthetic j/Enter on a layout page', async () => {
    const path = DEMO_PATHS.split.part1;
    loadIntoDocument(path);
    const { e } = env(path);
    startContentApp(e);
    const before = measures('stitch').length;
    (all('read-whole')[0] as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 50));
    expect(all('reader')).toEqual([]);
    expect(measures('stitch').length).toBe(before);

    const front = DEMO_PATHS.front['2026-07-09'];
    loadIntoDocument(front);
    startContentApp(env(front).e);
    for (const key of ['j', 'Enter'])
      document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    expect(all('block-item').some((i) => i.getAttribute('aria-current') === 'true')).toBe(false);
    // The same keys from the user do move and open.
    userKey(document, 'j');
    // The overlay is one Preact tree: its state renders on the next microtask.
    await until(() => all('block-item')[0].getAttribute('aria-current') === 'true');
  });
});

describe('capture’s browser services', () => {
  /** A CaptureIo that records what capture asked of it; `onInvalidated` is what it was handed. */
  function recordingIo() {
    const log: string[] = [];
    const made = (onInvalidated: (fn: () => void) => void): CaptureIo => ({
      send: async (req) => {
        log.push(`send ${req.type}`);
        return { ok: false, error: 'no background here' };
      },
      registry: null,
      Highlight: null,
      clipboard: async () => true,
      onMessage: () => {
        log.push('onMessage');
        onInvalidated(() => log.push('listener removed'));
      },
    });
    return { log, made };
  }

  it('come from the kit when the content script gives none (they ship with the kit), tied to its lifetime', async () => {
    const path = DEMO_PATHS.split.part1;
    loadIntoDocument(path);
    const { log, made } = recordingIo();
    const invalidated: (() => void)[] = [];
    const { fn } = demoFetch();
    const { e } = env(path, {
      onInvalidated: (f) => void invalidated.push(f),
      loadKit: async () => makeReaderKit({ fetch: (x) => fn(x), capture: made }),
    });
    startContentApp(e);
    expect(log).toEqual([]);
    const before = measures('stitch').length;
    userClick(all('read-whole')[0]);
    await nextStitch(before);
    await until(() => log.includes('send listForStory'));
    expect(log.filter((l) => l === 'onMessage')).toEqual(['onMessage']);
    for (const f of invalidated) f();
    expect(log).toContain('listener removed');
  });

  it('given by the content script, win over the kit’s', async () => {
    const path = DEMO_PATHS.split.part1;
    loadIntoDocument(path);
    const mine = recordingIo();
    const kits = recordingIo();
    const { fn } = demoFetch();
    const kit = () => makeReaderKit({ fetch: (x) => fn(x), capture: kits.made });
    startContentApp(env(path, { capture: mine.made(() => undefined), loadKit: async () => kit() }).e);
    const before = measures('stitch').length;
    userClick(all('read-whole')[0]);
    await nextStitch(before);
    await until(() => mine.log.includes('send listForStory'));
    expect(kits.log).toEqual([]);
  });
});

describe('when the reader kit cannot load', () => {
  it('says so on the page instead of staying blank', async () => {
    const path = DEMO_PATHS.split.part1;
    loadIntoDocument(path);
    const { e } = env(path, { loadKit: () => Promise.reject(new Error('import blocked')) });
    startContentApp(e);
    userClick(all('read-whole')[0]);
    await until(() => all('reader-problem').length === 1);
    expect(all('reader-problem')[0].textContent).toBe(
      '阅读器没能载入（import blocked）。请重新载入页面再试。',
    );
  });
});

describe('uiFor', () => {
  const article = (adapter: string) =>
    emptyPage({
      kind: 'article',
      adapter,
      articles: [emptyArticle({ paragraphs: [{ text: '正文。', kind: 'text' }] })],
    });
  it.each([
    // Matched only by a family path on an unknown host: a Founder reader must have read it.
    ['https://blog.example.com/2020/05/content_3.html', 'generic', 'none'],
    ['https://epaper.example.cn/html/2026-07/09/content_1.htm', 'founder-classic', 'article'],
    // Known hosts and switched-on sites (any path) may be read by the generic reader.
    ['http://paper.people.com.cn/rmrb/html/2026-07/09/content_1.htm', 'generic', 'article'],
    ['https://szb.example.com/a/b.html', 'generic', 'article'],
  ])('%s read by %s → %s', (url, adapter, expected) => {
    expect(uiFor(article(adapter), url)).toBe(expected);
  });
});

describe('reader panel focus', () => {
  it('takes focus on open and gives it back to 阅读全文 on close', async () => {
    const path = DEMO_PATHS.split.part1;
    loadIntoDocument(path);
    const { e } = env(path);
    startContentApp(e);
    const button = all('read-whole')[0] as HTMLButtonElement;
    button.focus();
    const before = measures('stitch').length;
    userClick(button);
    await nextStitch(before);
    expect(shadow().activeElement?.classList.contains('panel')).toBe(true);
    userClick(all('reader-close')[0]);
    expect(shadow().activeElement).toBe(button);
  });
});
