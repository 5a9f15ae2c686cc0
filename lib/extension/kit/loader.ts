/**
 * One use of a tab's page source (a stitch, its warm-up, an issue scan) as the loader the stitcher
 * gets: the source's cache first (unless refreshing), then the network. A failure is recorded as a
 * problem with the page's link and rejects with the same sentence (lib/stitch turns a rejection into
 * a stitch problem and keeps the part it found); the session also counts what came from the network
 * and what from the cache, for the reader's measurements, and may be given network limits (the
 * issue scan). Each URL is asked of the source once per session.
 */
import { type Page, type PageLoader, type PageRef } from '../../model';
import { pageName } from '../shared/format';
import { t } from '../shared/i18n';
import { originOf } from '../shared/urls';
import type { PageSource } from './page-source';

/** A problem the reader shows: a sentence and, when there is one, the page to open by hand. */
export interface ReaderProblem {
  text: string;
  url?: string;
}

/** 「page 4 is…」 → 「Page 4 is…」 when a sentence starts with the page's name (Chinese is unchanged). */
const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** How one session uses the source. */
export interface LoaderOptions {
  /** Refresh: go to the network even when a cache has the page (and overwrite both caches). */
  refresh?: boolean;
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

/** A loader plus what it did: network fetches, cache hits, problems met. */
export interface LoaderSession {
  load: PageLoader;
  /** Pages already known, e.g. the page the reader opened on (their page lists resolve labels). */
  remember(page: Page): void;
  /** `chars`: characters of text fetched from the network. */
  readonly stats: { fetches: number; cacheHits: number; chars: number };
  readonly problems: ReaderProblem[];
}

/** Make a loader for one use of `source`; each URL is loaded at most once per session. */
export function createLoader(source: PageSource, opts: LoaderOptions = {}): LoaderSession {
  const pages = new Map<string, Promise<Page>>();
  const labels = new Map<string, string>();
  /** URL → the page label it was asked for by (「4」 for 下转第4版), to name it in a problem. */
  const labelOf = new Map<string, string>();
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
    if (!opts.refresh) {
      const html = await source.cached(url);
      if (html !== null) {
        stats.cacheHits++;
        return source.parse(html, url);
      }
    }
    if (opts.offline || spent()) throw new Error('not in the cache');
    if (!source.reaches(url)) return fail(t('problemOtherSite', [originOf(url) || url]), url);
    stats.fetches++;
    inFlight++;
    const got = await source.fetch(url, opts.limits?.pageChars).finally(() => inFlight--);
    if (!got.ok) {
      // Name the page when it is known: 「第4版不在网站上了（HTTP 404）。」, not 「这一版…」.
      const label = labelOf.get(url) ?? [...labels].find(([, href]) => href === url)?.[0];
      const named = label && got.problem && t(got.problem.key, [...got.problem.args, pageName(label)]);
      return fail(named ? sentence(named) : got.error, url);
    }
    const { html } = got.value;
    stats.chars += html.length;
    // A page over the limit could only come from a fetch without the byte cap (the background's).
    if (opts.limits && html.length > opts.limits.pageChars) throw new Error('over the page size limit');
    const page = source.parse(html, got.value.url);
    await source.keep(url, html, page);
    return page;
  };

  /** Would one more fetch break the limits? Fetches under way count at their most. */
  const spent = (): boolean => {
    const l = opts.limits;
    return !!l && (stats.fetches >= l.fetches || stats.chars + (inFlight + 1) * l.pageChars > l.chars);
  };

  const load: PageLoader = (ref: PageRef) => {
    const url = ref.url || (ref.label ? labels.get(ref.label) : undefined);
    if (!url) return Promise.reject(new Error(record(t('problemNoPage', [ref.label ?? '?']))));
    if (ref.label && !labelOf.has(url)) labelOf.set(url, ref.label);
    let p = pages.get(url);
    if (!p) {
      started++;
      opts.onProgress?.(finished, started);
      p = loadUrl(url)
        .catch((e: unknown) => fail(e instanceof Error ? e.message : String(e), url))
        .finally(() => {
          finished++;
          opts.onProgress?.(finished, started);
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
