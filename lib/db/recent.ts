/** The popup's "recent clips across papers": the newest clips grouped by article, with counts. */
import { toClip } from './rows.ts';
import type { ClipRow, EpaperDB } from './schema.ts';
import type { ClipGroup } from './types.ts';

/** The newest `limit` clips grouped by article; each group counts all of its article's clips. */
export async function recentClips(db: EpaperDB, limit: number): Promise<ClipGroup[]> {
  return db.transaction('r', db.clips, async () => {
    const n = Math.max(0, limit);
    if (n === 0) return [];
    // Newest updatedAt first, ties by the higher id (the order of one updatedAt index read): the
    // clips whose updatedAt is not their createdAt from `edited`, the others from `createdAt`
    // (schema v7: one index entry fewer for every clip never edited).
    const [edited, made] = await Promise.all([
      db.clips.orderBy('edited').reverse().limit(n).toArray(),
      unedited(db, n),
    ]);
    const recent = [...edited, ...made].sort(newestFirst).slice(0, n);
    const groups = new Map<string, ClipGroup>();
    for (const row of recent) {
      const g = groups.get(row.articleKey);
      if (g) g.clips.push(toClip(row));
      else {
        const first = {
          articleKey: row.articleKey,
          source: row.source,
          clips: [toClip(row)],
          count: 0,
          lastAt: row.updatedAt,
        };
        groups.set(row.articleKey, first);
      }
    }
    for (const g of groups.values())
      g.count = await db.clips.where('articleKey').equals(g.articleKey).count();
    return [...groups.values()];
  });
}

/** updatedAt descending, then id descending (IndexedDB orders equal keys by primary key). */
function newestFirst(a: ClipRow, b: ClipRow): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * The newest `n` clips by createdAt among those without `edited`. One read of the newest 2n
 * (one request) holds them unless more than n of those were edited; else a filtered cursor, which
 * walks the index a request a row (the popup opens on every page: keep it one request).
 */
async function unedited(db: EpaperDB, n: number): Promise<ClipRow[]> {
  const newest = await db.clips
    .orderBy('createdAt')
    .reverse()
    .limit(2 * n)
    .toArray();
  const kept = newest.filter((r) => r.edited === undefined);
  if (kept.length >= n || newest.length < 2 * n) return kept.slice(0, n);
  return db.clips
    .orderBy('createdAt')
    .reverse()
    .filter((r) => r.edited === undefined)
    .limit(n)
    .toArray();
}
