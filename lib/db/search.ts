/**
 * Library search over the one index (search-index.ts): every query part must occur in a record's
 * folded texts (「返贫」 finds 防返贫; 「刘成友」 never matches 刘成 … 成友), filters hold, hits come
 * newest made first, at most `limit`, and `total` counts every match (exact). A plain listing reads
 * the newest rows straight from the `createdAt` index and needs no search index; a listing of
 * everything (the library page's) hands its rows to the index, so it is built without a second read.
 */
import type { Table } from 'dexie';
import { queryParts, searchTokens } from '../text/bigrams.ts';
import { type Counted, ensureCounts, storedCount } from './counts.ts';
import type { EpaperDB } from './schema.ts';
import { type IndexDoc, matches } from './search-index.ts';
import { clipDoc, highlightDoc, type SearchIndexes } from './search-sync.ts';
import { toClip, toHighlight } from './rows.ts';
import type { SearchFilters, SearchHit, SearchResult } from './types.ts';

const DEFAULT_LIMIT = 200;

/** Runs a search; `indexes` holds this connection's search index. */
export async function search(
  db: EpaperDB,
  indexes: SearchIndexes,
  query: string,
  f: SearchFilters,
): Promise<SearchResult> {
  const limit = Math.max(0, f.limit ?? DEFAULT_LIMIT);
  const parts = queryParts(query);
  if (parts.length === 0 && !hasFilters(f)) return listing(db, indexes, f, limit);
  // One article's records (the library opened from a page) are few: read them through the
  // articleKey index rather than wait for the whole index to be built.
  if (f.articleKey && !indexes.ready()) return ofArticle(db, parts, f, limit);
  const index = await indexes.get(db);
  return db.transaction('r', [db.clips, db.highlights, db.tombstones, db.meta], async () => {
    await indexes.catchUp(db, index);
    const docs = index.find(parts, searchTokens(query), f).sort((a, b) => b.createdAt - a.createdAt);
    return { hits: await read(db, docs.slice(0, limit)), total: docs.length };
  });
}

/** Newest first without a query or filters: the newest `limit` of each table and the counts. */
async function listing(
  db: EpaperDB,
  indexes: SearchIndexes,
  f: SearchFilters,
  limit: number,
): Promise<SearchResult> {
  const kinds = f.kinds ?? ['clip', 'highlight'];
  // The counts kept by every write (counts.ts): Chromium's count() walks every row.
  await ensureCounts(db, kinds);
  const out = await db.transaction('r', [db.clips, db.highlights, db.meta], async () => {
    const clock = await db.meta.get('clock');
    const counted = (kind: Counted, t: Table): number | Promise<number> =>
      kinds.includes(kind) ? (storedCount(clock, kind) ?? t.count()) : 0;
    const [nc, nh] = await Promise.all([counted('clip', db.clips), counted('highlight', db.highlights)]);
    // Every row wanted: one getAll (`toArray`) and a sort here. A reversed index read walks a
    // cursor, one request per row (50,000 clips: seconds in Chromium).
    const newest = <R extends { createdAt: number }>(t: Table<R, string>, n: number): Promise<R[]> =>
      // Reversed first, so ties of createdAt keep the index's order (newest id first).
      n <= limit
        ? t.toArray().then((r) => r.reverse())
        : t.orderBy('createdAt').reverse().limit(limit).toArray();
    const [clips, highlights] = await Promise.all([
      kinds.includes('clip') ? newest(db.clips, nc) : [],
      kinds.includes('highlight') ? newest(db.highlights, nh) : [],
    ]);
    // Every row of a table read (the library page's listing): its length is the count. A stored
    // count that differs (a write that bypassed the library) is answered right and recounted.
    const exact = (n: number, rows: unknown[]) => (n <= limit ? rows.length : n);
    const [ec, eh] = [exact(nc, clips), exact(nh, highlights)];
    return { clips, highlights, total: ec + eh, seq: clock?.seq ?? 0, off: ec !== nc || eh !== nh };
  });
  if (out.off) await ensureCounts(db, kinds, true);
  // Every record was read: the index is built from these rows (in slices, off this answer's path).
  if (kinds.length === 2 && out.clips.length + out.highlights.length === out.total)
    indexes.offer(out.clips, out.highlights, out.seq);
  const hits: SearchHit[] = [
    ...out.clips.map((r) => ({ kind: 'clip' as const, item: toClip(r) })),
    ...out.highlights.map((r) => ({ kind: 'highlight' as const, item: toHighlight(r) })),
  ];
  hits.sort((a, b) => b.item.createdAt - a.item.createdAt);
  return { hits: hits.slice(0, limit), total: out.total };
}

/** One article's matches, decided by the same check as the index's. */
async function ofArticle(
  db: EpaperDB,
  parts: string[],
  f: SearchFilters,
  limit: number,
): Promise<SearchResult> {
  const key = f.articleKey as string;
  const [clips, highlights] = await db.transaction('r', [db.clips, db.highlights], () =>
    Promise.all([
      db.clips.where('articleKey').equals(key).toArray(),
      db.highlights.where('articleKey').equals(key).toArray(),
    ]),
  );
  const hits: Array<SearchHit & { doc: IndexDoc }> = [
    ...clips.map((r) => ({ kind: 'clip' as const, item: toClip(r), doc: clipDoc(r) })),
    ...highlights.map((r) => ({ kind: 'highlight' as const, item: toHighlight(r), doc: highlightDoc(r) })),
  ].filter((h) => matches(h.doc, parts, f));
  hits.sort((a, b) => b.item.createdAt - a.item.createdAt);
  return {
    hits: hits.slice(0, limit).map(({ kind, item }) => ({ kind, item }) as SearchHit),
    total: hits.length,
  };
}

/** The rows of `docs`, in order (one deleted since the index caught up is passed over). */
async function read(db: EpaperDB, docs: IndexDoc[]): Promise<SearchHit[]> {
  const ids = (kind: IndexDoc['kind']) => docs.filter((d) => d.kind === kind).map((d) => d.id);
  const [clips, highlights] = await Promise.all([
    db.clips.bulkGet(ids('clip')),
    db.highlights.bulkGet(ids('highlight')),
  ]);
  const byKey = new Map<string, SearchHit>();
  for (const r of clips) if (r) byKey.set(`clip ${r.id}`, { kind: 'clip', item: toClip(r) });
  for (const r of highlights)
    if (r) byKey.set(`highlight ${r.id}`, { kind: 'highlight', item: toHighlight(r) });
  return docs.map((d) => byKey.get(`${d.kind} ${d.id}`)).filter((h) => h !== undefined);
}

function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.articleKey || f.paper || f.dateFrom || f.dateTo || f.colors?.length || f.tags?.length);
}
