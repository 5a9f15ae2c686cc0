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
   * Set when a query matched so many index candidates that only the newest were checked: `total`
   * then counts the unchecked candidates too (an upper bound; bigram false positives are rare).
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
