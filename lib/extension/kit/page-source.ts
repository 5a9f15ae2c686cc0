/**
 * Where a tab's pages come from, as one object: the fetch (same origin directly, another origin
 * through the background), the parser (the content script's readPage), and the two caches — one
 * in-memory cache of page texts for this tab in front of the IndexedDB page cache in the extension
 * origin (over messages). The reader, its warm-up and the issue scan all read through the same
 * source, so a page one of them read is in memory for the others. What a use counts (fetches,
 * cache hits, problems, limits) is its own: lib/extension/kit/loader.ts.
 */
import type { Page, Result } from '../../model';
import type { FetchedPage, FetchResult } from '../shared/fetch-html';
import { t } from '../shared/i18n';
import { originOf } from '../shared/urls';

/** Where fetched pages are kept between visits (the background's IndexedDB, via messages). */
export interface PageCache {
  get(url: string): Promise<string | null>;
  put(url: string, html: string): Promise<void>;
}

/**
 * Pages kept in memory per tab, least recently used dropped first. A layout page's scan reads up
 * to 40 of the pages (MAX_PAGES in issue-marks.ts) and a stitch a handful more, so 64 keeps
 * a whole issue and the chains opened from it; bounded because a tab may stay open over many
 * issues, while IndexedDB keeps everything anyway.
 */
export const MEMORY_PAGES = 64;

/** What a page source is made of. */
export interface PageSourceIo {
  /** The tab's page: pages of its origin are fetched directly, any other through the background. */
  pageUrl: string;
  /** `maxBytes`: most bytes to read (a session's page cap), else the fetch's own cap. */
  fetchSameOrigin: (url: string, maxBytes?: number) => Promise<FetchResult>;
  /** Cross-origin fetch through the background; absent → such pages are a problem. */
  fetchOtherOrigin?: (url: string) => Promise<Result<FetchedPage>>;
  /** HTML → Page with the content script's readers. */
  parse: (html: string, url: string) => Page;
  cache?: PageCache;
  /** The memory's bound (tests); MEMORY_PAGES otherwise. */
  memoryPages?: number;
}

/** One tab's pages: cached text, the network, the parser. */
export interface PageSource {
  /** The page's text if this tab or the library has it (memory, then IndexedDB); null on a miss. */
  cached(url: string): Promise<string | null>;
  /** Can `url` be fetched at all: its own origin, or another one through the background. */
  reaches(url: string): boolean;
  /** From the network, past both caches; never throws. */
  fetch(url: string, maxBytes?: number): Promise<FetchResult>;
  parse(html: string, url: string): Page;
  /** Keep a fetched page in memory and in IndexedDB (replacing what was there) if it is e-paper. */
  keep(url: string, html: string, page: Page): Promise<void>;
}

/**
 * Does a parsed page hold e-paper content (layout blocks or an article's paragraphs), so that it is
 * worth caching? `kind` cannot say: the generic reader's "not an e-paper page" (a login page, a soft
 * 404, an image) is kind 'article' with no article, like emptyPage(), and founder-pc reads an error
 * page at a layout URL as a layout page without blocks. The content script's uiFor asks much the same.
 */
export function isEpaperPage(page: Page): boolean {
  return page.blocks.length > 0 || page.articles.some((a) => a.paragraphs.length > 0);
}

/** Make a tab's page source. */
export function createPageSource(io: PageSourceIo): PageSource {
  const bound = Math.max(1, io.memoryPages ?? MEMORY_PAGES);
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const memory = new Map<string, string>();
  const remember = (url: string, html: string): void => {
    memory.delete(url);
    memory.set(url, html);
    while (memory.size > bound) memory.delete(memory.keys().next().value as string);
  };
  const same = (url: string): boolean => originOf(url) === originOf(io.pageUrl);

  return {
    async cached(url) {
      const held = memory.get(url);
      // A failed message (the background restarting) is a miss: the page is then fetched.
      const html = held ?? (io.cache ? await io.cache.get(url).catch(() => null) : null);
      if (html === null || html === undefined) return null;
      remember(url, html);
      return html;
    },
    reaches: (url) => same(url) || !!io.fetchOtherOrigin,
    async fetch(url, maxBytes) {
      if (same(url)) return io.fetchSameOrigin(url, maxBytes);
      if (io.fetchOtherOrigin) return io.fetchOtherOrigin(url);
      return { ok: false, error: t('problemOtherSite', [originOf(url) || url]) };
    },
    parse: io.parse,
    async keep(url, html, page) {
      // Only e-paper: a 404 text, a login page or a file would otherwise stick and take a share of the quota.
      if (!isEpaperPage(page)) return;
      remember(url, html);
      await io.cache?.put(url, html).catch(() => undefined);
    },
  };
}
