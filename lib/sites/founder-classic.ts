/**
 * Founder classic (方正 first generation): layout pages `html/YYYY-MM/DD/node_N.htm` (N is a node id,
 * not the page number), article pages `content_N.htm` / `content_NODE_ID.htm`, title parts in
 * `<founder-title>` / `<founder-introtitle>` / `<founder-subtitle>`, body in `<founder-content>`,
 * metadata in enpproperty trailers. 海南日报, 中国纪检监察报, 中国旅游报, 江西日报, many city dailies.
 */
import type { Page } from '../model';
import { buildArticle } from './common/article';
import { readBody } from './common/body';
import { all, first, lineOf, pathOf } from './common/dom';
import { TITLE_LISTS } from './common/layout';
import { readArticlePageResult, readLayoutPage, readPageMeta, type PageSelectors } from './common/page';
import type { SiteAdapter } from './types';
import { FOUNDER_CLASSIC_URLS, onFamilyUrl } from './urls';

const SELECTORS: PageSelectors = {
  date: [
    '.rq', // 中国纪检监察报 「2017年7月22日　星期六」
    '.paperdate', // 中国旅游报 「2017年10月13日 星期五」
    '#riqi_', // 人民日报-style classic templates
    '.date',
  ],
  pageName: [
    'td.bm01', // 中国纪检监察报 「第1版　　　要闻」
    '.paper-bot .ban',
  ],
  paper: [],
  titleLists: [...TITLE_LISTS],
};

// node_2.htm, node_187.htm; content_52014.htm, content_58464_19688148.htm (not pc's .html pages).
const URLS = FOUNDER_CLASSIC_URLS;

/** Body roots, one per template. */
const BODY = [
  'founder-content', // every Founder classic article page
  '#ozoom', // older templates without the custom element
  '.content',
  '.article .text', // 北京日报 2019: `div.article div.text`, no <founder-content>
];

/** Text of the first non-empty element of a tag: `<founder-title>` may hold `<br>` (two-line titles). */
function tagText(doc: Document, tag: string, skip = ''): string {
  for (const el of all(doc, tag)) {
    const t = lineOf(el);
    if (t && t !== skip) return t;
  }
  return '';
}

function readArticlePage(doc: Document, url: string): Page {
  const meta = readPageMeta(doc, url, SELECTORS);
  const t = meta.trailer;
  // 钱江晚报 writes the paper's name in a first <founder-title>: skip it.
  const title = tagText(doc, 'founder-title', meta.paper) || t.get('title') || lineOf(first(doc, ['title']));
  const body = readBody(first(doc, BODY), url);
  const author = tagText(doc, 'founder-author') || t.get('author') || '';
  const article = buildArticle({
    url,
    paper: meta.paper,
    date: meta.date,
    label: meta.label,
    leadTitle: tagText(doc, 'founder-introtitle') || t.get('introtitle') || '',
    title,
    subtitle: tagText(doc, 'founder-subtitle') || t.get('subtitle') || '',
    bylines: author ? [author] : [],
    paragraphs: body.paragraphs,
    images: body.images,
  });
  return readArticlePageResult(url, 'founder-classic', meta, article, { date: meta.date, label: meta.label });
}

function isLayout(doc: Document, url: string): boolean {
  const path = pathOf(url);
  if (URLS.layout.path.test(path)) return true;
  if (URLS.article.path.test(path)) return false;
  return !all(doc, 'founder-content').length && all(doc, 'map area[href]').length > 0;
}

/** Read a Founder classic page as the kind given (readPageFull decides the kind by its own rules). */
export function readClassicAs(doc: Document, url: string, kind: 'layout' | 'article'): Page {
  return kind === 'layout'
    ? readLayoutPage(doc, url, 'founder-classic', SELECTORS)
    : readArticlePage(doc, url);
}

/** Founder classic adapter. */
export const founderClassic: SiteAdapter = {
  id: 'founder-classic',
  urls: URLS,
  claims(url, doc) {
    if (onFamilyUrl(URLS, url.pathname)) return true;
    // Saved or proxied pages: the custom elements and the PagePicMap say Founder classic.
    return (
      all(doc, 'founder-content, founder-title').length > 0 ||
      all(doc, 'map').some((m) => (m.getAttribute('name') ?? '').toLowerCase() === 'pagepicmap')
    );
  },
  read(doc, url) {
    return isLayout(doc, url)
      ? readLayoutPage(doc, url, 'founder-classic', SELECTORS)
      : readArticlePage(doc, url);
  },
};
