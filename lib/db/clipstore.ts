/**
 * Clips live in two places: rows of `clips` (saved one at a time) and packs (restored, packs.ts).
 * Everything that reads or removes clips goes through here, so no caller has to know which; each
 * function runs inside the caller's transaction, which must include `clips` and `packs`.
 */
import {
  packedAll,
  packedCount,
  packedGet,
  packedIds,
  packedNewest,
  packedOfArticle,
  unpack,
} from './packs.ts';
import type { ClipRow, EpaperDB } from './schema.ts';

/**
 * The clips `ids` in that order (undefined where none). `hints` (id → pack key, from the posting
 * lists) read those packs by key first: one request per pack instead of one index step per id
 * (50,000 packed clips: 136 ms to first search results through the index).
 */
export async function getClipRows(
  db: EpaperDB,
  ids: readonly string[],
  hints?: ReadonlyMap<string, string>,
): Promise<Array<ClipRow | undefined>> {
  if (hints && hints.size > 0) return getHinted(db, ids, hints);
  const rows = await db.clips.bulkGet([...ids]);
  const missing = ids.filter((_, i) => rows[i] === undefined);
  if (missing.length === 0) return rows;
  const packed = await packedGet(db, missing);
  return rows.map((r, i) => r ?? packed.get(ids[i]));
}

async function getHinted(
  db: EpaperDB,
  ids: readonly string[],
  hints: ReadonlyMap<string, string>,
): Promise<Array<ClipRow | undefined>> {
  const keys = [...new Set(ids.map((id) => hints.get(id)).filter((k) => k !== undefined))];
  const found = new Map<string, ClipRow>();
  for (const pack of await db.packs.bulkGet(keys)) for (const c of pack?.clips ?? []) found.set(c.id, c);
  // Not in its pack: saved one at a time, edited since the restore, or deleted.
  const rest = ids.filter((id) => !found.has(id));
  const others = await getClipRows(db, rest);
  rest.forEach((id, i) => {
    const r = others[i];
    if (r) found.set(id, r);
  });
  return ids.map((id) => found.get(id));
}

/** One article's clips, oldest first. */
export async function clipsOfArticle(db: EpaperDB, articleKey: string): Promise<ClipRow[]> {
  const [rows, packed] = await Promise.all([
    db.clips.where('articleKey').equals(articleKey).toArray(),
    packedOfArticle(db, articleKey),
  ]);
  return [...rows, ...packed].sort((a, b) => a.createdAt - b.createdAt);
}

/** How many clips one article has. */
export async function countOfArticle(db: EpaperDB, articleKey: string): Promise<number> {
  const [rows, packed] = await Promise.all([
    db.clips.where('articleKey').equals(articleKey).count(),
    packedOfArticle(db, articleKey),
  ]);
  return rows + packed.length;
}

/** Every clip. */
export async function allClipRows(db: EpaperDB): Promise<ClipRow[]> {
  const [rows, packed] = await Promise.all([db.clips.toArray(), packedAll(db)]);
  return rows.length === 0 ? packed : [...rows, ...packed];
}

/** How many clips there are. */
export async function clipCount(db: EpaperDB): Promise<number> {
  const [rows, packed] = await Promise.all([db.clips.count(), packedCount(db)]);
  return rows + packed;
}

/** The id of every clip. */
export async function allClipIds(db: EpaperDB): Promise<Set<string>> {
  const [rows, packed] = await Promise.all([db.clips.toCollection().primaryKeys(), packedIds(db)]);
  return new Set([...rows, ...packed]);
}

/** The newest `limit` clips by createdAt or updatedAt, newest first. */
export async function newestClipRows(
  db: EpaperDB,
  by: 'createdAt' | 'updatedAt',
  limit: number,
): Promise<ClipRow[]> {
  const n = Math.max(0, limit);
  const [rows, packed] = await Promise.all([
    db.clips.orderBy(by).reverse().limit(n).toArray(),
    packedNewest(db, by, n),
  ]);
  if (packed.length === 0) return rows;
  return [...rows, ...packed].sort((a, b) => b[by] - a[by]).slice(0, n);
}

/** Removes the clips `ids` wherever they are and returns those that were there. */
export async function takeClipRows(db: EpaperDB, ids: readonly string[]): Promise<ClipRow[]> {
  const rows = (await db.clips.bulkGet([...ids])).filter((r) => r !== undefined);
  const inRows = new Set(rows.map((r) => r.id));
  const [, packed] = await Promise.all([
    db.clips.bulkDelete([...inRows]),
    unpack(
      db,
      ids.filter((id) => !inRows.has(id)),
    ),
  ]);
  return [...rows, ...packed];
}
