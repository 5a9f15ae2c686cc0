/**
 * The library page's read side: runs a ListQuery with lib/db search (bigram index + substring check)
 * in the page's own connection to the database (extension origin), orders the hits, groups them by
 * article, and keeps the last few answers so scrolling and switching views never re-query.
 * Writes go through the background (lib/extension/pages/library/writer.ts) so every open view hears them;
 * `invalidate()` drops the answers after any write.
 */
import type { Library } from '../../../db/library.ts';
import type { SearchHit } from '../../../db/types.ts';
import { keyPublication } from '../../../model/article-key.ts';
import { type LibraryData, type Result, type SourceRef, sourceOf } from '../../../model/index.ts';
import {
  type ArticleSummary,
  type Facets,
  type LibraryItem,
  type ListQuery,
  type ListResult,
  queryKey,
} from './types.ts';
import { t } from '../../shared/i18n.ts';

const KEEP = 4;
/** "Every match" for lib/db search: IndexedDB counts are unsigned 32-bit, so not MAX_SAFE_INTEGER. */
const ALL = 2 ** 31 - 1;

/** The whole library as a listing (the facets and `dump` read it). */
const EVERYTHING: ListQuery = { query: '', filters: {}, sort: 'read', view: 'items' };

/**
 * Rows in the quick first answer: three screens of the newest matches (rows are 96 px: a 1,440 px
 * tall window shows 15), while `list` reads every match. The total comes with it, exact (lib/db's
 * search index counts every match without reading rows); only the rows shown are read.
 */
export const FIRST_ROWS = 50;

/**
 * Resolves after the next paint: a frame, then a task (`requestAnimationFrame` runs just before
 * the browser paints). A tab that draws no frames (hidden) gets there by `fallbackMs`.
 */
export function afterNextPaint(
  win: Pick<typeof globalThis, 'requestAnimationFrame' | 'setTimeout'> = globalThis,
  fallbackMs = 200,
): Promise<void> {
  return new Promise((resolve) => {
    win.requestAnimationFrame(() => win.setTimeout(resolve, 0));
    win.setTimeout(resolve, fallbackMs);
  });
}

/** Cached listing and facets over a Library. */
export class LibraryService {
  // Promises, so a query asked twice at once (the list and the facets at start) is run once.
  private readonly answers = new Map<string, Promise<Result<ListResult>>>();
  /** Keys whose full answer has arrived (a pending one does not stop the quick answer). */
  private readonly settled = new Set<string>();
  private readonly sources = new Map<string, SourceRef>();
  private facetCache: Facets | null = null;
  /** The first screen drawn from a quick answer; the full listing waits for it (see `quick`). */
  private drawing: Promise<unknown> | null = null;

  constructor(
    readonly library: Library,
    private readonly clock: () => number = () => performance.now(),
    /** When a first screen handed out now is on screen (the page: `afterNextPaint`). */
    private readonly drawn: () => Promise<unknown> = () => Promise.resolve(),
  ) {}

  /** Forget every answer (after a write, a restore, or a change notice from another view). */
  invalidate(): void {
    this.answers.clear();
    this.settled.clear();
    this.sources.clear();
    this.facetCache = null;
  }

  /**
   * The newest FIRST_ROWS matches and the total, fast (lib/db reads only those rows for a plain
   * listing or a one-token query), for the first screen while `list` reads every match. Only for
   * items by date read: another order needs every match first. Null when it does not apply or a
   * full answer is already known. The next full listing starts once this answer is drawn: its
   * one read of every row (50,000 clips) is deserialised on the page's main thread, and started
   * at once it held the first screen's paint back by about a second (docs/storage.md).
   */
  async quick(q: ListQuery): Promise<Result<ListResult> | null> {
    if (q.sort !== 'read' || q.view !== 'items' || this.settled.has(queryKey(q))) return null;
    const t0 = this.clock();
    const r = await this.library.search(q.query, { ...q.filters, limit: FIRST_ROWS });
    if (!r.ok) return r;
    const withSources = await this.attachSources(r.value.hits);
    if (!withSources.ok) return withSources;
    const items = sortItems(withSources.value, q.sort);
    const complete = items.length >= r.value.total;
    this.drawing = this.drawn();
    return {
      ok: true,
      value: { items, articles: summarise(items), total: r.value.total, complete, ms: this.clock() - t0 },
    };
  }

  /** The whole ordered answer to `q` (every match, not a page of it: the list windows it). */
  list(q: ListQuery): Promise<Result<ListResult>> {
    const key = queryKey(q);
    const known = this.answers.get(key);
    if (known) return known;
    const answer = this.run(q);
    if (this.answers.size >= KEEP) {
      const oldest = this.answers.keys().next().value as string;
      this.answers.delete(oldest);
      this.settled.delete(oldest);
    }
    this.answers.set(key, answer);
    void answer.then((r) => {
      if (this.answers.get(key) !== answer) return;
      if (r.ok) this.settled.add(key);
      else this.answers.delete(key);
    });
    return answer;
  }

  /** Papers, tags and the date span of the whole library, for the filter controls. */
  async facets(): Promise<Result<Facets>> {
    if (this.facetCache) return { ok: true, value: this.facetCache };
    const all = await this.list(EVERYTHING);
    if (!all.ok) return all;
    this.facetCache = facetsOf(all.value.items);
    return { ok: true, value: this.facetCache };
  }

