/**
 * The search index of restored records, as posting lists. Chromium writes a multi-entry index
 * entry in ~8 µs, so 50,000 restored clips × ~97 `terms` took ~40 s; the same terms as one posting
 * list per term (~25,000 rows) take ~1.5 s. Records saved one at a time keep `*terms` (97 entries
 * ≈ 1 ms, no rewrite of a long list), so a term's candidates are its `*terms` entries plus its
 * posting lists; the substring check decides either way, which also rejects ids of records deleted
 * or edited after the restore.
 */
import type { Table } from 'dexie';
import type { SearchToken } from '../text/bigrams.ts';
import type { PostingRow } from './schema.ts';

/** Which table a posting list belongs to (first letter of its key). */
export type PostingKind = 'c' | 'h';

/** Posting rows for records `{ id, terms }` written in one restore (`segment`: a fresh id). */
export function postingRows(
  kind: PostingKind,
  segment: string,
  rows: ReadonlyArray<{ id: string; terms: readonly string[] }>,
): PostingRow[] {
  const by = new Map<string, string[]>();
  for (const r of rows) {
    for (const term of r.terms) {
      const ids = by.get(term);
      if (ids) ids.push(r.id);
      else by.set(term, [r.id]);
    }
  }
  return [...by].map(([term, ids]) => ({ k: `${kind} ${term} ${segment}`, ids }));
}

/** Ids listed for a token in every segment: 「返贫」 exactly, 「贫」 or 「cov」 as a prefix of terms. */
export async function postingIds(
  table: Table<PostingRow, string>,
  kind: PostingKind,
  { token, prefix }: SearchToken,
): Promise<string[]> {
  const rows = await table
    .where('k')
    .startsWith(`${kind} ${token}${prefix ? '' : ' '}`)
    .toArray();
  return rows.length === 1 ? rows[0].ids : rows.flatMap((r) => r.ids);
}
