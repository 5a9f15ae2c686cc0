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
 *   4: `packs`, restored clips stored 20 to a row (packs.ts until v6): Chromium spends ~75 µs per row written
 *      whatever its size, so 50,000 restored clip rows alone took ~6 s; 2,500 packs take ~0.7 s.
 *      Nothing to convert: clips of earlier restores stay rows.
 *   5: `pages` rows carry `usedAt` (last read or written) and `size` (text length), indexed together
 *      as `[usedAt+size]`, so a write can keep the cache under its total cap by dropping the least
 *      recently used pages, reading only index keys (pages.ts). The upgrade fills both and applies
 *      the caps: an issue scan of an earlier release could cache hundreds of MB.
 *   6: one row per record, with its version for sync (`rev`, a hybrid logical clock stamp;
 *      `device`; `seq`, the local write order, indexed as the change feed), deletes leave a row in
 *      `tombstones`, and one search index, exact, kept in memory (search-index.ts) instead of
 *      `*terms` and posting lists; `packs` are unpacked into rows and `postings` dropped
 *      (migrate.ts). Filters are answered by that index, so the paper/date/colour indexes go.
 *   7: fewer index entries per restored row (Chromium writes each one in the browser process, ~0.5 s
 *      per 50,000): a clip's `updatedAt` is indexed only when it is not its `createdAt`, as
 *      `edited` (recent.ts reads both indexes); the unused `updatedAt` of highlights and
 *      `lastSeenAt` of articles go. The upgrade fills `edited` (migrate.ts); no record changes.
 */
import { keyPublication } from '../model/article-key.ts';
import { Dexie, type Table } from 'dexie';
import type { Clip, Highlight, StoredArticle } from '../model/index.ts';
import type { CachedPage, SyncKind } from './types.ts';
import { upgradeToV2, upgradeToV5, upgradeToV6, upgradeToV7 } from './migrate.ts';

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

/** Index specs of version 6 (only what changed; `null` drops a table). */
export const SCHEMA_V6 = {
  // `seq`: the change feed (changesSince, and the search index catching up with other tabs' writes);
  // `articleKey` / `createdAt` / `updatedAt`: the popup and the library's first screen, read
  // before the search index exists. Every index costs Chromium ~0.5 s per 50,000 restored rows.
  articles: 'key, *urls, lastSeenAt, seq',
  highlights: 'id, articleKey, createdAt, updatedAt, seq',
  clips: 'id, articleKey, createdAt, updatedAt, seq',
  tombstones: 'k, seq',
  meta: 'k',
  postings: null,
  packs: null,
} as const;

/** Index specs of version 7 (only what changed). */
export const SCHEMA_V7 = {
  // `edited`: a clip's updatedAt when it is not its createdAt, else absent (no entry): the popup's
  // newest clips are the newest `createdAt` among the others and the newest `edited`.
  // A restore of clips never edited writes three index entries a row instead of four.
  articles: 'key, *urls, seq',
  highlights: 'id, articleKey, createdAt, seq',
  clips: 'id, articleKey, createdAt, edited, seq',
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
 * A row of `packs` (versions 4–5; lib/db/packs.ts until v6 unpacked them): up to 20 clips of one restore, newest first, under the key
 * 「p <segment> <n>」 (n zero-padded), or the counter row 「#count」 whose `n` is how many clips all
 * packs hold (so the library's total needs no read of every pack).
 */
export interface PackRow {
  k: string;
  ids?: string[];
  articleKeys?: string[];
  created?: number;
  updated?: number;
  clips?: ClipRowV1[];
  n?: number;
}

/**
 * A row of the restored records' search index (versions 3–5; lib/db/postings.ts until v6), key `k`:
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

/** An article row of versions 1–5: the stored article plus its paper and date lifted out for indexes. */
export interface ArticleRowV1 extends StoredArticle {
  paper: string;
  date: string;
}

/** The version fields every row carries since version 6 (lib/db/README.md, "Sync contract"). */
export interface Versioned {
  /** Hybrid logical clock stamp of this version (clock.ts). */
  rev: string;
  /** The device that made this version. */
  device: string;
  /** Local write order: the change feed's cursor. */
  seq: number;
}

/** An article row since version 6. */
export interface ArticleRow extends ArticleRowV1, Versioned {}

/** A highlight row as version 1 stored it: search terms and the article title for the substring check. */
export interface HighlightRowV1 extends Highlight {
  terms: string[];
  title: string;
}

/** A highlight row of versions 2–5: also the article's paper and publication date. */
export interface HighlightRowV2 extends HighlightRowV1 {
  paper: string;
  date: string;
}

/** A highlight row since version 6: no `terms` (search-index.ts), versioned. */
export interface HighlightRow extends Omit<HighlightRowV2, 'terms'>, Versioned {}

/** A clip row of versions 1–5: paper/date lifted from its source for filters, and search terms. */
export interface ClipRowV1 extends Clip {
  paper: string;
  date: string;
  terms: string[];
}

/** A clip row of version 6: the clip and its version (filters read the search index). */
export interface ClipRowV6 extends Clip, Versioned {}

/** A clip row since version 7: `edited` is `updatedAt` when it is not `createdAt`, else absent. */
export interface ClipRow extends ClipRowV6 {
  edited?: number;
}

/** What a deleted record leaves (version 6): hidden from every read, sent by sync. */
export interface TombstoneRow extends Versioned {
  /** 「clip <id>」, 「highlight <id>」, 「article <key>」. */
  k: string;
  kind: SyncKind;
  id: string;
  /** When it was deleted (the library's clock). */
  updatedAt: number;
}

/**
 * The library's own state (version 6): row 「clock」 holds the device id, the HLC and the last seq,
 * and how many clips and highlights there are (counts.ts). The counts came after version 6 shipped
 * without a version of their own: a row without them is counted once (`count()`) and completed.
 */
export interface MetaRow {
  k: 'clock';
  device: string;
  t: number;
  c: number;
  seq: number;
  /** Clip rows in the library (every write that adds or removes one keeps it exact). */
  clips?: number;
  /** Highlight rows in the library. */
  highlights?: number;
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
  tombstones!: Table<TombstoneRow, string>;
  meta!: Table<MetaRow, string>;

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
    // v6: one versioned row per record, tombstones, packs unpacked, the in-memory search index.
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
    // v7: fewer index entries a row (`edited` for clips edited after they were made).
    this.version(7).stores(SCHEMA_V7).upgrade(upgradeToV7);
  }
}

/** Paper and date from an article key of the form paper|date|page|order ('' when it is a site id). */
export function paperDateFromKey(key: string): { paper: string; date: string } {
  const { paper, date } = keyPublication(key);
  return { paper, date };
}
