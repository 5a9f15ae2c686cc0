/**
 * Conversions between the model's records and database rows: rows carry derived fields (search
 * terms, paper/date for filters) that are recomputed on every write and stripped on every read, so
 * backups and messages only ever hold the model's shapes.
 */
import { mergeStoredArticles } from '../export/merge.ts';
import { bigrams } from '../text/bigrams.ts';
import type { Article, Clip, Highlight, StoredArticle } from '../model/index.ts';
import { type ArticleRow, type ClipRow, type HighlightRow, paperDateFromKey } from './schema.ts';

/** The headline block as one string, for search. */
export function titleOf(a: Pick<Article, 'leadTitle' | 'title' | 'subtitle'> | undefined): string {
  return a ? [a.leadTitle, a.title, a.subtitle].filter(Boolean).join(' ') : '';
}

/** The texts a highlight is searched in: quote, note, tags, its article's title. */
export function highlightTexts(h: Pick<HighlightRow, 'selectors' | 'note' | 'tags' | 'title'>): string[] {
  return [h.selectors?.exact ?? '', h.note ?? '', (h.tags ?? []).join(' '), h.title ?? ''];
}

/** The texts a clip is searched in: its paragraphs, note, tags, the source's headline block. */
export function clipTexts(c: Pick<Clip, 'paragraphs' | 'note' | 'tags' | 'source'>): string[] {
  return [(c.paragraphs ?? []).join('\n'), c.note ?? '', (c.tags ?? []).join(' '), titleOf(c.source)];
}

/** A highlight row: model fields plus terms (unless `indexed` is false), title, paper and date (from the article when known). */
export function highlightRow(h: Highlight, article: StoredArticle | undefined, indexed = true): HighlightRow {
  const title = titleOf(article?.article);
  const pd = article
    ? { paper: article.article.paper, date: article.article.date }
    : paperDateFromKey(h.articleKey);
  const row = { ...toHighlight(h), title, paper: pd.paper, date: pd.date, terms: [] as string[] };
  if (indexed) row.terms = bigrams(highlightTexts(row).join('\n'));
  return row;
}

/**
 * A clip row: model fields plus terms, and paper/date from its source. `indexed: false` leaves
 * `terms` empty, for restored clips, whose terms go to posting lists (postings.ts).
 */
export function clipRow(c: Clip, indexed = true): ClipRow {
  const clip = toClip(c);
  return {
    ...clip,
    paper: clip.source.paper,
    date: clip.source.date,
    terms: indexed ? bigrams(clipTexts(clip).join('\n')) : [],
  };
}

/** An article row (paper and date lifted out for indexes). */
export function articleRow(a: StoredArticle): ArticleRow {
  return { ...toStoredArticle(a), paper: a.article.paper, date: a.article.date };
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
