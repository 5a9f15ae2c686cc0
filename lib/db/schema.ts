/**
 * The library database (Dexie 4), opened only in the extension's origin (background and extension
 * pages): IndexedDB opened by a content script would belong to the newspaper's site.
 *
 * Versions (each keeps its row type; never edit a shipped version, add one):
 *   1: articles, highlights, clips (with `*terms` bigram search indexes), pages (fetch cache).
 *   2: highlights gain `paper` and `date` (derived from their article) so the library can filter
 *      highlights by paper and date range like clips; the upgrade fills them.
 *   3: `postings`, the search index of restored records as posting lists (one row per table, term
 *      and restore), because 50,000 clips × ~97 multi-entry `terms` took Chromium ~40 s to write;
 *      rows written by a restore keep `terms: []`; the unused `*tags` indexes are dropped. Nothing to
 *      convert: v2 rows keep their `*terms`, which search still reads (docs/storage.md).
 *   4: `packs`, restored clips stored 20 to a row (packs.ts): Chromium spends ~75 µs per row written
 *      whatever its size, so 50,000 restored clip rows alone took ~6 s; 2,500 packs take ~0.7 s.
 *      Nothing to convert: clips of earlier restores stay rows.
 *   5: `pages` rows carry `usedAt` (last read or written) and `size` (text length), indexed together
 *      as `[usedAt+size]`, so a write can keep the cache under its total cap by dropping the least
 *      recently used pages, reading only index keys (pages.ts). The upgrade fills both and applies
 *      the caps: an issue scan of an earlier release could cache hundreds of MB.
 */
import { keyPublication } from '../model/article-key.ts';
import { Dexie, type Table, type Transaction } from 'dexie';
import type { Clip, Highlight, StoredArticle } from '../model/index.ts';
import type { CachedPage } from './types.ts';
import { MAX_PAGE_CHARS, evictPages } from './pages.ts';

/** IndexedDB name in the extension origin. */
export const DB_NAME = 'epaper-reader';

/** Index specs of version 1. */
export const SCHEMA_V1 = {
  articles: 'key, *urls, paper, date, lastSeenAt',
  highlights: 'id, articleKey, color, createdAt, updatedAt, *tags, *terms',
  clips: 'id, articleKey, createdAt, updatedAt, *tags, paper, date, *terms',
  pages: 'url, fetchedAt',
} as const;

/** Index specs of version 2 (only what changed). */
export const SCHEMA_V2 = {
  highlights: 'id, articleKey, color, createdAt, updatedAt, *tags, *terms, paper, date',
} as const;

/** Index specs of version 3 (only what changed). */
export const SCHEMA_V3 = {
  postings: 'k',
  // `*tags` dropped: nothing reads it (the tag filter is checked on the rows) and every index costs
  // Chromium ~0.5 s per 50,000 restored rows.
  highlights: 'id, articleKey, color, createdAt, updatedAt, *terms, paper, date',
  clips: 'id, articleKey, createdAt, updatedAt, paper, date, *terms',
} as const;

/** Index specs of version 4 (only what changed). */
export const SCHEMA_V4 = {
  // `*ids`: find a packed clip by id (edit, delete, search candidates); `*articleKeys`: an article's
  // clips; `created` / `updated`: the newest createdAt / updatedAt inside, for "newest first" reads.
  packs: 'k, *ids, *articleKeys, created, updated',
} as const;

/** Index specs of version 5 (only what changed). */
export const SCHEMA_V5 = {
  // `[usedAt+size]`: the least recently used pages first, with their sizes, from index keys alone
  // (summing `size` over the rows would read every page's text on every write).
  pages: 'url, fetchedAt, [usedAt+size]',
} as const;

/** A page cache row as versions 1–4 stored it (the message shape). */
export type PageRowV1 = CachedPage;

/** A page cache row since version 5: also when it was last read or written and its text's length. */
export interface PageRow extends PageRowV1 {
  /** Last write, or last read that hit (reads refresh it at most once a minute). */
  usedAt: number;
  /** `text.length`: what the cache's caps count. */
  size: number;
}

/**
 * A row of `packs` (lib/db/packs.ts): up to 20 clips of one restore, newest first, under the key
 * 「p <segment> <n>」 (n zero-padded), or the counter row 「#count」 whose `n` is how many clips all
 * packs hold (so the library's total needs no read of every pack).
 */
