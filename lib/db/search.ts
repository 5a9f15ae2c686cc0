/**
 * Library search: the `*terms` bigram index gives candidates (every query token must be present),
 * then a substring check on the folded texts decides, so 返贫 finds 防返贫 and 刘成友 is found whole
 * rather than as 刘成 + 成友 in different places. A query with no indexable token (「·」, 「，」) falls
 * back to a scan.
 */
import type { Table } from 'dexie';
import { matchesQuery, queryParts, searchTokens } from '../text/bigrams.ts';
import { candidates, newestKnown } from './candidates.ts';
import { allClipRows, clipCount, clipsOfArticle, getClipRows, newestClipRows } from './clipstore.ts';
import { packedAll } from './packs.ts';
import type { PostingKind } from './postings.ts';
import { uuidv7Time } from './ids.ts';
import { clipTexts, highlightTexts, toClip, toHighlight } from './rows.ts';
import type { ClipRow, EpaperDB, HighlightRow } from './schema.ts';
import type { SearchFilters, SearchHit, SearchResult } from './types.ts';

const DEFAULT_LIMIT = 200;
/** Candidate sets up to this size are read whole, so the total is exact (~300 rows ≈ 15 ms in Chromium). */
const READ_ALL = 300;
/** `*terms` entries read per token before the rest (candidates.ts). */
const CAP = 2000;

type Row = ClipRow | HighlightRow;

/** Runs a search inside one read transaction. */
export async function search(db: EpaperDB, query: string, filters: SearchFilters): Promise<SearchResult> {
  const kinds = filters.kinds ?? ['clip', 'highlight'];
  const limit = Math.max(0, filters.limit ?? DEFAULT_LIMIT);
  const wantClips = kinds.includes('clip') && !(filters.colors && filters.colors.length > 0);
  const wantHighlights = kinds.includes('highlight');
  return db.transaction('r', [db.clips, db.packs, db.highlights, db.postings], async () => {
    const [clips, highlights] = await Promise.all([
      wantClips ? searchTable(db, clipSource(db), query, filters, limit) : none<ClipRow>(),
      wantHighlights ? searchTable(db, highlightSource(db), query, filters, limit) : none<HighlightRow>(),
    ]);
    const hits: SearchHit[] = [
      ...clips.rows.map((r) => ({ kind: 'clip' as const, item: toClip(r) })),
      ...highlights.rows.map((r) => ({ kind: 'highlight' as const, item: toHighlight(r) })),
    ];
    hits.sort((a, b) => b.item.createdAt - a.item.createdAt);
    const total = clips.total + highlights.total;
    const estimate = clips.estimate || highlights.estimate;
    return estimate
      ? { hits: hits.slice(0, limit), total, totalIsEstimate: true }
      : { hits: hits.slice(0, limit), total };
  });
}

async function none<R>(): Promise<{ rows: R[]; total: number; estimate?: boolean }> {
  return { rows: [], total: 0 };
}

/** How search reads one kind of record: highlights are rows only, clips also restored packs. */
interface Source<R extends Row> {
  table: Table<R, string>;
  kind: PostingKind;
  /** Where restored records were packed (id → pack key), filled by the candidate lookup. */
  packs?: Map<string, string>;
  textsOf: (r: R) => string[];
  get: (ids: string[]) => Promise<Array<R | undefined>>;
  newest: (limit: number) => Promise<R[]>;
  count: () => Promise<number>;
  /** Rows that can pass the filters, read through the most selective index available. */
  narrow: (f: SearchFilters) => Promise<R[]>;
}

function highlightSource(db: EpaperDB): Source<HighlightRow> {
  const table = db.highlights;
  return {
    table,
    kind: 'h',
    textsOf: highlightTexts,
    get: (ids) => table.bulkGet(ids),
    newest: (limit) => table.orderBy('createdAt').reverse().limit(limit).toArray(),
    count: () => table.count(),
    narrow: (f) => narrowest(table, f),
  };
}

function clipSource(db: EpaperDB): Source<ClipRow> {
  const packs = new Map<string, string>(); // filled by the candidates, read by `get`
  return {
    table: db.clips,
    kind: 'c',
    packs,
    textsOf: clipTexts,
    get: (ids) => getClipRows(db, ids, packs),
    newest: (limit) => newestClipRows(db, 'createdAt', limit),
    count: () => clipCount(db),
    // Packs have no paper or date index: a paper or date filter reads them all (~0.2 s for 50,000
    // packed clips in Chromium, about what the rows' own index read costs).
    narrow: async (f) => {
      if (f.articleKey) return clipsOfArticle(db, f.articleKey);
      if (f.paper || f.dateFrom || f.dateTo)
        return [...(await narrowest(db.clips, f)), ...(await packedAll(db))];
      return allClipRows(db);
    },
  };
}

/**
 * One table's newest `limit` matches and their total. Paths, cheapest first:
 * - a plain listing reads only the newest rows (createdAt index);
 * - a query: every token's ids (its `*terms` entries and its posting lists) intersected are the
 *   candidates; the substring check on the rows decides. Few candidates (or filters): all are read
 *   and the total is exact. Many: restored candidates newest first by the createdAt their segment
 *   keeps, saved ones by id (UUIDv7), each read a little over what is missing until `limit` hits;
 *   `totalIsEstimate` says the total also counts the candidates left unread (an upper bound);
 * - a query with no indexable character (「·」) or a filtered listing reads rows through an index and checks.
 */
