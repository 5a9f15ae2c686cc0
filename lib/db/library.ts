/**
 * The library's repositories over the Dexie database. Every call returns `Result` (never throws) and
 * every write is one transaction, so a quota error or a closed database leaves nothing half-written.
 * Every record is checked with its schema (lib/model/schemas.ts) before it is written, the same
 * schemas restore uses, so whatever is stored can be backed up and restored.
 * Ids are random and time-ordered (UUIDv7, ids.ts); timestamps come from an injected clock.
 */
import type * as v from 'valibot';
import { futureProblem, type BackupData } from '../export/validate.ts';
import type { Article, Clip, Highlight, LibraryData, Result, StoredArticle } from '../model/index.ts';
import {
  check,
  clipPatchSchema,
  clipSchema,
  highlightPatchSchema,
  highlightSchema,
  storedArticleSchema,
} from '../model/schemas.ts';
import { dumpAll, restore } from './backup.ts';
import { clipsOfArticle, getClipRows, takeClipRows } from './clipstore.ts';
import { InvalidRecordError, NotFoundError, guard } from './errors.ts';
import { uuidv7 } from './ids.ts';
import { getCachedPage, prunePages, putCachedPage } from './pages.ts';
import {
  articleRow,
  clipRow,
  highlightRow,
  mergeArticles,
  toClip,
  toHighlight,
  toStoredArticle,
} from './rows.ts';
import { type DbOptions, EpaperDB } from './schema.ts';
import { recentClips } from './recent.ts';
import { search } from './search.ts';
import type {
  ArticleItems,
  CachedPage,
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

/** Repositories for articles, highlights, clips, search, backup and the page cache. */
export class Library {
  private readonly clock: () => number;
  private readonly newId: () => string;

  constructor(
    private readonly db: EpaperDB,
    deps: LibraryDeps = {},
  ) {
    this.clock = deps.clock ?? (() => Date.now());
    this.newId = deps.newId ?? (() => uuidv7(this.clock()));
  }

  /** Keeps an article's parsed text, adding `url` to the URLs it was seen under. */
  saveArticle(article: Article, url?: string): Promise<Result<StoredArticle>> {
    return guard(() => this.db.transaction('rw', this.db.articles, () => this.putArticle(article, url)));
  }

  /** The stored article seen under `url`, or null. */
  findArticleByUrl(url: string): Promise<Result<StoredArticle | null>> {
    return guard(async () => {
      const row = await this.db.articles.where('urls').equals(url).first();
      return row ? toStoredArticle(row) : null;
    });
  }

  /** Saves a highlight (and its article, when given, in the same transaction). */
  saveHighlight(input: HighlightInput, article?: Article): Promise<Result<Highlight>> {
    return guard(() =>
      this.db.transaction('rw', this.db.articles, this.db.highlights, async () => {
        // An invalid highlight throws here, after its article: the transaction then writes neither.
        const stored = article ? await this.putArticle(article) : undefined;
        const h = this.record('highlight', highlightSchema, input, this.clock());
        await this.db.highlights.put(highlightRow(h, stored ?? (await this.db.articles.get(h.articleKey))));
        return toHighlight(h);
      }),
    );
  }

  /** Changes a highlight's colour, note, tags or selectors. */
  updateHighlight(id: string, patch: HighlightPatch): Promise<Result<Highlight>> {
    return guard(async () => {
      const p = valid(highlightPatchSchema, patch, 'The highlight was not changed');
      return this.db.transaction('rw', this.db.articles, this.db.highlights, async () => {
        const old = await this.db.highlights.get(id);
        if (!old) throw new NotFoundError('Highlight', id);
        const h = valid(
          highlightSchema,
          { ...toHighlight(old), ...pick(p), updatedAt: this.clock() },
          'The highlight was not changed',
        );
        await this.db.highlights.put(highlightRow(h, await this.db.articles.get(h.articleKey)));
        return toHighlight(h);
      });
    });
  }

  /** Deletes a highlight and returns it, so the caller can offer undo (saveHighlight(returned)). */
  deleteHighlight(id: string): Promise<Result<Highlight>> {
    return guard(() =>
      this.db.transaction('rw', this.db.highlights, async () => {
        const old = await this.db.highlights.get(id);
        if (!old) throw new NotFoundError('Highlight', id);
        await this.db.highlights.delete(id);
        return toHighlight(old);
      }),
    );
  }

  /** Saves a clip (and its article, when given, in the same transaction). */
  saveClip(input: ClipInput, article?: Article): Promise<Result<Clip>> {
    return guard(() =>
      this.db.transaction('rw', this.db.articles, this.db.clips, this.db.packs, async () => {
        if (article) await this.putArticle(article);
        const c = this.record('clip', clipSchema, input, this.clock());
        // A clip saved again under its id (an undo) must not stay in a restore's pack as well.
        if ((input as Partial<Clip> | null)?.id !== undefined) await takeClipRows(this.db, [c.id]);
        await this.db.clips.put(clipRow(c));
        return toClip(c);
      }),
    );
  }

  /** Changes a clip's note or tags. */
  updateClip(id: string, patch: ClipPatch): Promise<Result<Clip>> {
    return guard(async () => {
      const p = valid(clipPatchSchema, patch, 'The clip was not changed');
      return this.db.transaction('rw', this.db.clips, this.db.packs, async () => {
        // Taken out of wherever it is (a row or a restore's pack) and written back as a row.
        const [old] = await takeClipRows(this.db, [id]);
        if (!old) throw new NotFoundError('Clip', id);
        const c = valid(
          clipSchema,
          { ...toClip(old), ...pick(p), updatedAt: this.clock() },
          'The clip was not changed',
        );
        await this.db.clips.put(clipRow(c));
        return toClip(c);
      });
    });
  }

  /** Deletes a clip and returns it for undo. */
  deleteClip(id: string): Promise<Result<Clip>> {
    return guard(() =>
      this.db.transaction('rw', this.db.clips, this.db.packs, async () => {
        const [old] = await takeClipRows(this.db, [id]);
        if (!old) throw new NotFoundError('Clip', id);
        return toClip(old);
      }),
    );
  }

  /**
   * Deletes many clips and highlights in one transaction (all or nothing) and returns them for undo;
   * ids not in the library are passed over.
   */
  deleteMany(ids: { clips?: string[]; highlights?: string[] }): Promise<Result<DeletedItems>> {
    return guard(() =>
      this.db.transaction('rw', this.db.clips, this.db.packs, this.db.highlights, async () => {
        const [clips, highlights] = await Promise.all([
          takeClipRows(this.db, ids.clips ?? []),
          this.db.highlights.bulkGet(ids.highlights ?? []),
        ]);
        const gone = {
          clips: clips.map(toClip),
          highlights: highlights.filter((h) => h !== undefined).map(toHighlight),
        };
        await this.db.highlights.bulkDelete(gone.highlights.map((h) => h.id));
        return gone;
      }),
    );
  }

  /**
   * Undo of a bulk delete: saves the deleted records again (ids and creation times kept, as
   * saveClip / saveHighlight would) in one transaction. Every record is checked first: one that
   * fails its schema refuses the whole undo, with its position, and nothing is written.
   */
  restoreDeleted(items: DeletedItems): Promise<Result<{ clips: number; highlights: number }>> {
    return guard(async () => {
      const now = this.clock();
      const list = <T>(xs: T[] | undefined): T[] => (Array.isArray(xs) ? xs : []);
      const clips = list(items?.clips).map((c, i) =>
        this.record('clip', clipSchema, c, now, `Nothing was put back: clips[${i}]`),
      );
      const highlights = list(items?.highlights).map((h, i) =>
        this.record('highlight', highlightSchema, h, now, `Nothing was put back: highlights[${i}]`),
      );
      return this.db.transaction(
        'rw',
        [this.db.articles, this.db.highlights, this.db.clips, this.db.packs],
        async () => {
          const keys = [...new Set(highlights.map((h) => h.articleKey))];
          const articles = new Map<string, StoredArticle>();
          for (const a of await this.db.articles.bulkGet(keys)) if (a) articles.set(a.key, a);
          // Clips as saveClip writes them: out of any pack, then rows with their `*terms`.
          await takeClipRows(
            this.db,
            clips.map((c) => c.id),
          );
          await Promise.all([
            this.db.clips.bulkPut(clips.map((c) => clipRow(c))),
            this.db.highlights.bulkPut(highlights.map((h) => highlightRow(h, articles.get(h.articleKey)))),
          ]);
          return { clips: clips.length, highlights: highlights.length };
        },
      );
    });
  }

  /** The stored article, its highlights and its clips (oldest first). */
  listForArticle(articleKey: string): Promise<Result<ArticleItems>> {
    return guard(() =>
      this.db.transaction(
        'r',
        [this.db.articles, this.db.highlights, this.db.clips, this.db.packs],
        async () => {
          const [article, highlights, clips] = await Promise.all([
            this.db.articles.get(articleKey),
            this.db.highlights.where('articleKey').equals(articleKey).sortBy('createdAt'),
            clipsOfArticle(this.db, articleKey),
          ]);
          return {
            article: article ? toStoredArticle(article) : null,
            highlights: highlights.map(toHighlight),
            clips: clips.map(toClip),
          };
        },
      ),
    );
  }

  /** The newest `limit` clips grouped by article (groups ordered by their newest clip). */
  recentClips(limit: number): Promise<Result<ClipGroup[]>> {
    return guard(() => recentClips(this.db, limit));
  }

  /** Search across quotes, notes, tags and titles (bigram index + substring check), with filters. */
  search(query: string, filters: SearchFilters = {}): Promise<Result<SearchResult>> {
    return guard(() => search(this.db, query, filters));
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
    return guard(() => restore(this.db, data, this.newId(), this.clock()));
  }

  /** A cached fetched page, or null; `maxAgeMs` ignores older copies. */
  getCachedPage(url: string, maxAgeMs?: number): Promise<Result<CachedPage | null>> {
    return guard(() => getCachedPage(this.db, url, this.clock(), maxAgeMs));
  }

  /**
   * Caches a fetched page (fetchedAt defaults to now); a page over the entry cap is an error and
   * writes nothing, and least recently used pages make room under the total cap (pages.ts).
   */
  putCachedPage(page: Omit<CachedPage, 'fetchedAt'> & { fetchedAt?: number }): Promise<Result<CachedPage>> {
    return guard(() => {
      const now = this.clock();
      return putCachedPage(this.db, { ...page, fetchedAt: page.fetchedAt ?? now }, now);
    });
  }

  /** One highlight by id, or null (the background checks whose article it is before an edit). */
  getHighlight(id: string): Promise<Result<Highlight | null>> {
    return guard(async () => {
      const row = await this.db.highlights.get(id);
      return row ? toHighlight(row) : null;
    });
  }

  /** One clip by id (a row or in a restore's pack), or null. */
  getClip(id: string): Promise<Result<Clip | null>> {
    return guard(async () => {
      const [row] = await getClipRows(this.db, [id]);
      return row ? toClip(row) : null;
    });
  }

  /** The stored article under `key`, or null. */
  getArticle(key: string): Promise<Result<StoredArticle | null>> {
    return guard(async () => {
      const row = await this.db.articles.get(key);
      return row ? toStoredArticle(row) : null;
    });
  }

  /** Keys of the articles seen under any of `urls` (a stitched article lists every part's URL). */
  articleKeysByUrls(urls: string[]): Promise<Result<string[]>> {
    return guard(async () =>
      urls.length ? (await this.db.articles.where('urls').anyOf(urls).primaryKeys()).map(String) : [],
    );
  }

  /** Every stored article (the library page's facets and export read them all). */
  allArticles(): Promise<Result<StoredArticle[]>> {
    return guard(async () => (await this.db.articles.toArray()).map(toStoredArticle));
  }

  /** The stored articles under `keys`, in order; null where none is stored. */
  getArticles(keys: string[]): Promise<Result<Array<StoredArticle | null>>> {
    return guard(async () =>
      (await this.db.articles.bulkGet(keys)).map((r) => (r ? toStoredArticle(r) : null)),
    );
  }

  /** Drops cached pages fetched before `before` (ms since epoch); returns how many. */
  prunePages(before: number): Promise<Result<number>> {
    return guard(() => prunePages(this.db, before));
  }

  /** Closes the connection (further calls report a closed database). */
  close(): void {
    this.db.close();
  }

  /**
   * A record to write: `input` with id, note, tags and times filled in as a save fills them
   * (createdAt kept, updatedAt now), checked with `schema` (unknown fields dropped) and for a
   * creation time from the future; an InvalidRecordError naming the field otherwise.
   */
  private record<S extends typeof highlightSchema | typeof clipSchema>(
    what: 'highlight' | 'clip',
    schema: S,
    input: unknown,
    now: number,
    refusal = `The ${what} was not saved`,
  ): v.InferOutput<S> {
    const i = (input && typeof input === 'object' ? input : {}) as Partial<Highlight & Clip>;
    const r = valid(
      schema,
      {
        ...i,
        id: i.id ?? this.newId(),
        note: i.note ?? '',
        tags: i.tags ?? [],
        createdAt: i.createdAt ?? now,
        updatedAt: now,
      },
      refusal,
    );
    const future = futureProblem(r, ['createdAt'], now);
    if (future) throw new InvalidRecordError(`${refusal}: ${future}`);
    return r;
  }

  /** Upserts an article inside the caller's transaction; the stored article is checked first. */
  private async putArticle(article: Article, url?: string): Promise<StoredArticle> {
    const now = this.clock();
    const a = (article && typeof article === 'object' ? article : {}) as Partial<Article>;
    const urls = [...new Set([...(Array.isArray(a.urls) ? a.urls : []), ...(url ? [url] : [])])];
    const next = valid(
      storedArticleSchema,
      { key: a.key, article, urls, firstSeenAt: now, lastSeenAt: now },
      'The article was not saved',
    );
    const old = await this.db.articles.get(next.key);
    const merged = old
      ? valid(storedArticleSchema, mergeArticles(old, next), 'The article was not saved')
      : next;
    await this.db.articles.put(articleRow(merged));
    return merged;
  }
}

/** `value` checked with `schema` (unknown fields dropped), or an InvalidRecordError naming the field. */
function valid<S extends v.GenericSchema>(schema: S, value: unknown, refusal: string): v.InferOutput<S> {
  const r = check(schema, value);
  if (!r.ok) throw new InvalidRecordError(`${refusal}: ${r.error}`);
  return r.value;
}

/** Only the fields a patch may set (a message could carry more). */
function pick<T extends object>(patch: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of ['color', 'note', 'tags', 'selectors'] as Array<keyof T>) {
    if (patch[k] !== undefined) out[k] = patch[k];
  }
  return out;
}

/**
 * The Dexie database under a Library, for tests and the store benchmark, which look at rows
 * directly (or make a write fail). Everything else goes through the Library's methods (each a Result, each a
 * transaction); this is not exported from lib/db/index.ts.
 */
export function libraryDb(library: Library): EpaperDB {
  return (library as unknown as { db: EpaperDB }).db;
}
