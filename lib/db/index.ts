/**
 * The library database: Dexie schema with versions, repositories, search, backup, page cache.
 * Extension origin only (background and extension pages); content scripts use lib/messaging.
 */
export { openLibrary, Library, type LibraryDeps } from './library.ts';
export {
  EpaperDB,
  DB_NAME,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  type PageRow,
  type PageRowV1,
  type PackRow,
  type PostingRow,
  type ArticleRow,
  type ArticleRowV1,
  type ClipRow,
  type ClipRowV1,
  type ClipRowV6,
  type HighlightRow,
  type HighlightRowV1,
  type HighlightRowV2,
  type TombstoneRow,
  type MetaRow,
  type Versioned,
  type DbOptions,
} from './schema.ts';
export { storageMessage } from './errors.ts';
export { requestPersistence, type NavigatorLike } from './persist.ts';
export { prunePages, MAX_PAGE_CHARS, MAX_CACHE_CHARS, TOUCH_AFTER_MS } from './pages.ts';
export type * from './types.ts';
