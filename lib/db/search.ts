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

const DEFAULT_LIMIT = 500;

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
    hits.sort((a, b) => b.item.updatedAt - a.item.updatedAt);
    return { hits: hits.slice(0, limit), total: clips.total + highlights.total };
  });
}

async function none<R>(): Promise<{ rows: R[]; total: number }> {
  return { rows: [], total: 0 };
}

/**
 * One table's newest `limit` matches and their total. Paths, cheapest first: a plain listing reads
 * only the newest rows; a one-token query without filters (「返贫」, 「贫」, 「covid」) is decided by
 * the index alone, so only the newest `limit` candidates are read; anything else reads every
 * candidate and checks it; a query with no indexable token scans.
 */
async function searchTable<R extends Row>(
  table: Table<R, string>,
  textsOf: (r: R) => string[],
  query: string,
  f: SearchFilters,
  limit: number,
): Promise<{ rows: R[]; total: number }> {
  const parts = queryParts(query);
  const filtered = hasFilters(f);
  if (parts.length === 0 && !filtered) {
    const [rows, total] = await Promise.all([
      table.orderBy('updatedAt').reverse().limit(limit).toArray(),
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
  const ids = await candidateIds(table, tokens);
  if (!filtered && indexDecides(query)) {
    let top = [...ids];
    if (ids.size > limit) {
      // Walk ids newest first (keys only) and stop at the limit: no rows read beyond what is shown.
      top = [];
      for (const id of await table.orderBy('updatedAt').reverse().primaryKeys()) {
        if (ids.has(id)) top.push(id);
        if (top.length >= limit) break;
      }
    }
    const rows = (await table.bulkGet(top)).filter((r): r is R => r !== undefined);
    return { rows: newest(rows, limit), total: ids.size };
  }
  const rows = (await table.bulkGet([...ids])).filter(keep);
  return { rows: newest(rows, limit), total: rows.length };
}

/** Ids holding every token (exact bigrams, or terms starting with a prefix token), smallest set first. */
async function candidateIds<R>(table: Table<R, string>, tokens: SearchToken[]): Promise<Set<string>> {
  const sets = await Promise.all(
    tokens.map(async ({ token, prefix }) => {
      const c = prefix ? table.where('terms').startsWith(token) : table.where('terms').equals(token);
      return new Set(await c.primaryKeys());
    }),
  );
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
  return rows.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
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
