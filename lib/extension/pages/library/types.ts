/**
 * Shapes the popup and the library page share: one list row (a clip or a highlight with its
 * article's source), the list query (search + filters + sort + view), and the filter choices.
 */
import type { SearchFilters, SearchHit } from '../../../db/types.ts';
import type { SourceRef } from '../../../model/index.ts';

/** How the library list is ordered: by when the item was made (read), or by the paper's date. */
export type SortBy = 'read' | 'published';

/** One clip or highlight with its article's source (clips carry one; highlights take the article's). */
export type LibraryItem = SearchHit & { source: SourceRef };

/** One article of the library with how many clips and highlights it has. */
export interface ArticleSummary {
  key: string;
  source: SourceRef;
  clips: number;
  highlights: number;
  /** createdAt of its newest item. */
  lastAt: number;
}

/** What the list shows: a search (`query` may be '') with filters, sorted, as items or as articles. */
export interface ListQuery {
  query: string;
  filters: Omit<SearchFilters, 'limit'>;
  sort: SortBy;
  view: 'items' | 'articles';
}

/** The whole ordered answer to a ListQuery, kept in memory; the list renders only visible rows. */
export interface ListResult {
  items: LibraryItem[];
  articles: ArticleSummary[];
  /** How many items match in all (more than `items.length` in a first, partial answer). */
  total: number;
  /** False for the quick first answer (the newest matches only); the full list follows. */
  complete: boolean;
  /** Search time in ms (library search + ordering), for the bench. */
  ms: number;
}

/** Choices for the filter controls, with counts, read from the whole library. */
export interface Facets {
  papers: Array<{ value: string; count: number }>;
  tags: Array<{ value: string; count: number }>;
  /** Earliest and latest publication dates ('' when the library is empty). */
  firstDate: string;
  lastDate: string;
  items: number;
}

/** A stable string for a ListQuery, used as the cache key. */
export function queryKey(q: ListQuery): string {
  return JSON.stringify([q.query.trim(), q.sort, q.view, q.filters]);
}

/** The row key of an item ('c:' clips, 'h:' highlights: ids of the two tables may not be disjoint). */
export function itemKey(hit: SearchHit): string {
  return (hit.kind === 'clip' ? 'c:' : 'h:') + hit.item.id;
}
