/**
 * Conversions between the model's records and database rows: rows carry their version (`rev`,
 * `device`, `seq`) and derived fields (a highlight's article title, paper and date, for search and
 * filters), recomputed on every write and stripped on every read, so backups and messages only
 * ever hold the model's shapes.
 */
import { mergeStoredArticles } from '../export/merge.ts';
import type { Article, Clip, Highlight, StoredArticle } from '../model/index.ts';
import {
  type ArticleRow,
  type ClipRow,
  type HighlightRow,
  type Versioned,
  paperDateFromKey,
} from './schema.ts';

/** The headline block as one string, for search. */
export function titleOf(a: Pick<Article, 'leadTitle' | 'title' | 'subtitle'> | undefined): string {
  return a ? [a.leadTitle, a.title, a.subtitle].filter(Boolean).join(' ') : '';
}

/**
 * The texts a highlight is searched in: quote, note, tags, its article's title. Each string as the
 * row holds it, none joined: a query part never spans two (parts hold no spaces), and the search
 * index then keeps references to the row's strings instead of copies (~20 MB for 50,000 clips).
 */
export function highlightTexts(h: Pick<HighlightRow, 'selectors' | 'note' | 'tags' | 'title'>): string[] {
  return [h.selectors?.exact ?? '', h.note ?? '', ...(h.tags ?? []), h.title ?? ''];
}

/** The texts a clip is searched in: its paragraphs, note, tags, the source's headline block. */
export function clipTexts(c: Pick<Clip, 'paragraphs' | 'note' | 'tags' | 'source'>): string[] {
  const s = c.source;
  return [
    ...(c.paragraphs ?? []),
    c.note ?? '',
    ...(c.tags ?? []),
    s?.leadTitle ?? '',
    s?.title ?? '',
    s?.subtitle ?? '',
  ];
}

/** A highlight row: model fields, its version, and title, paper and date (from the article when known). */
export function highlightRow(h: Highlight, article: StoredArticle | undefined, v: Versioned): HighlightRow {
  const title = titleOf(article?.article);
  const pd = article
    ? { paper: article.article.paper, date: article.article.date }
    : paperDateFromKey(h.articleKey);
  return {
    ...toHighlight(h),
    title,
    paper: pd.paper,
    date: pd.date,
    rev: v.rev,
    device: v.device,
    seq: v.seq,
  };
}

/**
 * A clip row: model fields, its version, and `edited` when its updatedAt is not its createdAt (the
 * index of recent edits, schema v7). One object: a restore builds 50,000 of them.
 */
export function clipRow(c: Clip, v: Versioned): ClipRow {
  // toClip's own object, versioned in place: no second copy of every clip.
  const row: ClipRow = Object.assign(toClip(c), { rev: v.rev, device: v.device, seq: v.seq });
  if (c.updatedAt !== c.createdAt) row.edited = c.updatedAt;
  return row;
}

/** An article row (paper and date kept beside it, as earlier versions did) and its version. */
export function articleRow(a: StoredArticle, v: Versioned): ArticleRow {
  const s = toStoredArticle(a);
  return { ...s, paper: a.article.paper, date: a.article.date, rev: v.rev, device: v.device, seq: v.seq };
}

/** The model's Highlight, without derived fields. */
export function toHighlight(r: Highlight): Highlight {
  return {
    id: r.id,
    articleKey: r.articleKey,
    color: r.color,
    selectors: r.selectors,
    note: r.note ?? '',
    tags: r.tags ?? [],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The model's Clip, without derived fields. */
export function toClip(r: Clip): Clip {
  return {
    id: r.id,
    articleKey: r.articleKey,
    paragraphs: r.paragraphs,
    paragraphIndexes: r.paragraphIndexes,
    note: r.note ?? '',
    tags: r.tags ?? [],
    source: r.source,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The model's StoredArticle, without derived fields. */
export function toStoredArticle(r: StoredArticle): StoredArticle {
  return {
    key: r.key,
    article: r.article,
    urls: r.urls,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
  };
}

/** Merges two records of the same article: the one rule of lib/export/merge.ts (a tie keeps `old`). */
export const mergeArticles = mergeStoredArticles;
