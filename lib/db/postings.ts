/**
 * The search index of restored records, as posting lists. Chromium writes a multi-entry index
 * entry in ~8 µs, so 50,000 restored clips × ~94 `terms` took ~40 s; the same terms as one posting
 * list per term (~25,000 rows) take well under 2 s. Records saved one at a time keep `*terms` (~94
 * entries ≈ 1 ms, no rewrite of a long list), so a term's candidates are its `*terms` entries plus
 * its posting lists; the substring check decides either way, which also rejects ids of records
 * deleted or edited after the restore.
 *
 * One restore is one segment: a row 「C <segment>」 lists its clip ids newest first, and each term's
 * row 「c 返贫 <segment>」 holds positions in that list as varint deltas (a Uint8Array: one memcpy to
 * store, ~1.5 bytes a position instead of a 20-byte id string).
 */
import type { Table } from 'dexie';
import type { SearchToken } from '../text/bigrams.ts';
import type { PostingRow } from './schema.ts';

/** Which table a posting list belongs to: c clips, h highlights. */
export type PostingKind = 'c' | 'h';

/** Posting rows for the records `{ id, terms, createdAt }` of one restore (`segment`: a fresh id). */
export function postingRows(
  kind: PostingKind,
  segment: string,
  records: ReadonlyArray<{ id: string; terms: readonly string[]; createdAt: number }>,
): PostingRow[] {
  const sorted = [...records].sort((a, b) => b.createdAt - a.createdAt);
  const by = new Map<string, number[]>();
  sorted.forEach((r, at) => {
    for (const term of r.terms) {
      const list = by.get(term);
      if (list) list.push(at);
      else by.set(term, [at]);
    }
  });
  const rows: PostingRow[] = [{ k: `${kind.toUpperCase()} ${segment}`, ids: sorted.map((r) => r.id) }];
  for (const [term, list] of by) rows.push({ k: `${kind} ${term} ${segment}`, at: encode(list) });
  return rows;
}

/** Segment id lists are never changed once written, so a few are kept in memory (key: db name + row key). */
const idLists = new Map<string, string[]>();
const KEEP_LISTS = 8;

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
  const out: string[] = [];
  for (const row of rows) {
    if (!row.at) continue;
    const ids = await segmentIds(table, `${kind.toUpperCase()} ${row.k.slice(row.k.lastIndexOf(' ') + 1)}`);
    for (const at of decode(row.at)) if (at < ids.length) out.push(ids[at]);
  }
  return out;
}

async function segmentIds(table: Table<PostingRow, string>, key: string): Promise<string[]> {
  const cacheKey = `${table.db.name}\u0000${key}`;
  const known = idLists.get(cacheKey);
  if (known) return known;
  const ids = (await table.get(key))?.ids ?? [];
  if (idLists.size >= KEEP_LISTS) idLists.delete(idLists.keys().next().value as string);
  idLists.set(cacheKey, ids);
  return ids;
}

/** Ascending positions as varint deltas: [0, 1, 2, 300] → 00 01 01 AA 02. */
export function encode(list: readonly number[]): Uint8Array {
  const out = new Uint8Array(list.length * 5);
  let n = 0;
  let last = 0;
  for (const x of list) {
    let d = x - last;
    last = x;
    while (d >= 0x80) {
      out[n++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    out[n++] = d;
  }
  return out.slice(0, n);
}

/** The positions `encode` wrote. */
export function decode(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let last = 0;
  for (let i = 0; i < bytes.length;) {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++];
      d += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80 && i < bytes.length);
    last += d;
    out.push(last);
  }
  return out;
}
