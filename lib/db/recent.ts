/** The popup's "recent clips across papers": the newest clips grouped by article, with counts. */
import { toClip } from './rows.ts';
import type { EpaperDB } from './schema.ts';
import type { ClipGroup } from './types.ts';

/** The newest `limit` clips grouped by article; each group counts all of its article's clips. */
export async function recentClips(db: EpaperDB, limit: number): Promise<ClipGroup[]> {
  return db.transaction('r', db.clips, async () => {
    const recent = await db.clips.orderBy('updatedAt').reverse().limit(Math.max(0, limit)).toArray();
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
