/**
 * A quote copied with its reference, as pasted into a paper. The reference cites the page the quote
 * was printed on: a quote from the part of a story continued on page 2 (下转第2版) cites (2) and
 * that part's URL, not the front page's.
 */
import { sourceOf, type Article, type SourceRef } from '../model';
import { citeGBT7714, type CitationStyle } from './citation';

/** Quotation marks around the quote: mainland “” (GB/T 15834 for horizontal text) or corner 「」. */
export type QuoteMarks = 'mainland' | 'corner';

const MARKS: Record<QuoteMarks, [string, string]> = { mainland: ['“', '”'], corner: ['「', '」'] };

/**
 * The article's source narrowed to the part holding paragraph `paragraph` (its page and URL). A
 * plain article, or an index no part covers, keeps the article's own source.
 */
export function quoteSource(article: Article, paragraph: number): SourceRef {
  return narrowToPart(sourceOf(article), article, paragraph);
}

/**
 * quoteSource for a caller that holds `sourceOf(article)` already: an export of 50,000 clips asks
 * once per clip, and the article's source is the same for all of its clips.
 */
export function narrowToPart(source: SourceRef, article: Article, paragraph: number): SourceRef {
  if (article.parts.length < 2) return source;
  // The last part holding the paragraph: in the duplicate regime (海南日报 001 holds the whole story,
  // 002 repeats its tail after 「◀上接A01版」) the tail was printed on 002.
  const part = article.parts.filter((p) => paragraph >= p.from && paragraph < p.to).pop();
  if (!part) return source;
  return {
    ...source,
    pages: part.page ? [part.page] : source.pages,
    urls: part.url ? [part.url] : source.urls,
  };
}

/** Options of a copied quote: marks “” by default, citation punctuation 2015 by default. */
export interface QuoteOptions {
  marks?: QuoteMarks;
  style?: CitationStyle;
}

/**
 * 「“海南芯…”\n黄媛艳. 一枚“海南芯”…[N/OL]. 海南日报, 2026-07-13(2)[2026-11-29]. http://….」
 * `today` (YYYY-MM-DD) is the 引用日期; the clock is the caller's.
 */
export function quoteWithCitation(
  exact: string,
  article: Article,
  paragraph: number,
  today: string,
  opts: QuoteOptions = {},
): string {
  const [open, close] = MARKS[opts.marks ?? 'mainland'];
  const cite = citeGBT7714(quoteSource(article, paragraph), { style: opts.style ?? '2015', accessed: today });
  return `${open}${exact}${close}\n${cite}`;
}
