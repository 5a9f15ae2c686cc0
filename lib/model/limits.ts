/**
 * The limits on stored text and lists, and the cut the readers make where pages are read. Apart
 * from the schemas (schemas.ts, valibot) so the content script, which reads pages, does not carry
 * the validation library.
 */
import type { Article } from './index.ts';

/** Limits on stored text and lists (characters / entries). */
export const LIMITS = {
  /** One paragraph: real ones are under 3,000 characters. */
  paragraph: 50_000,
  /** Paragraphs of one article (a stitched four-page story has ~150). */
  paragraphs: 2_000,
  /** Titles, page labels, paper names, bylines, captions. */
  line: 2_000,
  /** Bylines, pages, images, parts of one article. */
  short: 200,
  /** URLs of one article or source (every part's URL). */
  urls: 200,
  url: 4_096,
  /** Ids and article keys (UUIDv7 is 36; keys are host/id or paper|date|page|order). */
  key: 1_000,
  /** A highlighted quote (it may span the whole article). */
  quote: 200_000,
  /** Selector context before/after a quote (32 are kept). */
  context: 1_000,
  /** A note the reader types. */
  note: 100_000,
  tags: 100,
  tag: 200,
  /** A cached page's text: real pages are ~100 KB of HTML (lib/db/pages.ts keeps the same cap). */
  pageText: 1_000_000,
} as const;

/** Cut an article to LIMITS where a page is read, so an odd page is kept cut rather than refused. */
export function capArticle(a: Article): Article {
  const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
  const lines = (xs: string[], n = LIMITS.short) => xs.slice(0, n).map((s) => cut(s, LIMITS.line));
  return {
    ...a,
    paper: cut(a.paper, LIMITS.line),
    date: cut(a.date, LIMITS.line),
    leadTitle: cut(a.leadTitle, LIMITS.line),
    title: cut(a.title, LIMITS.line),
    subtitle: cut(a.subtitle, LIMITS.line),
    pages: lines(a.pages),
    bylines: lines(a.bylines),
    paragraphs: a.paragraphs
      .slice(0, LIMITS.paragraphs)
      .map((p) => (p.text.length > LIMITS.paragraph ? { ...p, text: cut(p.text, LIMITS.paragraph) } : p)),
    images: a.images
      .slice(0, LIMITS.short)
      .map((i) => ({ src: cut(i.src, LIMITS.url), caption: cut(i.caption, LIMITS.line) })),
    urls: a.urls.slice(0, LIMITS.urls).filter((u) => u.length <= LIMITS.url),
    parts: a.parts.slice(0, LIMITS.short),
  };
}
