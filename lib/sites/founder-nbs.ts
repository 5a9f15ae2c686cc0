/**
 * Founder nbs/nw: 人民日报 until 2024-11-30, 光明日报, old 中国青年报. Layout pages
 * `html/YYYY-MM/DD/nbs.D110000renmrb_NN.htm`, article pages `nw.D110000renmrb_YYYYMMDD_K-NN.htm`
 * (K = order on the page, NN = page). Article pages: `div.text_c` with `h3` 引题, `h1` 主题, `h2` 副题,
 * `h4` byline, `.lai` 「《 人民日报 》（ 2017年10月16日 01 版）」 and the body in `#ozoom`.
 */
import type { Page } from '../model';
import { parseChineseDate } from '../text/dates';
import { buildArticle } from './common/article';
import { readBody } from './common/body';
import { all, first, lineOf, pathOf } from './common/dom';
import { TITLE_LISTS } from './common/layout';
import { labelIn } from './common/meta';
import { readArticlePageResult, readLayoutPage, readPageMeta, type PageSelectors } from './common/page';
import type { SiteAdapter } from './types';
import { FOUNDER_NBS_URLS, onFamilyUrl } from './urls';

const SELECTORS: PageSelectors = {
  date: ['#riqi_', '.lai'], // 「人民日报 2017年10月16日 星期一」
  pageName: ['.l_t', '.ban_t li'], // 「01版:要闻」
  paper: ['#riqi_', '.lai'], // 「人民日报 2017年10月16日」, 「《 人民日报 》（ 2017年10月16日 01 版）」
  titleLists: [...TITLE_LISTS],
};

// nbs.D110000renmrb_01.htm (layout), nw.D110000renmrb_20171016_1-01.htm (article).
const URLS = FOUNDER_NBS_URLS;

/** Where the title block and the body live, one selector per template. */
const TITLE_BOX = ['.text_c', '#ozoom', 'body'];
const BODY = ['#ozoom founder-content', '#ozoom', '.c_c', 'founder-content'];

function readArticlePage(doc: Document, url: string): Page {
  const meta = readPageMeta(doc, url, SELECTORS);
  const box = first(doc, TITLE_BOX);
  const h = (tag: string) => lineOf(all(box, tag)[0]);
  const source = lineOf(first(doc, ['.lai', '.text_c .sec']));
  // 「（ 2017年10月16日 01 版）」 is this article's own page, surer than the trailer of a reused template.
  const label = labelIn(source) || meta.label;
  const date = parseChineseDate(source) || meta.date;
  const body = readBody(first(doc, BODY), url);
  const byline = h('h4');
  const order = Number(/_(\d{1,3})-\d{1,3}\.htm$/.exec(pathOf(url))?.[1] ?? 1) - 1;
  const article = buildArticle({
    url,
    paper: meta.paper,
    date,
    label,
    leadTitle: h('h3'),
    title: h('h1') || meta.trailer.get('title') || '',
    subtitle: h('h2'),
    bylines: byline ? [byline] : [],
    paragraphs: body.paragraphs,
    images: body.images,
    order,
  });
  return readArticlePageResult(url, 'founder-nbs', meta, article, { date: date, label: label });
}

/** Read an nbs/nw page as the kind given (readPageFull decides the kind by its own rules). */
export function readNbsAs(doc: Document, url: string, kind: 'layout' | 'article'): Page {
  return kind === 'layout' ? readLayoutPage(doc, url, 'founder-nbs', SELECTORS) : readArticlePage(doc, url);
}

/** Founder nbs/nw adapter (人民日报 before 2024-12). */
export const founderNbs: SiteAdapter = {
  id: 'founder-nbs',
  urls: URLS,
  claims(url) {
    return onFamilyUrl(URLS, url.pathname);
  },
  read(doc, url) {
    return URLS.layout.path.test(pathOf(url))
      ? readLayoutPage(doc, url, 'founder-nbs', SELECTORS)
      : readArticlePage(doc, url);
  },
};
