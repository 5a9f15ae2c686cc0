/**
 * The library: one object over the Dexie database whose methods are the repositories
 * (articles.ts, highlights.ts, clips.ts, items.ts, recent.ts, search.ts, backup.ts, restore.ts, pages.ts,
 * changes.ts, apply.ts). Every call returns `Result` (never throws) and every write is one transaction, so a
 * quota error or a closed database leaves nothing half-written. Every record is checked with its
 * schema (lib/model/schemas.ts) before it is written, the same schemas restore and sync use.
 * Ids are random and time-ordered (UUIDv7, ids.ts); timestamps come from an injected clock.
 */
import type { BackupData } from '../export/validate.ts';
import type { Article, Clip, Highlight, LibraryData, Result, StoredArticle } from '../model/index.ts';
import * as articles from './articles.ts';
import { dumpAll } from './backup.ts';
import { applyRemote } from './apply.ts';
import { changesSince, deviceId } from './changes.ts';
import * as clips from './clips.ts';
import { guard } from './errors.ts';
import * as highlights from './highlights.ts';
import { uuidv7 } from './ids.ts';
import * as items from './items.ts';
import { getCachedPage, prunePages, putCachedPage } from './pages.ts';
import type { Ctx } from './records.ts';
import { recentClips } from './recent.ts';
import { restore } from './restore.ts';
import { type DbOptions, EpaperDB } from './schema.ts';
import { search } from './search.ts';
import { SearchIndexes } from './search-sync.ts';
import type {
  ApplyReport,
  ArticleItems,
  CachedPage,
  ChangeBatch,
  ClipGroup,
  ClipInput,
  ClipPatch,
  DeletedItems,
  HighlightInput,
  HighlightPatch,
  RestoreReport,
  SearchFilters,
  SearchResult,
} from './types.ts';

/** What the library needs from the world: a clock and an id source (tests inject both). */
export interface LibraryDeps {
  clock?: () => number;
  newId?: () => string;
}

/** Opens the library (lazily: the database opens on the first call). */
export function openLibrary(opts: { name?: string } & DbOptions & LibraryDeps = {}): Library {
  return new Library(new EpaperDB(opts.name, opts), opts);
}

/** Repositories for articles, highlights, clips, search, backup, sync and the page cache. */
export class Library {
  private readonly ctx: Ctx;
  private readonly indexes = new SearchIndexes();

  constructor(
    private readonly db: EpaperDB,
    deps: LibraryDeps = {},
  ) {
    const clock = deps.clock ?? (() => Date.now());
    this.ctx = { db, clock, newId: deps.newId ?? (() => uuidv7(clock())) };
  }

  /** Keeps an article's parsed text, adding `url` to the URLs it was seen under. */
  saveArticle(article: Article, url?: string): Promise<Result<StoredArticle>> {
    return guard(() => articles.saveArticle(this.ctx, article, url));
  }

  /** The stored article seen under `url`, or null. */
  findArticleByUrl(url: string): Promise<Result<StoredArticle | null>> {
    return guard(() => articles.findArticleByUrl(this.ctx, url));
  }

  /** Saves a highlight (and its article, when given, in the same transaction). */
  saveHighlight(input: HighlightInput, article?: Article): Promise<Result<Highlight>> {
    return guard(() => highlights.saveHighlight(this.ctx, input, article));
  }

  /** Changes a highlight's colour, note, tags or selectors. */
  updateHighlight(id: string, patch: HighlightPatch): Promise<Result<Highlight>> {
    return guard(() => highlights.updateHighlight(this.ctx, id, patch));
  }

  /** Deletes a highlight and returns it, so the caller can offer undo (saveHighlight(returned)). */
  deleteHighlight(id: string): Promise<Result<Highlight>> {
    return guard(() => highlights.deleteHighlight(this.ctx, id));
  }

  /** Saves a clip (and its article, when given, in the same transaction). */
  saveClip(input: ClipInput, article?: Article): Promise<Result<Clip>> {
    return guard(() => clips.saveClip(this.ctx, input, article));
  }

  /** Changes a clip's note or tags. */
  updateClip(id: string, patch: ClipPatch): Promise<Result<Clip>> {
    return guard(() => clips.updateClip(this.ctx, id, patch));
  }

  /** Deletes a clip and returns it for undo. */
  deleteClip(id: string): Promise<Result<Clip>> {
    return guard(() => clips.deleteClip(this.ctx, id));
  }

  /** Deletes many clips and highlights in one transaction (all or nothing) and returns them for undo. */
  deleteMany(ids: { clips?: string[]; highlights?: string[] }): Promise<Result<DeletedItems>> {
    return guard(() => items.deleteMany(this.ctx, ids));
  }

