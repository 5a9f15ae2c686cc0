/**
 * Restored clips, 20 to a row. Chromium spends ~75 µs on every row a transaction writes, whatever
 * its size (measured: 50,000 clip rows 3.7 s with no index at all, 6.0 s with the clip indexes;
 * the same clips as 2,500 rows of 20, indexes included, ~0.7 s), so a restore of 50,000 clips could
 * not stay under 5 s one row per clip. Clips saved one at a time stay rows of `clips`; a packed clip
 * that is edited or deleted leaves its pack (`unpack`), so a clip is in exactly one place.
 *
 * Why 20: reading a clip by id reads its whole pack (~4 µs a clip to deserialise), and 200 random
 * ids took 39 ms with packs of 25 against 80 ms with packs of 100; writing 2,500 rows costs ~0.2 s more
 * than 500. Packs are cut from a restore's clips newest first, so "the newest N" reads few packs.
 * Every function here runs inside the caller's transaction, which must include `packs`.
 */
import type { ClipRow, EpaperDB, PackRow } from './schema.ts';

/** Clips per pack. */
export const PACK_SIZE = 20;
/** The row holding how many clips all packs hold. */
const COUNT_KEY = '#count';

/** The pack rows of one restore's clips (`segment`: the restore's fresh id). */
export function packRows(segment: string, rows: readonly ClipRow[]): PackRow[] {
  const sorted = [...rows].sort((a, b) => b.createdAt - a.createdAt);
  const out: PackRow[] = [];
  for (let i = 0; i < sorted.length; i += PACK_SIZE) {
    out.push(packOf(packKey(segment, i), sorted.slice(i, i + PACK_SIZE)));
  }
  return out;
}

/**
 * The key of the pack holding the clip at `position` of a restore's newest-first list (the order
 * of its posting lists too, so search goes from a posting straight to the pack).
 */
export function packKey(segment: string, position: number): string {
  return `p ${segment} ${String(Math.floor(position / PACK_SIZE)).padStart(6, '0')}`;
}

/** A pack row with its index fields computed from its clips. */
function packOf(k: string, clips: ClipRow[]): PackRow {
  let created = -Infinity;
  let updated = -Infinity;
  for (const c of clips) {
    created = Math.max(created, c.createdAt);
    updated = Math.max(updated, c.updatedAt);
  }
  return {
    k,
    ids: clips.map((c) => c.id),
    articleKeys: [...new Set(clips.map((c) => c.articleKey))],
    created,
    updated,
    clips,
  };
}

/** Writes a restore's clips as packs and counts them. */
export async function addPacks(db: EpaperDB, segment: string, rows: readonly ClipRow[]): Promise<void> {
  if (rows.length === 0) return;
  await Promise.all([db.packs.bulkPut(packRows(segment, rows)), bump(db, rows.length)]);
}

async function bump(db: EpaperDB, by: number): Promise<void> {
  const row = await db.packs.get(COUNT_KEY);
  await db.packs.put({ k: COUNT_KEY, n: Math.max(0, (row?.n ?? 0) + by) });
}

/** How many clips the packs hold. */
export async function packedCount(db: EpaperDB): Promise<number> {
  return (await db.packs.get(COUNT_KEY))?.n ?? 0;
}

/** The ids of every packed clip. */
export async function packedIds(db: EpaperDB): Promise<string[]> {
  return (await db.packs.orderBy('ids').uniqueKeys()) as string[];
}

/** The packed clips among `ids`, by id. */
export async function packedGet(db: EpaperDB, ids: readonly string[]): Promise<Map<string, ClipRow>> {
  const out = new Map<string, ClipRow>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  const packs = await db.packs
    .where('ids')
    .anyOf([...wanted])
    .distinct()
    .toArray();
  for (const p of packs) for (const c of p.clips ?? []) if (wanted.has(c.id)) out.set(c.id, c);
  return out;
}

/** The packed clips of one article. */
export async function packedOfArticle(db: EpaperDB, articleKey: string): Promise<ClipRow[]> {
  const packs = await db.packs.where('articleKeys').equals(articleKey).toArray();
  return packs.flatMap((p) => (p.clips ?? []).filter((c) => c.articleKey === articleKey));
}

/** Every packed clip. */
export async function packedAll(db: EpaperDB): Promise<ClipRow[]> {
  const packs = await db.packs.where('k').startsWith('p ').toArray();
  return packs.flatMap((p) => p.clips ?? []);
}

/**
 * The newest `limit` packed clips by `by`: packs are read newest first (their `created` / `updated`
 * is the newest inside) until no unread pack can hold anything newer than the `limit`-th found.
 */
export async function packedNewest(
  db: EpaperDB,
  by: 'createdAt' | 'updatedAt',
  limit: number,
): Promise<ClipRow[]> {
  const index = by === 'createdAt' ? 'created' : 'updated';
  const found: ClipRow[] = [];
  const step = Math.max(4, Math.ceil(limit / PACK_SIZE) + 2);
  for (let offset = 0; limit > 0; offset += step) {
    const packs = await db.packs.orderBy(index).reverse().offset(offset).limit(step).toArray();
    for (const p of packs) {
      if (found.length >= limit) {
        found.sort((a, b) => b[by] - a[by]);
        found.length = limit;
        if (found[limit - 1][by] >= (p[index] ?? -Infinity)) return found;
      }
      found.push(...(p.clips ?? []));
    }
    if (packs.length < step) break;
  }
  return found.sort((a, b) => b[by] - a[by]).slice(0, Math.max(0, limit));
}

/** Takes the clips `ids` out of their packs (a pack left empty is deleted) and returns them. */
export async function unpack(db: EpaperDB, ids: readonly string[]): Promise<ClipRow[]> {
  if (ids.length === 0) return [];
  const gone = new Set(ids);
  const packs = await db.packs
    .where('ids')
    .anyOf([...gone])
    .distinct()
    .toArray();
  const taken: ClipRow[] = [];
  const keep: PackRow[] = [];
  const empty: string[] = [];
  for (const p of packs) {
    const clips = p.clips ?? [];
    const rest = clips.filter((c) => !gone.has(c.id));
    taken.push(...clips.filter((c) => gone.has(c.id)));
    if (rest.length === 0) empty.push(p.k);
    else keep.push(packOf(p.k, rest));
  }
  if (taken.length === 0) return taken;
  await Promise.all([db.packs.bulkPut(keep), db.packs.bulkDelete(empty), bump(db, -taken.length)]);
  return taken;
}
