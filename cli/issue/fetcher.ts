/**
 * The CLI's IssueFetcher: the cache folder first, else one polite GET (http.ts) whose 200 answer is
 * cached at once, then the page read like `parse` reads a file (decodeBytes, happy-dom, readPage).
 * Counts where the time goes: waiting on the network against parsing (the issue's 5% rule).
 */
import type { IssueFetcher, Sleep } from '../../lib/issue';
import type { Page } from '../../lib/model';
import { readPage } from '../../lib/sites';
import { decodeBytes } from '../../lib/text/decode';
import { sharedParser } from '../dom';
import { MAX_PAGE_BYTES } from '../read';
import type { PageCache } from './cache';
import { getPage, type Fetched } from './http';

/** Where the time and the requests went. */
export interface FetchStats {
  requests: number;
  fromCache: number;
  retries: number;
  /** ms spent waiting on the network (and backoff), summed over requests. */
  networkMs: number;
  /** ms spent parsing pages. */
  parseMs: number;
}

export interface CliFetcher extends IssueFetcher {
  stats: FetchStats;
  /** Free the parser's window (at the end of a run). */
  close(): Promise<void>;
  /** Raw bytes of a URL (the cover image), through the cache. */
  raw(url: string, signal?: AbortSignal): Promise<Fetched>;
}

/** Options of `cliFetcher`. */
export interface CliFetcherOptions {
  cache: PageCache;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  sleep: Sleep;
  now(): number;
  /** ISO time for the cache's records. */
  stamp(): string;
  fetchFn?: typeof fetch;
  onRetry?(url: string, why: string, attempt: number): void;
}

/** Make the fetcher. */
export function cliFetcher(o: CliFetcherOptions): CliFetcher {
  const stats: FetchStats = { requests: 0, fromCache: 0, retries: 0, networkMs: 0, parseMs: 0 };
  const parser = sharedParser();
  const raw = async (url: string, signal?: AbortSignal): Promise<Fetched> => {
    const hit = await o.cache.get(url);
    if (hit) {
      stats.fromCache++;
      return hit;
    }
    stats.requests++;
    const t0 = o.now();
    try {
      const page = await getPage(url, {
        timeoutMs: o.timeoutMs,
        retries: o.retries,
        backoffMs: o.backoffMs,
        sleep: o.sleep,
        fetchFn: o.fetchFn,
        signal,
        maxBytes: MAX_PAGE_BYTES,
        onRetry: (u, why, n) => {
          stats.retries++;
          o.onRetry?.(u, why, n);
        },
      });
      await o.cache.put(url, page, o.stamp());
      return page;
    } finally {
      stats.networkMs += o.now() - t0;
    }
  };
  return {
    stats,
    raw,
    close: () => parser.close(),
    cached: (url) => o.cache.has(url),
    async load(url, signal): Promise<Page> {
      const got = await raw(url, signal);
      const t0 = o.now();
      try {
        const decoded = decodeBytes(got.bytes, got.contentType);
        if (!decoded.charset) throw new Error(decoded.problems[0] ?? 'not a text or HTML page');
        const parsed = parser.parse(decoded.text);
        try {
          return readPage(parsed.document, url);
        } finally {
          await parsed.close();
        }
      } finally {
        stats.parseMs += o.now() - t0;
      }
    },
  };
}