  /** Undo of a bulk delete, in one transaction; one invalid record refuses the whole undo. */
  restoreDeleted(deleted: DeletedItems): Promise<Result<{ clips: number; highlights: number }>> {
    return guard(() => items.restoreDeleted(this.ctx, deleted));
  }

  /** The stored article, its highlights and its clips (oldest first). */
  listForArticle(articleKey: string): Promise<Result<ArticleItems>> {
    return guard(() => items.listForArticle(this.ctx, articleKey));
  }

  /** The newest `limit` clips grouped by article (groups ordered by their newest clip). */
  recentClips(limit: number): Promise<Result<ClipGroup[]>> {
    return guard(() => recentClips(this.db, limit));
  }

  /** Search across quotes, notes, tags and titles (exact: search-index.ts), with filters. */
  search(query: string, filters: SearchFilters = {}): Promise<Result<SearchResult>> {
    return guard(() => search(this.db, this.indexes, query, filters));
  }

  /** Everything in the library, in the model's shapes (for backup files). */
  dumpAll(): Promise<Result<LibraryData>> {
    return guard(() => dumpAll(this.db));
  }

  /**
   * Merges a backup into the library in one transaction: no duplicates, newer records win. Each
   * record is checked with its schema first (and refused when dated more than a day after this
   * library's clock); bad ones are skipped and reported (`skipped`, `problems`), the rest restored.
   */
  restore(data: LibraryData | BackupData): Promise<Result<RestoreReport>> {
    return guard(() => restore(this.db, data, this.ctx.clock()));
  }

  /** This library's device id, for sync (made once, kept in the database). */
  deviceId(): Promise<Result<string>> {
    return guard(() => deviceId(this.ctx));
  }

  /** Records written after `cursor`, tombstones included, for sync (lib/db/README.md). */
  changesSince(cursor: number, limit?: number): Promise<Result<ChangeBatch>> {
    return guard(() => changesSince(this.ctx, cursor, limit));
  }

  /** Merges other devices' records by version in one transaction (lib/db/README.md). */
  applyRemote(records: unknown[]): Promise<Result<ApplyReport>> {
    return guard(() => applyRemote(this.ctx, records));
  }

  /** A cached fetched page, or null; `maxAgeMs` ignores older copies. */
  getCachedPage(url: string, maxAgeMs?: number): Promise<Result<CachedPage | null>> {
    return guard(() => getCachedPage(this.db, url, this.ctx.clock(), maxAgeMs));
  }

  /**
   * Caches a fetched page (fetchedAt defaults to now); a page over the entry cap is an error and
   * writes nothing, and least recently used pages make room under the total cap (pages.ts).
   */
  putCachedPage(page: Omit<CachedPage, 'fetchedAt'> & { fetchedAt?: number }): Promise<Result<CachedPage>> {
    return guard(() => {
      const now = this.ctx.clock();
      return putCachedPage(this.db, { ...page, fetchedAt: page.fetchedAt ?? now }, now);
    });
  }

  /** One highlight by id, or null (the background checks whose article it is before an edit). */
  getHighlight(id: string): Promise<Result<Highlight | null>> {
    return guard(() => highlights.getHighlight(this.ctx, id));
  }

  /** One clip by id, or null. */
  getClip(id: string): Promise<Result<Clip | null>> {
    return guard(() => clips.getClip(this.ctx, id));
  }

  /** The stored article under `key`, or null. */
  getArticle(key: string): Promise<Result<StoredArticle | null>> {
    return guard(async () => (await articles.getArticles(this.ctx, [key]))[0]);
  }

  /** Keys of the articles seen under any of `urls` (a stitched article lists every part's URL). */
  articleKeysByUrls(urls: string[]): Promise<Result<string[]>> {
    return guard(() => articles.articleKeysByUrls(this.ctx, urls));
  }

  /** Every stored article (the library page's facets and export read them all). */
  allArticles(): Promise<Result<StoredArticle[]>> {
    return guard(() => articles.allArticles(this.ctx));
  }

  /** The stored articles under `keys`, in order; null where none is stored. */
  getArticles(keys: string[]): Promise<Result<Array<StoredArticle | null>>> {
    return guard(() => articles.getArticles(this.ctx, keys));
  }

  /** Drops cached pages fetched before `before` (ms since epoch); returns how many. */
  prunePages(before: number): Promise<Result<number>> {
    return guard(() => prunePages(this.db, before));
  }

  /** Closes the connection (further calls report a closed database). */
  close(): void {
    this.indexes.drop();
    this.db.close();
  }
}

/**
 * The Dexie database under a Library, for tests and the store benchmark, which look at rows
 * directly (or make a write fail). Everything else goes through the Library's methods (each a
 * Result, each a transaction); this is not exported from lib/db/index.ts.
 */
export function libraryDb(library: Library): EpaperDB {
  return (library as unknown as { db: EpaperDB }).db;
}
