/** The page cache (issue 3): fetched continuation pages keyed by URL, so stitching does not refetch. */
import type { EpaperDB } from './schema.ts';
import type { CachedPage } from './types.ts';

/** A cached page, or null when missing or older than `maxAgeMs`. */
export async function getCachedPage(
  db: EpaperDB,
  url: string,
  now: number,
  maxAgeMs?: number,
): Promise<CachedPage | null> {
  const page = await db.pages.get(url);
  if (!page) return null;
  if (maxAgeMs !== undefined && now - page.fetchedAt > maxAgeMs) return null;
  return page;
}

/** Stores (or replaces) a page. */
export async function putCachedPage(db: EpaperDB, page: CachedPage): Promise<CachedPage> {
  const row: CachedPage = {
    url: page.url,
    fetchedAt: page.fetchedAt,
    contentType: page.contentType,
    text: page.text,
  };
  await db.transaction('rw', db.pages, () => db.pages.put(row));
  return row;
}

/** Drops pages fetched before `before` (ms since epoch); returns how many. */
export async function prunePages(db: EpaperDB, before: number): Promise<number> {
  return db.transaction('rw', db.pages, () => db.pages.where('fetchedAt').below(before).delete());
}
