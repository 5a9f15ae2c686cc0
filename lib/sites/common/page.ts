/**
 * What every Founder page shares: trailer, page list, paper, date, this page's label and name, and
 * for layout pages the blocks. Adapters pass the selectors of their family.
 */
import { emptyPage, type Article, type Page, type PageLink } from '../../model';
import { dateFromUrl, parseChineseDate } from '../../text/dates';
import { normalizeLabel } from '../../text/labels';
import { first, lineOf, metaContent } from './dom';
import { readLayout } from './layout';
import { labelIn, readPaper, selfEntry } from './meta';
import { parsePageEntry, readPageLinks } from './page-list';
import { readTrailer, trailerDate, type Trailer } from './trailer';

/** Family-specific places to look, each a list of alternatives (one per site or era). */
export interface PageSelectors {
  /** Elements whose text holds the issue date: 「2017年10月16日 星期一」. */
  date: readonly string[];
  /** Elements whose text names this page: 「第06版：冰点周刊」. */
  pageName: readonly string[];
  /** Elements whose text may name the paper: 人民日报 2017 `#riqi_`. */
  paper: readonly string[];
  /** Title list containers of layout pages. */
  titleLists: readonly string[];
}

/** Page-wide facts every adapter reads the same way. */
export interface PageMeta {
  trailer: Trailer;
  pageLinks: PageLink[];
  paper: string;
  date: string;
  label: string;
  name: string;
}

/** Read paper, date, label and name of a page, the most trustworthy source first. */
export function readPageMeta(doc: Document, url: string, sel: PageSelectors): PageMeta {
  const trailer = readTrailer(doc);
  const pageLinks = readPageLinks(doc, url);
  const self = selfEntry(pageLinks, url);
  const printed = lineOf(first(doc, sel.pageName));
  const entry = parsePageEntry(printed);
  const label =
    self?.label ||
    normalizeLabel(trailer.get('pagenum') ?? '') ||
    entry?.label ||
    labelIn(printed) ||
    normalizeLabel(metaContent(doc, 'PageNumber'));
  const name = self?.name || entry?.name || '';
  const date =
    trailerDate(trailer) ||
    parseChineseDate(metaContent(doc, 'publishdate')) ||
    parseChineseDate(lineOf(first(doc, sel.date))) ||
    dateFromUrl(url);
  return { trailer, pageLinks, paper: readPaper(doc, trailer, sel.paper), date, label, name };
}

/** A layout page: meta plus blocks; a problem when the page has no article blocks at all. */
export function readLayoutPage(doc: Document, url: string, adapter: string, sel: PageSelectors): Page {
  const meta = readPageMeta(doc, url, sel);
  const layout = readLayout(doc, url, sel.titleLists);
  const problems: string[] = [];
  if (!layout.blocks.length)
    problems.push('This layout page lists no articles (no image map and no title list found).');
  const untitled = layout.blocks.filter((b) => !b.title).length;
  if (untitled)
    problems.push(`${untitled} of ${layout.blocks.length} article blocks have no title on this page.`);
  return emptyPage({
    url,
    kind: 'layout',
    adapter,
    paper: meta.paper,
    date: meta.date,
    label: meta.label,
    name: meta.name,
    blocks: layout.blocks,
    pageLinks: meta.pageLinks,
    image: layout.image,
    problems,
  });
}

/** An article page's Page: one article, the page's meta; a problem when the body had no text. */
export function readArticlePageResult(
  url: string,
  adapter: string,
  meta: PageMeta,
  article: Article,
  at: { date: string; label: string },
): Page {
  return emptyPage({
    url,
    kind: 'article',
    adapter,
    paper: meta.paper,
    date: at.date,
    label: at.label,
    name: meta.name,
    articles: [article],
    pageLinks: meta.pageLinks,
    problems: article.paragraphs.length ? [] : ['No article text found on this page.'],
  });
}
