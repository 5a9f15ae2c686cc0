/**
 * The page loader the stitcher gets in the extension: page cache first (unless refreshing), then a
 * same-origin fetch, or the background's fetch for another origin the user granted. A failure is
 * recorded as a problem with the page's link and rejects with the same sentence (lib/stitch turns a
 * rejection into a stitch problem and keeps the part it found); the loader also counts what came from
 * the network and what from the cache, for the reader's measurements.
 */
import { type Page, type PageLoader, type PageRef, type Result } from '../model';
import type { FetchedPage } from './fetch-html';
import { t } from './i18n';
import { originOf } from './urls';

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
  fetchSameOrigin: (url: string) => Promise<Result<FetchedPage>>;
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
  onProgress?: (done: number, total: number) => void;
}

/** A loader plus what it did: network fetches, cache hits, problems met. */
export interface LoaderSession {
  load: PageLoader;
  /** Pages already known, e.g. the page the reader opened on (their page lists resolve labels). */
  remember(page: Page): void;
  readonly stats: { fetches: number; cacheHits: number };
  readonly problems: ReaderProblem[];
}

/** Make a loader for one stitch; each URL is loaded at most once per session. */
export function createLoader(deps: LoaderDeps): LoaderSession {
  const pages = new Map<string, Promise<Page>>();
  const labels = new Map<string, string>();
  const stats = { fetches: 0, cacheHits: 0 };
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
    if (deps.offline) throw new Error('not in the cache');
    const same = originOf(url) === originOf(deps.pageUrl);
    if (!same && !deps.fetchOtherOrigin) return fail(t('problemOtherSite', [originOf(url) || url]), url);
    stats.fetches++;
    const got = same ? await deps.fetchSameOrigin(url) : await deps.fetchOtherOrigin!(url);
    if (!got.ok) return fail(got.error, url);
    await deps.cache?.put(url, got.value.html).catch(() => undefined);
    return deps.parse(got.value.html, got.value.url);
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
