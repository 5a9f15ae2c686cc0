/**
 * The three pages of issue 10 (光明日报 2018, 经济日报 2012, 北京日报 2019; shared/fixtures/real/SOURCES.md),
 * each with the URL it was published under and a summary that keeps only our expectations (titles,
 * metadata, counts, short excerpts): the pages and their text stay in ../shared.
 */
import type { Page } from '../../lib/model';
import type { ReadTrace } from '../../lib/sites/full';

export interface SharedCase {
  name: string;
  /** Path under shared/fixtures/. */
  file: string;
  url: string;
}

export const SHARED_CASES: SharedCase[] = [
  {
    name: 'gmrb-2018-nbs_06',
    file: 'real/gmrb-2018/layout-2018-01-04-06.html',
    url: 'http://epaper.gmw.cn/gmrb/html/2018-01/04/nbs.D110000gmrb_06.htm',
  },
  {
    name: 'jjrb-2012-node_12',
    file: 'real/jjrb-2012/layout-2012-01-06-11.html',
    url: 'http://paper.ce.cn/jjrb/html/2012-01/06/node_12.htm',
  },
  {
    name: 'bjrb-2019-content_571502',
    file: 'real/bjrb-2019/article-2019-01-07-571502.html',
    url: 'http://bjrb.bjd.com.cn/html/2019-01/07/content_571502.htm',
  },
];

/** A saved file's URL that says nothing of the page (no date, no page number in the name). */
export const FILE_URL = 'file:///home/reader/Downloads/page.html';

/** First characters of a text: enough to recognise it, too little to be the text. */
const excerpt = (s: string) => [...s].slice(0, 16).join('');

/** What we expect of a page, without its text. */
export function summary(page: Page, trace?: ReadTrace) {
  return {
    url: page.url,
    kind: page.kind,
    adapter: page.adapter,
    paper: page.paper,
    date: page.date,
    label: page.label,
    name: page.name,
    pageLinks: page.pageLinks.length,
    blocks: page.blocks.map((b) => ({ title: b.title, href: b.href, polygons: b.polygons.length })),
    articles: page.articles.map((a) => ({
      title: a.title,
      leadTitle: a.leadTitle,
      subtitle: a.subtitle,
      bylines: a.bylines,
      date: a.date,
      pages: a.pages,
      paragraphs: a.paragraphs.length,
      kinds: a.paragraphs.reduce<Record<string, number>>(
        (n, p) => ({ ...n, [p.kind]: (n[p.kind] ?? 0) + 1 }),
        {},
      ),
      first: excerpt(a.paragraphs[0]?.text ?? ''),
      last: excerpt(a.paragraphs[a.paragraphs.length - 1]?.text ?? ''),
      crossheads: a.paragraphs
        .filter((p) => p.kind === 'crosshead')
        .slice(0, 4)
        .map((p) => excerpt(p.text)),
      images: a.images.length,
    })),
    problems: page.problems,
    ...(trace ? { trace } : {}),
  };
}
