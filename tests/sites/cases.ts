/**
 * The real HTML fixtures the readers are tested on, with the URL each page was published under.
 * Hosts come from the pages' own trailers and links where they name one (zqb, 人民日报, 湖北日报);
 * for the 2017 classic pages, whose saved copies do not say, the host is the paper's e-paper site
 * as best known — only the path shape matters to the readers.
 */
import { docFromHtml, fixtureText } from '../helpers/dom';

export interface HtmlCase {
  /** Golden file name under tests/golden/sites/. */
  name: string;
  file: string;
  url: string;
}

export const HTML_CASES: HtmlCase[] = [
  {
    name: 'jjjcb-2017-node_2',
    file: 'real/jjjcb-2017-embedded/node_2.htm',
    url: 'http://www.jjjcb.cn/html/2017-07/22/node_2.htm',
  },
  {
    name: 'cnta-2017-node_1',
    file: 'real/cnta-2017/node_1.htm',
    url: 'http://www.ctnews.com.cn/paper/html/2017-10/13/node_1.htm',
  },
  {
    name: 'jxrb-2017-node_187',
    file: 'real/jxrb-2017/node_187.htm',
    url: 'http://epaper.jxnews.com.cn/jxrb/html/2017-10/09/node_187.htm',
  },
  {
    name: 'rmrb-2017-nbs_01',
    file: 'real/rmrb-2017/nbs.D110000renmrb_01.htm',
    url: 'http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm',
  },
  {
    name: 'rmrb-2017-nbs_07',
    file: 'real/rmrb-2017/nbs.D110000renmrb_07.htm',
    url: 'http://paper.people.com.cn/rmrb/html/2017-10/18/nbs.D110000renmrb_07.htm',
  },
  {
    name: 'rmrb-2024-node_01',
    file: 'real/rmrb-2024/node_01.html',
    url: 'http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html',
  },
  {
    name: 'zqb-node_06',
    file: 'real/zqb-cyol/node_06.html',
    url: 'http://zqb.cyol.com/pc/layout/202609/16/node_06.html',
  },
  {
    name: 'zqb-content_430781',
    file: 'real/zqb-cyol/content_430781.html',
    url: 'http://zqb.cyol.com/pc/content/202609/16/content_430781.html',
  },
];

/** Parse one case's fixture into a Document at its URL. */
export function caseDoc(c: HtmlCase): Document {
  return docFromHtml(fixtureText(c.file), c.url);
}

/** One 湖北日报 article-page fragment (`div#scroller`) with the URL its enpproperty trailer names. */
export interface Fragment {
  url: string;
  html: string;
}

/** Split hbrb-2023/content.txt into its 32 `div#scroller` fragments. */
export function hbrbFragments(): Fragment[] {
  const raw = fixtureText('real/hbrb-2023/content.txt');
  const marker = '<div id="scroller">';
  return raw
    .split(marker)
    .slice(1)
    .map((rest) => {
      const html = marker + rest;
      return { url: /<url>([^<]*)<\/url>/.exec(html)?.[1] ?? '', html };
    });
}
