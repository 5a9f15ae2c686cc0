/**
 * The page loader the stitcher gets in the extension: page cache first (unless refreshing), then a
 * same-origin fetch, or the background's fetch for another origin the user granted. A failure is
 * recorded as a problem with the page's link and rejects with the same sentence (lib/stitch turns a
 * rejection into a stitch problem and keeps the part it found); the loader also counts what came from
 * the network and what from the cache, for the reader's measurements. Only pages that read as
 * e-paper are cached, and a session may be given network limits (the background issue scan).
 */
import { type Page, type PageLoader, type PageRef, type Result } from '../../model';
import type { FetchedPage } from '../shared/fetch-html';
import { t } from '../shared/i18n';
import { originOf } from '../shared/urls';

/** A problem the reader shows: a sentence and, when there is one, the page to open by hand. */
export interface ReaderProblem {
  text: string;
  url?: string;
}

/** Where fetched pages are kept between opens (the background's IndexedDB, via messages). */
export interface PageCache {
  get(url: string): Promise<string | null>;
  put(url: string, html: string): Promise<void>;
}

/** What the loader needs from its host context. */
export interface LoaderDeps {
  /** URL of the page the reader was opened from: its origin decides same-origin vs. background. */
  pageUrl: string;
  /** `maxBytes`: the session's `limits.pageChars` (bytes ≥ characters), else the fetch's own cap. */
  fetchSameOrigin: (url: string, maxBytes?: number) => Promise<Result<FetchedPage>>;
  /** Cross-origin fetch through the background; absent → such pages are a problem. */
  fetchOtherOrigin?: (url: string) => Promise<Result<FetchedPage>>;
  parse: (html: string, url: string) => Page;
  cache?: PageCache;
  /** Refresh: go to the network even when the cache has the page (and overwrite the cache). */
  bypassCache?: boolean;
  /** Pages already read from the cache in this tab (URL → HTML): checked first, filled on cache hits. */
  memory?: Map<string, string>;
  /** Cache only: a page not in the cache is not fetched (the idle warm-up before a click). */
  offline?: boolean;
  /** Network limits of the session: once reached it is offline (cache hits never count). */
  limits?: LoaderLimits;
  onProgress?: (done: number, total: number) => void;
}

/** How much of the network a session may use (lib/extension/kit/issue-marks.ts sets the scan's). */
export interface LoaderLimits {
  /** Most network requests. */
  fetches: number;
  /** Most characters of fetched text, each fetch under way counted at `pageChars`. */
  chars: number;
  /** Most characters one fetch may bring (its fetch should read no more bytes); more is refused. */
  pageChars: number;
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

/** A loader plus what it did: network fetches, cache hits, problems met. */
export interface LoaderSession {
  load: PageLoader;
  /** Pages already known, e.g. the page the reader opened on (their page lists resolve labels). */
  remember(page: Page): void;
  /** `chars`: characters of text fetched from the network. */
  readonly stats: { fetches: number; cacheHits: number; chars: number };
  readonly problems: ReaderProblem[];
}

/** Make a loader for one stitch; each URL is loaded at most once per session. */
export function createLoader(deps: LoaderDeps): LoaderSession {
  const pages = new Map<string, Promise<Page>>();
  const labels = new Map<string, string>();
  const stats = { fetches: 0, cacheHits: 0, chars: 0 };
  let inFlight = 0;
  const problems: ReaderProblem[] = [];
  let started = 0;
  let finished = 0;

  const remember = (page: Page): void => {
    for (const link of page.pageLinks) if (!labels.has(link.label)) labels.set(link.label, link.href);
  };

  const record = (text: string, url?: string): string => {
    if (!problems.some((p) => p.text === text && p.url === url)) problems.push({ text, url });
    return text;
  };

  const fail = (text: string, url?: string): never => {
    throw new Error(record(text, url));
  };

  const loadUrl = async (url: string): Promise<Page> => {
    if (!deps.bypassCache) {
      const remembered = deps.memory?.get(url);
      const html = remembered ?? (deps.cache ? await deps.cache.get(url).catch(() => null) : null);
      if (html !== null && html !== undefined) {
        stats.cacheHits++;
        deps.memory?.set(url, html);
        return deps.parse(html, url);
      }
    }
    if (deps.offline || spent()) throw new Error('not in the cache');
    const same = originOf(url) === originOf(deps.pageUrl);
    if (!same && !deps.fetchOtherOrigin) return fail(t('problemOtherSite', [originOf(url) || url]), url);
    stats.fetches++;
    inFlight++;
    const got = await (
      same ? deps.fetchSameOrigin(url, deps.limits?.pageChars) : deps.fetchOtherOrigin!(url)
    ).finally(() => inFlight--);
    if (!got.ok) return fail(got.error, url);
    const { html } = got.value;
    stats.chars += html.length;
    // A page over the limit could only come from a fetch without the byte cap (the background's).
    if (deps.limits && html.length > deps.limits.pageChars) throw new Error('over the page size limit');
    const page = deps.parse(html, got.value.url);
    // Parse first: a 404 text, a login page or a file would otherwise take a share of the quota.
    if (isEpaperPage(page)) await deps.cache?.put(url, html).catch(() => undefined);
    return page;
  };

  /** Would one more fetch break the limits? Fetches under way count at their most. */
  const spent = (): boolean => {
    const l = deps.limits;
    return !!l && (stats.fetches >= l.fetches || stats.chars + (inFlight + 1) * l.pageChars > l.chars);
  };

  const load: PageLoader = (ref: PageRef) => {
    const url = ref.url || (ref.label ? labels.get(ref.label) : undefined);
    if (!url) return Promise.reject(new Error(record(t('problemNoPage', [ref.label ?? '?']))));
    let p = pages.get(url);
    if (!p) {
      started++;
      deps.onProgress?.(finished, started);
      p = loadUrl(url)
        .catch((e: unknown) => fail(e instanceof Error ? e.message : String(e), url))
        .finally(() => {
          finished++;
          deps.onProgress?.(finished, started);
        })
        .then((page) => {
          remember(page);
          return page;
        });
      pages.set(url, p);
    }
    return p;
  };

  return { load, remember, stats, problems };
}