  /**
   * Everything in the library, for "export everything" and backups: the clips and highlights of the
   * whole listing when the page already holds it (kept current: any write or notice drops it), so
   * only the articles are read; else lib/db `dumpAll`. Reading 50,000 clip rows back from disk
   * took 1.5 s of a 2.3 s export in Chromium.
   */
  async dump(): Promise<Result<LibraryData>> {
    const known = this.answers.get(queryKey(EVERYTHING));
    if (!known || !this.settled.has(queryKey(EVERYTHING))) return this.library.dumpAll();
    const all = await known;
    if (!all.ok) return this.library.dumpAll();
    try {
      const stored = await this.library.allArticles();
      if (!stored.ok) return stored;
      const articles = stored.value;
      const data: LibraryData = { articles, highlights: [], clips: [] };
      for (const it of all.value.items) {
        if (it.kind === 'clip') data.clips.push(it.item);
        else data.highlights.push(it.item);
      }
      return { ok: true, value: data };
    } catch (e) {
      return { ok: false, error: t('libReadFailed', [e instanceof Error ? e.message : String(e)]) };
    }
  }

  private async run(q: ListQuery): Promise<Result<ListResult>> {
    const drawing = this.drawing;
    this.drawing = null;
    if (drawing) await drawing.catch(() => undefined);
    const t0 = this.clock();
    const r = await this.library.search(q.query, { ...q.filters, limit: ALL });
    if (!r.ok) return r;
    const withSources = await this.attachSources(r.value.hits);
    if (!withSources.ok) return withSources;
    const items = sortItems(withSources.value, q.sort);
    return {
      ok: true,
      value: {
        items,
        articles: summarise(items),
        total: items.length,
        complete: true,
        ms: this.clock() - t0,
      },
    };
  }

  /** Clips carry their source; a highlight takes its stored article's (else what its key says). */
  private async attachSources(hits: SearchHit[]): Promise<Result<LibraryItem[]>> {
    for (const h of hits) {
      if (h.kind === 'clip' && !this.sources.has(h.item.articleKey))
        this.sources.set(h.item.articleKey, h.item.source);
    }
    const missing = [
      ...new Set(hits.filter((h) => !this.sources.has(h.item.articleKey)).map((h) => h.item.articleKey)),
    ];
    if (missing.length > 0) {
      const rows = await this.library.getArticles(missing);
      if (!rows.ok) return { ok: false, error: t('libReadFailed', [rows.error]) };
      missing.forEach((k, i) => {
        const row = rows.value[i];
        this.sources.set(k, row ? sourceOf(row.article) : sourceFromKey(k));
      });
    }
    return {
      ok: true,
      value: hits.map((h) => ({ ...h, source: this.sources.get(h.item.articleKey) as SourceRef })),
    };
  }
}

/** A source from an article key 「海南日报|2026-07-13|1|0」 when the article itself is not stored. */
export function sourceFromKey(key: string): SourceRef {
  const { paper, date, page } = keyPublication(key);
  return {
    articleKey: key,
    paper,
    date,
    pages: page ? [page] : [],
    leadTitle: '',
    title: '',
    subtitle: '',
    bylines: [],
    urls: [],
  };
}

/** Newest first by creation (read), or by publication date then paper, first page and creation. */
export function sortItems(items: LibraryItem[], sort: 'read' | 'published'): LibraryItem[] {
  if (sort === 'read') return [...items].sort((a, b) => b.item.createdAt - a.item.createdAt);
  const keyed = items.map((it) => ({ it, k: `${it.source.date}\u0000${it.source.paper}` }));
  keyed.sort((a, b) => {
    if (a.k !== b.k) {
      // Newest date first; within a date, papers in name order.
      const da = a.it.source.date;
      const db = b.it.source.date;
      if (da !== db) return da < db ? 1 : -1;
      return a.k < b.k ? -1 : 1;
    }
    const pa = a.it.source.pages[0] ?? '';
    const pb = b.it.source.pages[0] ?? '';
    if (pa !== pb) return pa.localeCompare(pb, 'en', { numeric: true });
    return b.it.item.createdAt - a.it.item.createdAt;
  });
  return keyed.map((x) => x.it);
}

/** One summary per article, in the order its first item appears in `items`. */
export function summarise(items: readonly LibraryItem[]): ArticleSummary[] {
  const out = new Map<string, ArticleSummary>();
  for (const it of items) {
    const k = it.item.articleKey;
    let s = out.get(k);
    if (!s) {
      s = { key: k, source: it.source, clips: 0, highlights: 0, lastAt: 0 };
      out.set(k, s);
    }
    if (it.kind === 'clip') s.clips++;
    else s.highlights++;
    s.lastAt = Math.max(s.lastAt, it.item.createdAt);
  }
  return [...out.values()];
}

/** Papers and tags with counts (most used first), and the date span. */
export function facetsOf(items: readonly LibraryItem[]): Facets {
  const papers = new Map<string, number>();
  const tags = new Map<string, number>();
  let firstDate = '';
  let lastDate = '';
  for (const it of items) {
    const p = it.source.paper;
    if (p) papers.set(p, (papers.get(p) ?? 0) + 1);
    for (const t of it.item.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    const d = it.source.date;
    if (d) {
      if (!firstDate || d < firstDate) firstDate = d;
      if (!lastDate || d > lastDate) lastDate = d;
    }
  }
  const counted = (m: Map<string, number>) =>
    [...m]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { papers: counted(papers), tags: counted(tags), firstDate, lastDate, items: items.length };
}
