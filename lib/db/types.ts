/**
 * The shapes the library's repositories take and give, shared with lib/messaging. Pure types: no
 * Dexie here, so content scripts may `import type` them through the message protocol.
 */
import type { Clip, Highlight, HighlightColor, SourceRef, StoredArticle } from '../model/index.ts';

/** A highlight to save: id and timestamps are filled in when missing (kept when restoring an undo). */
export type HighlightInput = Omit<Highlight, 'id' | 'createdAt' | 'updatedAt' | 'note' | 'tags'> &
  Partial<Pick<Highlight, 'id' | 'createdAt' | 'updatedAt' | 'note' | 'tags'>>;

/** What an edit of a highlight may change. */
export type HighlightPatch = Partial<Pick<Highlight, 'color' | 'note' | 'tags' | 'selectors'>>;

/** A clip to save: id and timestamps are filled in when missing. */
export type ClipInput = Omit<Clip, 'id' | 'createdAt' | 'updatedAt' | 'note' | 'tags'> &
  Partial<Pick<Clip, 'id' | 'createdAt' | 'updatedAt' | 'note' | 'tags'>>;

/** What an edit of a clip may change. */
export type ClipPatch = Partial<Pick<Clip, 'note' | 'tags'>>;

/** Everything the library holds for one article (the popup and the page's re-anchoring read this). */
export interface ArticleItems {
  article: StoredArticle | null;
  /** Oldest first, the order they were made in. */
  highlights: Highlight[];
  clips: Clip[];
}

/** Recent clips of one article, for the popup's "recent clips across papers". */
export interface ClipGroup {
  articleKey: string;
  source: SourceRef;
  /** The article's clips among the recent ones, newest first. */
  clips: Clip[];
  /** All clips of this article in the library. */
  count: number;
  /** updatedAt of its newest clip. */
  lastAt: number;
}

/** Library filters (issue 5): all given conditions must hold. */
export interface SearchFilters {
  kinds?: Array<'clip' | 'highlight'>;
  paper?: string;
  /** Publication dates, inclusive, YYYY-MM-DD. */
  dateFrom?: string;
  dateTo?: string;
  /** Highlight colours; clips have none, so a colour filter leaves only highlights. */
  colors?: HighlightColor[];
  /** Any of these tags. */
  tags?: string[];
  articleKey?: string;
  /** Most hits returned (newest made first); default 200. */
  limit?: number;
}

/** One search hit. */
export type SearchHit = { kind: 'clip'; item: Clip } | { kind: 'highlight'; item: Highlight };

/** Hits (newest made first, cut at the limit) and how many matched in all. */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
  /**
   * Never set since schema v6 (the search index counts every match exactly); kept so the message
   * shape stays what earlier pages expect.
   */
  totalIsEstimate?: true;
}

/** What a bulk delete removed (for undo: save them again, ids and creation times kept). */
export interface DeletedItems {
  clips: Clip[];
  highlights: Highlight[];
}

/** A fetched page kept for the extension's stitcher (issue 3), keyed by URL. */
export interface CachedPage {
  url: string;
  fetchedAt: number;
  contentType: string;
  text: string;
}

/** What a restore did, per table. */
export interface RestoreReport {
  added: { articles: number; highlights: number; clips: number };
  updated: { articles: number; highlights: number; clips: number };
  /** Records already present and not older than the library's copy. */
  unchanged: number;
  /** Records left out: they fail their schema (lib/model/schemas.ts) or are dated in the future. */
  skipped: number;
  /** Why, for the first MAX_PROBLEMS of them, with paths: 「data.clips[3].note: Invalid type: …」. */
  problems: string[];
}

/** The kinds of record sync carries. Notes and tags are fields of their highlight or clip. */
export type SyncKind = 'article' | 'highlight' | 'clip';

/** The version fields every stored record carries (lib/db/README.md, "Sync contract"). */
export interface SyncMeta {
  /** Record id (an article's key). */
  id: string;
  /**
   * Hybrid logical clock stamp 「000001764876000000.00000.<device>」: wall ms (18 digits), counter
   * (5 digits), device id. Compared as strings; a device's next stamp is always above every stamp it
   * has stored or applied, so an edit made after seeing another device's edit wins however far apart
   * the two wall clocks are.
   */
  rev: string;
  /** The record's own time (a highlight's or clip's updatedAt, an article's lastSeenAt). */
  updatedAt: number;
  /** Device that made this version (the `device` of `rev`). */
  device: string;
  /** True for a tombstone: the record was deleted; `data` is absent. */
  deleted: boolean;
}

/** One record as sync sends and receives it: the model's shape in `data`, with its version. */
export type SyncRecord =
  | (SyncMeta & { kind: 'article'; deleted: false; data: StoredArticle })
  | (SyncMeta & { kind: 'highlight'; deleted: false; data: Highlight })
  | (SyncMeta & { kind: 'clip'; deleted: false; data: Clip })
  | (SyncMeta & { kind: SyncKind; deleted: true; data?: undefined });

/** What `changesSince` gives: records written after the cursor (oldest first) and the next cursor. */
export interface ChangeBatch {
  records: SyncRecord[];
  /** Pass to the next `changesSince`; equal to the argument when nothing changed. */
  cursor: number;
  /** True when `limit` cut the batch: call again with `cursor`. */
  more: boolean;
}

/** What `applyRemote` did, in one transaction. */
export interface ApplyReport {
  /** Records written or deleted here, as now stored (an article merged from both copies has a new local `rev`). */
  changed: SyncRecord[];
  /** Incoming versions not newer than the library's (or older than its tombstone): nothing written. */
  ignored: number;
  /**
   * Records both sides had in different versions: which one was kept (`kept` > `dropped`, by rev).
   * The engine shows these ("kept the later edit").
   */
  replaced: Array<{ kind: SyncKind; id: string; kept: string; dropped: string }>;
  /** Incoming records refused by their schema, with the reason 「clip 0190…: note: …」; nothing of them written. */
  invalid: string[];
}
