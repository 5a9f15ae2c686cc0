/**
 * The library page's list state: runs the query (a quick first screen, then every match), re-runs
 * it after writes and change notices, loads the filter choices, and writes the measurements on the
 * page's root: `data-search-ms` (query → first rows on screen), `data-search-full-ms` (→ every
 * match listed), `data-search-query`.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  queryKey,
  type Facets,
  type ListQuery,
  type ListResult,
} from '../../lib/extension/pages/library/types';
import type { Result } from '../../lib/model';

/** What the page reads through (LibraryService, or a fake in tests). */
export interface LibraryReader {
  /** A quick first answer (the newest matches), or null; the full `list` follows. */
  quick?(q: ListQuery): Promise<Result<ListResult> | null>;
  list(q: ListQuery): Promise<Result<ListResult>>;
  facets(): Promise<Result<Facets>>;
  invalidate(): void;
}

/** The list's answer, the filter choices, and `reload()` (drop cached answers and re-run). */
export function useList(
  reader: LibraryReader,
  q: ListQuery,
  root: RefObject<HTMLElement | null>,
  opts: { now: () => number; onError: (e: string) => void; subscribe?: (fn: () => void) => () => void },
): { result: ListResult | null; facets: Facets | null; reload: () => void } {
  const [result, setResult] = useState<ListResult | null>(null);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [generation, setGeneration] = useState(0);
  const started = useRef({ seq: 0, at: 0, shownSeq: -1, fullSeq: -1 });
  const reload = () => {
    reader.invalidate();
    setGeneration((g) => g + 1);
  };
  useEffect(() => opts.subscribe?.(reload), []);
  useEffect(() => {
    const seq = ++started.current.seq;
    started.current.at = opts.now();
    const take = (r: Result<ListResult> | null | undefined) => {
      if (!r || seq !== started.current.seq) return; // a newer query is on its way
      if (r.ok) setResult(r.value);
      else opts.onError(r.error);
    };
    void (async () => {
      // First screen from the newest matches, then every match (the list scrolls through all).
      take(await reader.quick?.(q));
      take(await reader.list(q));
      // Filter choices after the list, so they never hold up the first screen (cached once read).
      const f = await reader.facets();
      if (f.ok) setFacets(f.value);
    })();
  }, [queryKey(q), generation]);
  useLayoutEffect(() => {
    const s = started.current;
    const el = root.current;
    if (!result || !el) return;
    if (s.shownSeq !== s.seq) {
      s.shownSeq = s.seq;
      el.dataset.searchMs = (opts.now() - s.at).toFixed(1);
      el.dataset.searchQuery = q.query;
    }
    if (result.complete && s.fullSeq !== s.seq) {
      s.fullSeq = s.seq;
      el.dataset.searchFullMs = (opts.now() - s.at).toFixed(1);
    }
  }, [result]);
  return { result, facets, reload };
}
