/**
 * The fallback for sites no family adapter claims (厦门日报's amucsite, 国家电网报's SVG pages, a blog):
 * the headings and paragraphs of the page's main text block, or an empty page that says plainly
 * that this is not an e-paper page. Main block = the element whose direct `<p>` children hold the
 * most text (one pass over all paragraphs: linear).
 */
import { emptyPage, type Page } from '../model';
import { dateFromUrl, parseChineseDate } from '../text/dates';
import { buildArticle } from './common/article';
import { readBody } from './common/body';
import { all, first, lineOf, metaContent } from './common/dom';
import { readPaper } from './common/meta';
import { readPageLinks } from './common/page-list';
import { readTrailer } from './common/trailer';
import type { SiteAdapter } from './types';

/** Less text than this in the main block is not an article (a blog index, a login page). */
const MIN_TEXT = 120;

/** The element holding most paragraph text, counting each `<p>` towards its parent only. */
function mainBlock(doc: Document): { root: Element | null; chars: number } {
  const score = new Map<Element, number>();
  for (const p of all(doc, 'p')) {
    const parent = p.parentElement;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + lineOf(p).length);
  }
  let root: Element | null = null;
  let chars = 0;
  for (const [el, n] of score) if (n > chars) [root, chars] = [el, n];
  // An `<article>` element, when the page has one, is the author's own statement of the main block.
  const article = first(doc, ['article']);
  if (article && lineOf(article).length >= MIN_TEXT) return { root: article, chars: lineOf(article).length };
  return { root, chars };
}

function readGeneric(doc: Document, url: string): Page {
  const { root, chars } = mainBlock(doc);
  const trailer = readTrailer(doc);
  const paper = readPaper(doc, trailer);
  const date = parseChineseDate(metaContent(doc, 'publishdate')) || dateFromUrl(url);
  const base = emptyPage({
    url,
    kind: 'article',
    adapter: 'generic',
    paper,
    date,
    pageLinks: readPageLinks(doc, url),
  });
  if (!root || chars < MIN_TEXT) {
    return {
      ...base,
      problems: ['Not an e-paper page: no article text found (no known e-paper layout, no main text).'],
    };
  }
  const body = readBody(root, url);
  const title = lineOf(first(root, ['h1'])) || lineOf(first(doc, ['h1', 'title']));
  const article = buildArticle({
    url,
    paper,
    date,
    label: '',
    leadTitle: '',
    title,
    subtitle: lineOf(first(root, ['h2'])),
    bylines: [],
    paragraphs: body.paragraphs,
    images: body.images,
  });
  return {
    ...base,
    articles: [article],
    problems: ['Read with the generic reader: this site is not a known e-paper platform, check the text.'],
  };
}

/** Generic fallback adapter: claims every page. */
export const generic: SiteAdapter = {
  id: 'generic',
  claims() {
    return true;
  },
  read: readGeneric,
};
