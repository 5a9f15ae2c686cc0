/**
 * A surface is a place where an article's text is shown and can be highlighted: the article page
 * itself (its <body>: the site's own <P>s, with headlines, navigation and the 下转 line around them)
 * or the reader panel's body (exactly the stitched article's paragraphs). Selectors are always kept
 * in ARTICLE coordinates — offsets in the article's normalised text, paragraph indexes of the article —
 * so a highlight made on one surface is found on the other (lib/anchor matches quote + context).
 */
import {
  buildView,
  describe,
  locate,
  matchNormalized,
  normalizeForMatch,
  selectorsFromNormalized,
  toRange,
  type DomView,
} from '../../../anchor';
import type { Article, Selectors } from '../../../model';

/** Where the article is shown. */
export type SurfaceKind = 'page' | 'reader';

/** An article shown in a DOM root, with both texts ready. */
export interface Surface {
  kind: SurfaceKind;
  root: Element;
  article: Article;
  /** URL of the page the surface is on (a page surface holds that page's part of the story). */
  url: string;
  view: DomView;
  /** The article's paragraphs joined with '\n', normalised: what selectors count in. */
  text: string;
  /** True when the DOM text IS the article text (the reader): no re-matching needed. */
  identical: boolean;
}

/** Build a surface (one pass over the root's text). */
export function makeSurface(kind: SurfaceKind, root: Element, article: Article, url: string): Surface {
  const view = buildView(root);
  const text = normalizeForMatch(article.paragraphs.map((p) => p.text).join('\n')).text;
  return { kind, root, article, url, view, text, identical: view.text === text };
}

/**
 * Selectors, in article coordinates, for a DOM range on the surface; null when the range holds no
 * article text (a selection in the page's navigation or the 「下转A02版」 line is not the article).
 */
export function describeOn(s: Surface, range: Pick<Range, 'comparePoint' | 'collapsed'>): Selectors | null {
  const dom = describe(s.root, range, s.article.key, s.view);
  if (!dom) return null;
  if (s.identical) return dom;
  // The page's text has more than the article (titles, bylines, markers): find the quote in the
  // article by its exact text and the page's context around it.
  const m = matchNormalized(s.text, { ...dom, start: 0, end: 0 });
  if ('notFound' in m || m.method === 'fuzzy') return null;
  return selectorsFromNormalized(s.text, m.start, m.end, s.article.key);
}

/** A highlight placed on the surface, or not. */
export type Placement<T> = { item: T; range: Range } | { item: T; range: null };

/** Place each item's selectors on the surface (one view, many highlights). */
export function placeOn<T extends { selectors: Selectors }>(s: Surface, items: readonly T[]): Placement<T>[] {
  return items.map((item) => {
    const loc = locate(s.view, item.selectors);
    const range = 'notFound' in loc ? null : toRange(loc);
    return { item, range };
  });
}

/** Paragraph indexes of the article that a span of its normalised text touches, in order. */
export function paragraphsTouched(s: Pick<Surface, 'text'>, sel: Pick<Selectors, 'start' | 'end'>): number[] {
  let first = 0;
  for (let i = s.text.indexOf('\n'); i >= 0 && i < sel.start; i = s.text.indexOf('\n', i + 1)) first++;
  const out = [first];
  for (let i = s.text.indexOf('\n', sel.start); i >= 0 && i < sel.end; i = s.text.indexOf('\n', i + 1))
    out.push(out[out.length - 1] + 1);
  return out;
}

/**
 * Ranges over whole paragraphs of the surface's article (by index), for marks that cover a
 * paragraph (a clip); a paragraph the surface does not show is left out.
 */
export function paragraphRanges(s: Surface, indexes: readonly number[]): Range[] {
  const lines = s.text.split('\n');
  const out: Range[] = [];
  let at = 0;
  lines.forEach((line, i) => {
    const start = at;
    at += line.length + 1;
    if (!indexes.includes(i) || line.trim() === '') return;
    const sel = selectorsFromNormalized(s.text, start, start + line.length, s.article.key);
    const loc = sel ? locate(s.view, sel) : null;
    const range = loc && !('notFound' in loc) ? toRange(loc) : null;
    if (range) out.push(range);
  });
  return out;
}
