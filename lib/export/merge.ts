/**
 * Restore = merge a backup into the library without duplicates: articles by key (URLs unioned, the
 * most recently seen copy's text kept), highlights and clips by id (the newer `updatedAt` wins; a tie
 * keeps what is there). Merging the same backup twice changes nothing the second time.
 */
import type { Clip, Highlight, LibraryData, StoredArticle } from '../model';
import { LIMITS } from '../model/schemas';

/** Counts per kind of record. */
export interface MergeCounts {
  articles: number;
  highlights: number;
  clips: number;
}

/** What a merge did: new records added, existing ones replaced by newer, incoming ones not needed. */
export interface MergeResult {
  merged: LibraryData;
  added: MergeCounts;
  updated: MergeCounts;
  skipped: MergeCounts;
}

/** a, then what b adds, at most LIMITS.urls (what the article schema accepts, so a merge stays storable). */
function union(a: readonly string[], b: readonly string[]): string[] {
  const out = a.slice(0, LIMITS.urls);
  const seen = new Set(a);
  for (const x of b) {
    if (out.length >= LIMITS.urls) break;
    if (!seen.has(x)) {
      seen.add(x);
      out.push(x);
    }
  }
  return out;
}

/**
 * The one rule for two copies of one article (this merge, lib/db's restore and its saves): text
 * from the copy seen last (a tie keeps `old`, the library's), every URL either knew, the widest
 * time span.
 */
export function mergeStoredArticles(old: StoredArticle | undefined, inc: StoredArticle): StoredArticle {
  if (!old) return inc;
  const newer = inc.lastSeenAt > old.lastSeenAt ? inc : old;
  return {
    key: old.key,
    article: { ...newer.article, urls: union(old.article.urls ?? [], inc.article.urls ?? []) },
    urls: union(old.urls ?? [], inc.urls ?? []),
    firstSeenAt: Math.min(old.firstSeenAt, inc.firstSeenAt),
    lastSeenAt: Math.max(old.lastSeenAt, inc.lastSeenAt),
  };
}

/** `mergeStoredArticles`, or null when the incoming copy would change nothing. */
function mergeArticle(old: StoredArticle, inc: StoredArticle): StoredArticle | null {
  const oldUrls = new Set(old.urls);
  const oldArticleUrls = new Set(old.article.urls);
  const changes =
    inc.lastSeenAt > old.lastSeenAt ||
    inc.firstSeenAt < old.firstSeenAt ||
    inc.urls.some((u) => !oldUrls.has(u)) ||
    inc.article.urls.some((u) => !oldArticleUrls.has(u));
  return changes ? mergeStoredArticles(old, inc) : null;
}

function mergeById<T extends Highlight | Clip>(
  existing: readonly T[],
  incoming: readonly T[],
  counts: { added: MergeCounts; updated: MergeCounts; skipped: MergeCounts },
  kind: 'highlights' | 'clips',
): T[] {
  const out = [...existing];
  const index = new Map<string, number>();
  out.forEach((x, i) => index.set(x.id, i));
  for (const x of incoming) {
    const i = index.get(x.id);
    if (i === undefined) {
      index.set(x.id, out.length);
      out.push(x);
      counts.added[kind]++;
    } else if (x.updatedAt > out[i].updatedAt) {
      out[i] = x;
      counts.updated[kind]++;
    } else {
      counts.skipped[kind]++;
    }
  }
  return out;
}

/** Merge `incoming` into `existing`; neither input is changed. Never throws. */
export function mergeLibrary(existing: LibraryData, incoming: LibraryData): MergeResult {
  const zero = (): MergeCounts => ({ articles: 0, highlights: 0, clips: 0 });
  const counts = { added: zero(), updated: zero(), skipped: zero() };
  const articles = [...existing.articles];
  const index = new Map<string, number>();
  articles.forEach((a, i) => index.set(a.key, i));
  for (const a of incoming.articles) {
    const i = index.get(a.key);
    if (i === undefined) {
      index.set(a.key, articles.length);
      articles.push(a);
      counts.added.articles++;
      continue;
    }
    const merged = mergeArticle(articles[i], a);
    if (merged) {
      articles[i] = merged;
      counts.updated.articles++;
    } else counts.skipped.articles++;
  }
  const highlights = mergeById(existing.highlights, incoming.highlights, counts, 'highlights');
  const clips = mergeById(existing.clips, incoming.clips, counts, 'clips');
  return { merged: { articles, highlights, clips }, ...counts };
}
