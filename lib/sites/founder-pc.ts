/**
 * Founder pc: 人民日报 since 2024-12-01, 中国青年报, 经济日报, 湖北日报. Layout pages
 * `pc/layout/YYYYMM/DD/node_NN.html`, article pages `pc/content/YYYYMM/DD/content_N.html`.
 * Article: `.article` with `h3` 引题 / `h1` 主题 / `h2` 副题 and `p.sec` (byline spans and
 * `span.newstime` 「（2026年09月16日  05版）」), body in `#content founder-content`. 中国青年报 also
 * carries a hidden copy of the body in `#articleContent`: never read it (the text would double).
 * 湖北日报's variant: `p#nowLayout` 「02」, `font#intro-title`, `font#main-title`, `font#sub-title`.
 */
import type { Page } from '../model';
import { parseChineseDate } from '../text/dates';
import { normalizeLabel } from '../text/labels';
import { buildArticle } from './common/article';
import { hiddenCopy, readBody } from './common/body';
import { all, childrenOf, closestId, first, hasClass, lineOf, metaContent, pathOf } from './common/dom';
import { TITLE_LISTS } from './common/layout';
import { labelIn } from './common/meta';
import { readArticlePageResult, readLayoutPage, readPageMeta, type PageSelectors } from './common/page';
import type { SiteAdapter } from './types';
import { FOUNDER_PC_URLS, onFamilyUrl } from './urls';

const SELECTORS: PageSelectors = {
  date: ['.newstime', '.date-box .date', '#author'], // 「2026年09月16日 Wed」; 湖北日报 font#author
  pageName: ['.paper-bot .ban', '.paper-bot p.left'], // 「第06版：冰点周刊」
  paper: ['.date-box .date', 'p.sec .date'], // 「人民日报 2024年12月25日 Wed」, 「《人民日报》（…）」
  titleLists: [...TITLE_LISTS],
};

// pc/layout/202609/16/node_06.html (layout), pc/content/202609/16/content_430781.html (article).
const URLS = FOUNDER_PC_URLS;

/** Title parts: the `.article` headings (人民日报, 中国青年报) or 湖北日报's fonts. */
const LEAD = ['.article h3', 'font#intro-title', '#intro-title'];
const MAIN = ['.article h1', 'font#main-title', '#main-title'];
const SUB = ['.article h2', 'font#sub-title', '#sub-title'];
/** Only article pages have these (layout pages may carry `#ozoom` and a map). */
const ARTICLE_EVIDENCE = ['founder-content', '.article h1', '#main-title', '.article-text'];
const BODY = [
  '#content founder-content', // 中国青年报, 湖北日报
  '.article founder-content',
  '#ozoom founder-content', // 人民日报 pc
  'founder-content',
  '.article-text',
  '#ozoom',
];

/**
 * Bylines of `p.sec`: its text and spans but the date/source ones — 中国青年报
 * `<span>中青报·中青网记者 杜佳冰</span><span class="date">来源：中国青年报</span>`, 人民日报
 * `新华社记者 <span class="date">《人民日报》（2024年12月25日 第 01 版）</span>`.
 */
function secBylines(doc: Document): string[] {
  const sec = first(doc, ['.article p.sec', 'p.sec']);
  if (!sec) return [];
  const texts: string[] = [];
  for (const node of childrenOf(sec)) {
    const el = node.nodeType === 1 ? (node as Element) : null;
    if (el && (hasClass(el, 'date') || hasClass(el, 'newstime'))) continue;
    texts.push(lineOf(node));
  }
  return texts.filter((t) => t && !/来源[：:]|\d{4}年/.test(t));
}

function readArticlePage(doc: Document, url: string): Page {
  const meta = readPageMeta(doc, url, SELECTORS);
  const t = meta.trailer;
  const newstime = lineOf(first(doc, ['.article p.sec .newstime', 'p.sec .newstime', 'p.sec']));
  // This page's own label: 「（2026年09月16日  05版）」, 湖北日报 `p#nowLayout` 「02」, meta PageNumber.
  const label =
    labelIn(newstime) ||
    normalizeLabel(lineOf(first(doc, ['#nowLayout']))) ||
    normalizeLabel(t.get('pagenum') ?? '') ||
    normalizeLabel(metaContent(doc, 'PageNumber')) ||
    meta.label;
  const date = parseChineseDate(newstime) || meta.date;
  const root = first(doc, BODY);
  const body = readBody(root, url);
  // 湖北日报 photo news: the photo sits in `#content` before `<founder-content>`, outside the body root.
  const around = root?.tagName === 'FOUNDER-CONTENT' ? closestId(root, 'content') : null;
  if (around) body.images.unshift(...readBody(around, url, (el) => el === root || hiddenCopy(el)).images);
  const article = buildArticle({
    url,
    paper: meta.paper,
    date,
    label,
    leadTitle: lineOf(first(doc, LEAD)) || t.get('introtitle') || '',
    title: lineOf(first(doc, MAIN)) || t.get('title') || '',
    subtitle: lineOf(first(doc, SUB)) || t.get('subtitle') || '',
    bylines: secBylines(doc),
    paragraphs: body.paragraphs,
    images: body.images,
  });
  return readArticlePageResult(url, 'founder-pc', meta, article, { date: date, label: label });
}

/** Read a Founder pc page as the kind given (readPageFull decides the kind by its own rules). */
export function readPcAs(doc: Document, url: string, kind: 'layout' | 'article'): Page {
  return kind === 'layout' ? readLayoutPage(doc, url, 'founder-pc', SELECTORS) : readArticlePage(doc, url);
}

/** Founder pc adapter. */
export const founderPc: SiteAdapter = {
  id: 'founder-pc',
  urls: URLS,
  claims(url, doc) {
    if (onFamilyUrl(URLS, url.pathname)) return true;
    // Saved pages: the pc template's boxes.
    return all(doc, '.paper-box map, .article-box .article, #scroller founder-content').length > 0;
  },
  read(doc, url) {
    const path = pathOf(url);
    // Off its own URL (a saved file), a page is a layout page when it has an image map and no article
    // body. `#ozoom` alone is no body: it is 中国青年报 layout pages' title-list panel too.
    const layout =
      URLS.layout.path.test(path) ||
      (!URLS.article.path.test(path) && !!first(doc, ['map area[href]']) && !first(doc, ARTICLE_EVIDENCE));
    return layout ? readLayoutPage(doc, url, 'founder-pc', SELECTORS) : readArticlePage(doc, url);
  },
};
