/**
 * The few strings the reader composes from article data: page names (「第4版」, 「A4版」), the meta
 * line (海南日报 · 2026-07-09 · 第1、6版), the seam between parts (「— 接第6版 —」) and the bylines
 * the header shows.
 */
import type { Article } from '../../model';
import { t } from './i18n';

/** A normalised page label as readers say it: "4" → 「第4版」, "A4" → 「A4版」. */
export function pageName(label: string): string {
  return /^\d+$/.test(label) ? t('pageNumbered', [label]) : t('pageLettered', [label]);
}

/** Several pages: 「第1、6版」 reads better than 「第1版、第6版」, so numbers share one 第…版. */
export function pagesName(labels: string[]): string {
  if (labels.length === 0) return '';
  if (labels.every((l) => /^\d+$/.test(l))) return t('pageNumbered', [labels.join(t('listSep'))]);
  return labels.map(pageName).join(t('listSep'));
}

/** paper · date · pages, skipping what is unknown. */
export function metaLine(a: Pick<Article, 'paper' | 'date' | 'pages'>): string {
  return [a.paper, a.date, pagesName(a.pages)].filter(Boolean).join(' · ');
}

/** The mark between two parts of a stitched article: 「— 接第6版 —」. */
export function seamText(label: string): string {
  return label ? t('seam', [pageName(label)]) : t('seamUnknown');
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * The bylines for the reader's header: those the first paragraph does not already open with. A
 * 讯/电 byline is part of the running text as printed (「本报海口7月8日讯（海南日报全媒体记者陈蔚林）7月8日，…」)
 * and stays there (highlights count in the article's text), so the header does not repeat it.
 */
export function headerBylines(a: Pick<Article, 'bylines' | 'paragraphs'>): string[] {
  const first = squash(a.paragraphs[0]?.text.slice(0, 200) ?? '');
  return a.bylines.filter((b) => squash(b) !== '' && !first.startsWith(squash(b)));
}
