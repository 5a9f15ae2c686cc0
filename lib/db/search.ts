/**
 * Library search: the `*terms` bigram index gives candidates (every query token must be present),
 * then a substring check on the folded texts decides, so 返贫 finds 防返贫 and 刘成友 is found whole
 * rather than as 刘成 + 成友 in different places. A query with no indexable token (「·」, 「，」) falls
 * back to a scan.
 */
import type { Table } from 'dexie';
import { type SearchToken, indexDecides, matchesQuery, queryParts, searchTokens } from '../text/bigrams.ts';
import { clipTexts, highlightTexts, toClip, toHighlight } from './rows.ts';
import type { ClipRow, EpaperDB, HighlightRow } from './schema.ts';
import type { SearchFilters, SearchHit, SearchResult } from './types.ts';

const DEFAULT_LIMIT = 200;
/** Candidate sets up to this size are checked whole, so the total is exact. */
const VERIFY_ALL = 1000;

type Row = ClipRow | HighlightRow;

/** Runs a search inside one read transaction. */
export async function search(db: EpaperDB, query: string, filters: SearchFilters): Promise<SearchResult> {
  const kinds = filters.kinds ?? ['clip', 'highlight'];
  const limit = Math.max(0, filters.limit ?? DEFAULT_LIMIT);
  const wantClips = kinds.includes('clip') && !(filters.colors && filters.colors.length > 0);
  const wantHighlights = kinds.includes('highlight');
  return db.transaction('r', db.clips, db.highlights, async () => {
    const [clips, highlights] = await Promise.all([
      wantClips ? searchTable(db.clips, clipTexts, query, filters, limit) : none<ClipRow>(),
      wantHighlights
        ? searchTable(db.highlights, highlightTexts, query, filters, limit)
        : none<HighlightRow>(),
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

/**
 * One table's newest `limit` matches and their total. Paths, cheapest first:
 * - a plain listing reads only the newest rows (createdAt index);
 * - a one-bigram query without filters (「返贫」) is decided by the index alone: count its entries and
 *   read the newest `limit` straight off it (entries sit in id order, and ids are UUIDv7, time-ordered);
 * - otherwise the rarest token's ids are the candidates (the substring check decides); with filters
 *   and many candidates, the ids holding every token; past VERIFY_ALL candidates without filters,
 *   checking goes newest first, stops at the limit, and the total is an estimate;
 * - a query with no indexable character (「·」) or a filtered listing reads rows through an index and checks.
 */
async function searchTable<R extends Row>(
  table: Table<R, string>,
  textsOf: (r: R) => string[],
  query: string,
  f: SearchFilters,
  limit: number,
): Promise<{ rows: R[]; total: number; estimate?: boolean }> {
  const parts = queryParts(query);
  const filtered = hasFilters(f);
  if (parts.length === 0 && !filtered) {
    const [rows, total] = await Promise.all([
      table.orderBy('createdAt').reverse().limit(limit).toArray(),
      table.count(),
    ]);
    return { rows, total };
  }
  const tokens = searchTokens(query);
  const keep = (r: R | undefined): r is R =>
    r !== undefined && passes(r, f) && (parts.length === 0 || matchesQuery(parts, textsOf(r)));
  if (parts.length === 0 || tokens.length === 0) {
    const rows = (await narrowest(table, f)).filter(keep);
    return { rows: newest(rows, limit), total: rows.length };
  }
  const decided = !filtered && indexDecides(query);
  if (decided && tokens.length === 1 && !tokens[0].prefix) {
    const token = tokens[0].token;
    const [total, top] = await Promise.all([
      table.where('terms').equals(token).count(),
      table.where('terms').equals(token).reverse().limit(limit).primaryKeys(),
    ]);
    return { rows: newest(await present(table, top), limit), total };
  }
  if (decided) {
    const ids = [...(await candidateIds(table, tokens))].sort().reverse();
    return { rows: newest(await present(table, ids.slice(0, limit)), limit), total: ids.length };
  }
  // The substring check decides anyway, so one token's ids are enough candidates when they are few:
  // read at most VERIFY_ALL + 1 entries per token to find such a token without counting big ones.
  const heads = await Promise.all(
    tokens.map((t) =>
      lookup(table, t)
        .limit(VERIFY_ALL + 1)
        .primaryKeys(),
    ),
  );
  const fewest = heads.reduce((a, b) => (b.length < a.length ? b : a));
  if (fewest.length <= VERIFY_ALL || filtered) {
    const ids = fewest.length <= VERIFY_ALL ? [...new Set(fewest)] : [...(await candidateIds(table, tokens))];
    const rows = (await table.bulkGet(ids)).filter(keep);
    return { rows: newest(rows, limit), total: rows.length };
  }
  const counts = await Promise.all(tokens.map((t) => lookup(table, t).count()));
  const rarest = tokens[counts.indexOf(Math.min(...counts))];
  // Many candidates, no filters: check the rarest token's ids newest first, stop at the limit.
  const ids = [...new Set(await lookup(table, rarest).primaryKeys())].sort().reverse();
  const rows: R[] = [];
  let checked = 0;
  while (rows.length < limit && checked < ids.length) {
    // Hits are usually dense among the rarest token's ids: read a little over the limit first.
    const batch = ids.slice(checked, checked + (checked === 0 ? limit + 20 : 2 * limit));
    checked += batch.length;
    rows.push(...(await table.bulkGet(batch)).filter(keep));
  }
  const unchecked = ids.length - checked;
  return { rows: newest(rows, limit), total: rows.length + unchecked, estimate: unchecked > 0 };
}

/** The index entries of one token: a bigram exactly, or every term starting with a prefix token. */
function lookup<R>(table: Table<R, string>, { token, prefix }: SearchToken) {
  return prefix ? table.where('terms').startsWith(token) : table.where('terms').equals(token);
}

async function present<R>(table: Table<R, string>, ids: string[]): Promise<R[]> {
  return (await table.bulkGet(ids)).filter((r): r is R => r !== undefined);
}

/** Ids holding every token (exact bigrams, or terms starting with a prefix token), smallest set first. */
async function candidateIds<R>(table: Table<R, string>, tokens: SearchToken[]): Promise<Set<string>> {
  const sets = await Promise.all(tokens.map(async (t) => new Set(await lookup(table, t).primaryKeys())));
  sets.sort((a, b) => a.size - b.size);
  let ids = sets[0];
  for (const set of sets.slice(1)) {
    if (ids.size === 0) break;
    ids = new Set([...ids].filter((id) => set.has(id)));
  }
  return ids;
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
