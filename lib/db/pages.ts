/**
 * The page cache (issue 3): fetched continuation and layout pages keyed by URL, so stitching and the
 * issue scan do not refetch. Bounded (docs/storage.md): an entry over `MAX_PAGE_CHARS` is refused,
 * and every write first drops the least recently used pages until the cache fits `MAX_CACHE_CHARS`,
 * in the same transaction, so a page full of links cannot fill the storage quota that clips need.
 */
import { LIMITS } from '../model/schemas.ts';
import type { Table } from 'dexie';
import type { EpaperDB, PageRow } from './schema.ts';
import type { CachedPage } from './types.ts';

/**
 * Longest page text cached, in characters (`String.length`): far above any real page, so no
 * e-paper page is refused, while one entry stays a small share of the total (docs/storage.md).
 */
export const MAX_PAGE_CHARS = LIMITS.pageText;

/**
 * Most characters all cached pages hold together (at most 32 MB stored as UTF-16): several big
 * issues, and a small share of the quota clips need; past it the least recently used go first.
 */
export const MAX_CACHE_CHARS = 16_000_000;

/** A read that hits refreshes `usedAt` only when it is older than this: most reads stay reads. */
export const TOUCH_AFTER_MS = 60_000;

/** A page over `MAX_PAGE_CHARS`: not e-paper, and not worth its share of the quota. */
export class PageTooLargeError extends Error {
  constructor(size: number) {
    super(
      `This page is too large to cache (${size} characters, at most ${MAX_PAGE_CHARS}); nothing was saved.`,
    );
    this.name = 'PageTooLargeError';
  }
}

/** The message shape of a row (derived `usedAt` and `size` stripped). */
function pageOf(row: PageRow): CachedPage {
  return { url: row.url, fetchedAt: row.fetchedAt, contentType: row.contentType, text: row.text };
}

/** A cached page, or null when missing or older than `maxAgeMs`; a hit refreshes its `usedAt`. */
export async function getCachedPage(
  db: EpaperDB,
  url: string,
  now: number,
  maxAgeMs?: number,
): Promise<CachedPage | null> {
  const row = await db.pages.get(url);
  if (!row) return null;
  if (maxAgeMs !== undefined && now - row.fetchedAt > maxAgeMs) return null;
  if (!(now - row.usedAt < TOUCH_AFTER_MS)) {
    // Best effort: a page evicted meanwhile updates nothing, and a failed touch still answers the read.
    await db.pages.update(url, { usedAt: now }).catch(() => 0);
  }
  return pageOf(row);
}

/**
 * Stores (or replaces) a page, used now: refuses a text over `MAX_PAGE_CHARS` (nothing written),
 * and drops least recently used pages until the new one fits `MAX_CACHE_CHARS`, all in one
 * transaction.
 */
export async function putCachedPage(db: EpaperDB, page: CachedPage, now: number): Promise<CachedPage> {
  const size = page.text.length;
  if (size > MAX_PAGE_CHARS) throw new PageTooLargeError(size);
  const row: PageRow = { ...pageOf(page as PageRow), usedAt: now, size };
  await db.transaction('rw', db.pages, async () => {
    await evictPages(db.pages, size, page.url);
    await db.pages.put(row);
  });
  return pageOf(row);
}

/**
 * Inside a read-write transaction on `pages`: drops the least recently used pages until they and
 * `incoming` more characters fit `MAX_CACHE_CHARS`. `replacing` is the URL about to be overwritten
 * (its old text does not count). Reads index keys only. Returns how many pages were dropped.
 */
export async function evictPages(
  pages: Table<PageRow, string>,
  incoming: number,
  replacing?: string,
): Promise<number> {
  const entries: Array<{ url: string; size: number }> = [];
  let total = incoming;
  await pages.orderBy('[usedAt+size]').eachKey((key, cursor) => {
    if (cursor.primaryKey === replacing) return;
    const size = (key as [number, number])[1];
    entries.push({ url: cursor.primaryKey, size });
    total += size;
  });
  const drop: string[] = [];
  for (const e of entries) {
    if (total <= MAX_CACHE_CHARS) break;
    drop.push(e.url);
    total -= e.size;
  }
  if (drop.length) await pages.bulkDelete(drop);
  return drop.length;
}

/** Drops pages fetched before `before` (ms since epoch); returns how many. */
export async function prunePages(db: EpaperDB, before: number): Promise<number> {
  return db.transaction('rw', db.pages, () => db.pages.where('fetchedAt').below(before).delete());
}