export interface PackRow {
  k: string;
  ids?: string[];
  articleKeys?: string[];
  created?: number;
  updated?: number;
  clips?: ClipRow[];
  n?: number;
}

/**
 * A row of the restored records' search index (lib/db/postings.ts), key `k`:
 * - 「C <segment>」 / 「H <segment>」: `ids`, the clip / highlight ids of one restore, newest first,
 *   and `ts`, their createdAt;
 * - 「c 返 <segment>」 (table letter, first character, segment, space separated): `terms`, every term
 *   starting with 返 (返贫, 返乡…), and `at`, for each term the positions of its records in the id
 *   list as varint deltas, term i's bytes ending at `ends[i]`. One key range reads a first
 *   character in every segment. Ids of rows deleted or edited later stay (the substring check
 *   rejects them).
 */
export interface PostingRow {
  k: string;
  ids?: string[];
  /** createdAt of each id (segment rows). */
  ts?: Float64Array;
  terms?: string[];
  at?: Uint8Array;
  ends?: Uint32Array;
}

/** An article row: the stored article plus its paper and date lifted out for indexes. */
export interface ArticleRow extends StoredArticle {
  paper: string;
  date: string;
}

/** A highlight row as version 1 stored it: search terms and the article title for the substring check. */
export interface HighlightRowV1 extends Highlight {
  terms: string[];
  title: string;
}

/** A highlight row since version 2: also the article's paper and publication date. */
export interface HighlightRow extends HighlightRowV1 {
  paper: string;
  date: string;
}

/** A clip row: paper/date lifted from its source for filters, and search terms. */
export interface ClipRow extends Clip {
  paper: string;
  date: string;
  terms: string[];
}

/** Where Dexie finds IndexedDB: the browser's by default, fake-indexeddb in tests. */
export interface DbOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** The Dexie database with every version declared. */
export class EpaperDB extends Dexie {
  articles!: Table<ArticleRow, string>;
  highlights!: Table<HighlightRow, string>;
  clips!: Table<ClipRow, string>;
  pages!: Table<PageRow, string>;
  postings!: Table<PostingRow, string>;
  packs!: Table<PackRow, string>;

  constructor(name: string = DB_NAME, opts: DbOptions = {}) {
    super(name, opts.indexedDB ? { indexedDB: opts.indexedDB, IDBKeyRange: opts.IDBKeyRange } : undefined);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    // v3 adds the postings table and drops `*tags`; rows of v2 keep their `*terms` (search reads both).
    this.version(3).stores(SCHEMA_V3);
    // v4 adds `packs` for restored clips; clip rows of earlier restores stay where they are.
    this.version(4).stores(SCHEMA_V4);
    // v5: pages gain `usedAt` and `size` for the cache's caps (least recently used out first).
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
  }
}

/** Paper and date from an article key of the form paper|date|page|order ('' when it is a site id). */
export function paperDateFromKey(key: string): { paper: string; date: string } {
  const { paper, date } = keyPublication(key);
  return { paper, date };
}

/** v1 → v2: give every highlight its article's paper and date (from the stored article, else the key). */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const known = new Map<string, { paper: string; date: string }>();
  await tx
    .table('articles')
    .each((a: ArticleRow) =>
      known.set(a.key, { paper: a.article?.paper ?? '', date: a.article?.date ?? '' }),
    );
  await tx
    .table('highlights')
    .toCollection()
    .modify((h: HighlightRowV1 & Partial<HighlightRow>) => {
      const from = known.get(h.articleKey) ?? paperDateFromKey(h.articleKey);
      h.paper = from.paper;
      h.date = from.date;
    });
}

/** v4 → v5: give every cached page its `usedAt` (its fetch time) and `size`, then apply the caps. */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const pages = tx.table<PageRow, string>('pages');
  await pages.toCollection().modify((p: PageRowV1 & Partial<PageRow>, ctx) => {
    const size = typeof p.text === 'string' ? p.text.length : 0;
    // An entry over the cap (up to 8 MB could be cached before) is dropped, as a put would refuse it.
    if (size > MAX_PAGE_CHARS) return void delete (ctx as { value?: unknown }).value;
    p.usedAt = p.fetchedAt;
    p.size = size;
  });
  await evictPages(pages, 0);
}