async function searchTable<R extends Row>(
  db: EpaperDB,
  src: Source<R>,
  query: string,
  f: SearchFilters,
  limit: number,
): Promise<{ rows: R[]; total: number; estimate?: boolean }> {
  const { table, kind, textsOf } = src;
  const parts = queryParts(query);
  const filtered = hasFilters(f);
  if (parts.length === 0 && !filtered) {
    const [rows, total] = await Promise.all([src.newest(limit), src.count()]);
    return { rows, total };
  }
  const tokens = searchTokens(query);
  const keep = (r: R | undefined): r is R =>
    r !== undefined && passes(r, f) && (parts.length === 0 || matchesQuery(parts, textsOf(r)));
  if (parts.length === 0 || tokens.length === 0) {
    const rows = (await src.narrow(f)).filter(keep);
    return { rows: newest(rows, limit), total: rows.length };
  }
  // First only the newest index entries of records saved one at a time (CAP a token): enough when
  // the newest `limit` hits are all among them; else every entry, as without the cut.
  if (!filtered && limit * 10 <= CAP) {
    const recent = await candidates(db, table, kind, tokens, src.packs, CAP);
    if (recent.below === undefined) return answer(src, recent.ids, keep, filtered, limit);
    const quick = await newestOf(src, recent.ids, keep, limit);
    if (quick.rows.length >= limit) {
      const share = await windowShare(table, recent.below);
      return { ...quick, total: Math.round(quick.total / share), estimate: true };
    }
  }
  return answer(src, (await candidates(db, table, kind, tokens, src.packs)).ids, keep, filtered, limit);
}

/** Newest `limit` hits among every candidate: all read (exact total) when few or filtered. */
async function answer<R extends Row>(
  src: Source<R>,
  found: Map<string, number>,
  keep: (r: R | undefined) => r is R,
  filtered: boolean,
  limit: number,
): Promise<{ rows: R[]; total: number; estimate?: boolean }> {
  if (filtered || found.size <= Math.max(READ_ALL, limit)) {
    const rows = (await src.get([...found.keys()])).filter(keep);
    return { rows: newest(rows, limit), total: rows.length };
  }
  return newestOf(src, found, keep, limit);
}

/**
 * The share of the records saved one at a time that are newer than `id` (UUIDv7 time against the
 * oldest and newest createdAt), to scale a count made above a cut; 1 when it cannot be told.
 */
async function windowShare<R extends Row>(table: Table<R, string>, id: string): Promise<number> {
  const at = uuidv7Time(id);
  const [oldest, newestRow] = await Promise.all([
    table.orderBy('createdAt').first(),
    table.orderBy('createdAt').last(),
  ]);
  if (at === undefined || !oldest || !newestRow || newestRow.createdAt <= oldest.createdAt) return 1;
  const share = (newestRow.createdAt - at) / (newestRow.createdAt - oldest.createdAt);
  return Math.min(1, Math.max(share, 0.01));
}

/** The newest `limit` hits among many candidates, reading newest first; the total counts unread ones. */
async function newestOf<R extends Row>(
  src: Source<R>,
  found: Map<string, number>,
  keep: (r: R | undefined) => r is R,
  limit: number,
): Promise<{ rows: R[]; total: number; estimate?: boolean }> {
  const known: Array<[string, number]> = [];
  const unknown: string[] = [];
  for (const [id, ts] of found) {
    if (Number.isNaN(ts)) unknown.push(id);
    else known.push([id, ts]);
  }
  // Restored records come with their createdAt (segment rows); records saved one at a time have
  // UUIDv7 ids, time-ordered, so id order stands for it. The newest `limit` hits of each, merged.
  unknown.sort();
  const byId = unknown.map((id, at): [string, number] => [id, at]);
  const [saved, restored] = [
    await newestKnown(src.get, byId, keep, limit),
    await newestKnown(src.get, known, keep, limit),
  ];
  const rows = [...saved.rows, ...restored.rows];
  const unchecked = saved.unchecked + restored.unchecked;
  return { rows: newest(rows, limit), total: rows.length + unchecked, estimate: unchecked > 0 };
}

/** Rows that can pass the filters, read through the most selective index available. */
function narrowest<R extends Row>(table: Table<R, string>, f: SearchFilters): Promise<R[]> {
  if (f.articleKey) return table.where('articleKey').equals(f.articleKey).toArray();
  if (f.paper) return table.where('paper').equals(f.paper).toArray();
  if (f.dateFrom || f.dateTo)
    return table
      .where('date')
      .between(f.dateFrom ?? '', f.dateTo ?? '\uffff', true, true)
      .toArray();
  return table.toArray();
}

function newest<R extends Row>(rows: R[], limit: number): R[] {
  return rows.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
}

function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.articleKey || f.paper || f.dateFrom || f.dateTo || f.colors?.length || f.tags?.length);
}

/** The filters other than the query. */
function passes(row: Row, f: SearchFilters): boolean {
  if (f.articleKey && row.articleKey !== f.articleKey) return false;
  if (f.paper && row.paper !== f.paper) return false;
  if (f.dateFrom && !(row.date && row.date >= f.dateFrom)) return false;
  if (f.dateTo && !(row.date && row.date <= f.dateTo)) return false;
  if (f.colors && f.colors.length > 0 && !('color' in row && f.colors.includes(row.color))) return false;
  if (f.tags && f.tags.length > 0 && !f.tags.some((t) => row.tags.includes(t))) return false;
  return true;
}
