/**
 * Search candidates: the records whose terms hold every token of a query, from the `*terms` index
 * (records saved one at a time) and the posting lists (restored records, postings.ts), as
 * id → createdAt (NaN when only the row knows it), and the newest matches among them.
 */
import type { Table } from 'dexie';
import type { SearchToken } from '../text/bigrams.ts';
import { type PostingKind, postingIds } from './postings.ts';
import type { EpaperDB } from './schema.ts';

/** Candidates of a query: id → createdAt (NaN for records saved one at a time). */
export interface Found {
  ids: Map<string, number>;
  /**
   * Set when `cap` cut a token's `*terms` entries: records saved one at a time are candidates only
   * from this id up (UUIDv7: the newest), older ones were not all read.
   */
  below?: string;
}

/**
 * Ids holding every token (sets intersected smallest first), with createdAt where known; `packs`
 * collects where restored clips were packed (postings.ts). `cap`: read only the newest `cap`
 * `*terms` entries of an exact token: the newest hits of 「科技创新」 are among the newest entries
 * of 科技 (17,096 entries in 50,000 clips), and reading all of the three bigrams' entries took 85 ms
 * of fake-indexeddb's time.
 */
export async function candidates<R>(
  db: EpaperDB,
  table: Table<R, string>,
  kind: PostingKind,
  tokens: SearchToken[],
  packs?: Map<string, string>,
  cap?: number,
): Promise<Found> {
  const all = await Promise.all(tokens.map((t) => tokenIds(db, table, kind, t, packs, cap)));
  // A cut token is left out when another was read whole: the candidates are then a superset over
  // all time (the substring check decides), as for 「海南自由贸易港」, whose 海南 is cut but 贸易
  // is not. Only when every token was cut is the intersection limited to above the highest cut.
  const whole = all.filter((r) => r.below === undefined);
  const read = whole.length > 0 ? whole : all;
  const below = read.reduce<string | undefined>(
    (hi, r) => (r.below !== undefined && (hi === undefined || r.below > hi) ? r.below : hi),
    undefined,
  );
  const sets = read.map((r) => r.ids).sort((a, b) => a.size - b.size);
  let ids = sets[0];
  for (const set of sets.slice(1)) {
    if (ids.size === 0) break;
    const next = new Map<string, number>();
    for (const [id, ts] of ids)
      if (set.has(id)) next.set(id, Number.isNaN(ts) ? (set.get(id) as number) : ts);
    ids = next;
  }
  if (below !== undefined) for (const [id, ts] of ids) if (Number.isNaN(ts) && id < below) ids.delete(id);
  return below === undefined ? { ids } : { ids, below };
}

/** Ids whose `*terms` entries or posting lists hold one token (an exact bigram, or a prefix). */
async function tokenIds<R>(
  db: EpaperDB,
  table: Table<R, string>,
  kind: PostingKind,
  t: SearchToken,
  packs?: Map<string, string>,
  cap?: number,
): Promise<Found> {
  // A prefix token's entries are ordered by term first, so only an exact token's can be cut.
  const cut = cap !== undefined && !t.prefix;
  const index = t.prefix ? table.where('terms').startsWith(t.token) : table.where('terms').equals(t.token);
  const [own, listed] = await Promise.all([
    cut
      ? index
          .reverse()
          .limit(cap + 1)
          .primaryKeys()
      : index.primaryKeys(),
    postingIds(db.postings, kind, t, packs),
  ]);
  let below: string | undefined;
  if (cut && own.length > cap) {
    own.length = cap;
    below = own[cap - 1];
  }
  // A record edited after a restore has fresh `*terms` and an old posting: its createdAt is kept.
  for (const id of own) if (!listed.has(id)) listed.set(id, NaN);
  return below === undefined ? { ids: listed } : { ids: listed, below };
}

/**
 * The newest `limit` rows passing `keep` among candidates whose createdAt is known: read newest
 * first, a little over what is still missing at a time. `unchecked` counts the candidates never read.
 */
export async function newestKnown<R>(
  get: (ids: string[]) => Promise<Array<R | undefined>>,
  known: Array<[string, number]>,
  keep: (r: R | undefined) => r is R,
  limit: number,
): Promise<{ rows: R[]; unchecked: number }> {
  known.sort((a, b) => b[1] - a[1]);
  const rows: R[] = [];
  let i = 0;
  while (i < known.length && rows.length < limit) {
    const part = known.slice(i, i + Math.max(50, Math.ceil((limit - rows.length) * 1.1)));
    i += part.length;
    rows.push(...(await get(part.map(([id]) => id))).filter(keep));
  }
  return { rows, unchecked: known.length - i };
}
