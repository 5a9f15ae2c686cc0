/**
 * Library search: the `*terms` bigram index gives candidates (every query token must be present),
 * then a substring check on the folded texts decides, so 返贫 finds 防返贫 and 刘成友 is found whole
 * rather than as 刘成 + 成友 in different places. A query with no indexable token (「·」, 「，」) falls
 * back to a scan.
 */
import type { Collection, Table } from 'dexie';
import { matchesQuery, queryParts, searchTokens } from '../text/bigrams.ts';
import { clipTexts, highlightTexts, toClip, toHighlight } from './rows.ts';
import type { ClipRow, EpaperDB, HighlightRow } from './schema.ts';
import type { SearchFilters, SearchHit, SearchResult } from './types.ts';

const DEFAULT_LIMIT = 500;

/** Runs a search inside one read transaction. */
export async function search(db: EpaperDB, query: string, filters: SearchFilters): Promise<SearchResult> {
  const parts = queryParts(query);
  const kinds = filters.kinds ?? ['clip', 'highlight'];
  const wantClips = kinds.includes('clip') && !(filters.colors && filters.colors.length > 0);
  const wantHighlights = kinds.includes('highlight');
  return db.transaction('r', db.clips, db.highlights, async () => {
    const [clips, highlights] = await Promise.all([
      wantClips ? candidates(db.clips, query) : Promise.resolve([] as ClipRow[]),
      wantHighlights ? candidates(db.highlights, query) : Promise.resolve([] as HighlightRow[]),
    ]);
    const hits: Array<SearchHit & { at: number }> = [];
    for (const c of clips) {
      if (passes(c, filters) && (parts.length === 0 || matchesQuery(parts, clipTexts(c)))) {
        hits.push({ kind: 'clip', item: toClip(c), at: c.updatedAt });
      }
    }
    for (const h of highlights) {
      if (passes(h, filters) && (parts.length === 0 || matchesQuery(parts, highlightTexts(h)))) {
        hits.push({ kind: 'highlight', item: toHighlight(h), at: h.updatedAt });
      }
    }
    hits.sort((a, b) => b.at - a.at);
    const limit = filters.limit ?? DEFAULT_LIMIT;
    return { hits: hits.slice(0, limit).map(({ at: _at, ...hit }) => hit as SearchHit), total: hits.length };
  });
}

/** Rows that hold every query token (all rows when the query has none). */
async function candidates<R extends { id: string }>(table: Table<R, string>, query: string): Promise<R[]> {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return table.toArray();
  const keySets = await Promise.all(
    tokens.map(async ({ token, prefix }) => {
      const c: Collection<R, string> = prefix
        ? table.where('terms').startsWith(token)
        : table.where('terms').equals(token);
      return new Set(await c.primaryKeys());
    }),
  );
  keySets.sort((a, b) => a.size - b.size);
  let ids = [...keySets[0]];
  for (const set of keySets.slice(1)) {
    if (ids.length === 0) break;
    ids = ids.filter((id) => set.has(id));
  }
  const rows = await table.bulkGet(ids);
  return rows.filter((r): r is R => r !== undefined);
}

/** The filters other than the query. */
function passes(row: ClipRow | HighlightRow, f: SearchFilters): boolean {
  if (f.articleKey && row.articleKey !== f.articleKey) return false;
  if (f.paper && row.paper !== f.paper) return false;
  if (f.dateFrom && !(row.date && row.date >= f.dateFrom)) return false;
  if (f.dateTo && !(row.date && row.date <= f.dateTo)) return false;
  if (f.colors && f.colors.length > 0 && !('color' in row && f.colors.includes(row.color))) return false;
  if (f.tags && f.tags.length > 0 && !f.tags.some((t) => row.tags.includes(t))) return false;
  return true;
}
