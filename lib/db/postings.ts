/**
 * The search index of restored records, as posting lists. Chromium writes a multi-entry index
 * entry in ~8 µs, so 50,000 restored clips × ~94 `terms` took ~40 s; the same terms as one posting
 * list per term (~25,000 rows) take well under 2 s. Records saved one at a time keep `*terms` (~94
 * entries ≈ 1 ms, no rewrite of a long list), so a term's candidates are its `*terms` entries plus
 * its posting lists; the substring check decides either way, which also rejects ids of records
 * deleted or edited after the restore.
 *
 * One restore is one segment: a row 「C <segment>」 lists its clip ids newest first (and their
 * createdAt, so candidates are ordered without reading rows); the row 「c 返 <segment>」 holds every
 * term starting with 返 (返贫, 返乡…) and, for each, positions in that list as varint deltas, all in
 * one Uint8Array (one memcpy to store, ~1.5 bytes a position instead of a 20-byte id string).
 */
import type { Table } from 'dexie';
import { type SearchToken, visitTermKeys } from '../text/bigrams.ts';
import { packKey } from './packs.ts';
import type { PostingRow } from './schema.ts';

/** Which table a posting list belongs to: c clips, h highlights. */
export type PostingKind = 'c' | 'h';

/** Posting rows for the records `{ id, terms, createdAt }` of one restore (`segment`: a fresh id). */
export function postingRows(
  kind: PostingKind,
  segment: string,
  records: ReadonlyArray<{ id: string; terms: readonly string[]; createdAt: number }>,
): PostingRow[] {
  if (records.length === 0) return []; // a restore that changed nothing adds no segment
  const sorted = [...records].sort((a, b) => b.createdAt - a.createdAt);
  const by = new Map<string, number[]>();
  sorted.forEach((r, at) => {
    for (const term of r.terms) {
      const list = by.get(term);
      if (list) list.push(at);
      else by.set(term, [at]);
    }
  });
  return encodeRows(kind, segment, sorted, by);
}

/**
 * Posting rows straight from the records' texts (what a restore uses): no per-record term list
 * and no string per occurrence. Maps keyed by small integers (visitTermKeys) and a position appended only
 * when it is not already the list's last took 50,000 clips from ~1.5 s (bigrams per clip, then
 * postingRows) to a fraction of it in Node. Records are listed newest first, as in `postingRows`.
 */
export function postingRowsOfTexts(
  kind: PostingKind,
  segment: string,
  records: ReadonlyArray<{ id: string; texts: readonly string[]; createdAt: number }>,
): PostingRow[] {
  if (records.length === 0) return [];
  const sorted = [...records].sort((a, b) => b.createdAt - a.createdAt);
  // Bigrams by first character, then second (0: the character alone), all small-integer keys.
  const pairs = new Map<number, Map<number, number[]>>();
  const others = new Map<string, number[]>();
  let at = 0;
  const addPair = (hi: number, lo: number): void => {
    let seconds = pairs.get(hi);
    if (!seconds) pairs.set(hi, (seconds = new Map()));
    const list = seconds.get(lo);
    if (!list) seconds.set(lo, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  const addOther = (term: string): void => {
    const list = others.get(term);
    if (!list) others.set(term, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  for (; at < sorted.length; at++)
    for (const text of sorted[at].texts) visitTermKeys(text, addPair, addOther);
  const by = new Map<string, number[]>(others);
  for (const [hi, seconds] of pairs)
    for (const [lo, list] of seconds)
      by.set(lo ? String.fromCharCode(hi, lo) : String.fromCharCode(hi), list);
  return encodeRows(kind, segment, sorted, by);
}

/** The segment row and one row per first character, from each term's ascending positions. */
function encodeRows(
  kind: PostingKind,
  segment: string,
  sorted: ReadonlyArray<{ id: string; createdAt: number }>,
  by: Map<string, number[]>,
): PostingRow[] {
  const rows: PostingRow[] = [
    {
      k: `${kind.toUpperCase()} ${segment}`,
      ids: sorted.map((r) => r.id),
      // Creation times beside the ids: search orders candidates newest first without reading rows.
      ts: Float64Array.from(sorted, (r) => r.createdAt),
    },
  ];
  // One row per first character (~4,000 rows instead of ~25,000: Chromium spends ~100 µs a row).
  const groups = new Map<string, string[]>();
  for (const term of by.keys()) {
    const first = String.fromCodePoint(term.codePointAt(0) as number);
    const g = groups.get(first);
    if (g) g.push(term);
    else groups.set(first, [term]);
  }
  for (const [first, terms] of groups) {
    const lists = terms.map((t) => encode(by.get(t) as number[]));
    const at = new Uint8Array(lists.reduce((n, l) => n + l.length, 0));
    const ends = new Uint32Array(lists.length);
    let n = 0;
    lists.forEach((l, i) => {
      at.set(l, n);
      n += l.length;
      ends[i] = n;
    });
    rows.push({ k: `${kind} ${first} ${segment}`, terms, at, ends });
  }
  return rows;
}

/** Segment id lists are never changed once written, so a few are kept in memory (key: db name + row key). */
const segments = new Map<string, Segment>();
const KEEP_SEGMENTS = 8;

interface Segment {
  ids: string[];
  ts: Float64Array;
}

/**
 * Records listed for a token in every segment, and in `packs` (when given) the key of the pack each
 * one was restored into (a clip edited or deleted since is no longer there; readers fall back) (「返贫」 exactly, 「贫」 or 「cov」 as a prefix of
 * terms), as id → createdAt.
 */
export async function postingIds(
  table: Table<PostingRow, string>,
  kind: PostingKind,
  { token, prefix }: SearchToken,
  packs?: Map<string, string>,
): Promise<Map<string, number>> {
  const first = String.fromCodePoint(token.codePointAt(0) as number);
  const rows = await table.where('k').startsWith(`${kind} ${first} `).toArray();
  const out = new Map<string, number>();
  for (const row of rows) {
    const { terms, at, ends } = row;
    if (!terms || !at || !ends) continue;
    const name = row.k.slice(row.k.lastIndexOf(' ') + 1);
    const seg = await segment(table, `${kind.toUpperCase()} ${name}`);
    terms.forEach((term, i) => {
      if (prefix ? !term.startsWith(token) : term !== token) return;
      for (const x of decode(at.subarray(i === 0 ? 0 : ends[i - 1], ends[i]))) {
        if (x >= seg.ids.length) continue;
        out.set(seg.ids[x], seg.ts[x] ?? NaN);
        packs?.set(seg.ids[x], packKey(name, x));
      }
    });
  }
  return out;
}

async function segment(table: Table<PostingRow, string>, key: string): Promise<Segment> {
  const cacheKey = `${table.db.name}\u0000${key}`;
  const known = segments.get(cacheKey);
  if (known) return known;
  const row = await table.get(key);
  const seg = { ids: row?.ids ?? [], ts: row?.ts ?? new Float64Array(0) };
  if (segments.size >= KEEP_SEGMENTS) segments.delete(segments.keys().next().value as string);
  segments.set(cacheKey, seg);
  return seg;
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
