/**
 * Page facts (date, page label, 版名, paper) from every place a page carries them, in one stated order
 * of trust per fact: one table per fact, one row per source, each with a real example. The readers
 * (readPage) fill what their family's template says; readPageFull (../full.ts) asks these rows, in
 * order, for whatever is still empty. Kept out of readPage because the content script, which
 * bundles readPage, has no bytes to spare.
 */
import type { PageLink } from '../../model';
import { dateFromUrl, parseChineseDate } from '../../text/dates';
import { normalizeLabel } from '../../text/labels';
import { first, lineOf, metaContent } from './dom';
import { labelIn, paperFromText, selfEntry } from './meta';
import { parsePageEntry } from './page-list';
import { readTrailer, trailerDate, type Trailer } from './trailer';

/** What the rows read, gathered once per page. */
export interface FactContext {
  url: string;
  trailer: Trailer;
  pageLinks: PageLink[];
  /** The page list's entry for this URL, if the URL is the page's own. */
  self: PageLink | undefined;
  /** The printed page heading: 「第06版:学习贯彻…」 (光明日报 `.l_t`), 「第1版　　　要闻」. */
  heading: string;
  /** The article's source line: 「来源： 北京日报 2019年01月07日 版次： 14 作者：」. */
  source: string;
  /** The page's own date line: 「2018年01月04日 星期四」. */
  dateLine: string;
  /** `<title>`, then `<meta name=description>`. */
  title: string;
  description: string;
  /** The label found so far (the 版名 row "page list entry of this label" needs it). */
  label: string;
}

/** One source of one fact. */
export interface FactRow {
  from: string;
  example: string;
  read: (c: FactContext) => string;
}

// Page headings across families: 光明日报/人民日报 nbs `.l_t`, pc `.paper-bot .ban`, 中国纪检监察报 `td.bm01`.
const HEADINGS = ['.l_t', '.paper-bot .ban', 'td.bm01', '.ban_t li'];
// Source lines: 北京日报 `.info`, 人民日报 nbs `.lai`, pc `p.sec`.
const SOURCES = ['.article .info', '.lai', 'p.sec'];
// Date lines: 光明日报 `#riqi_`/`.ban_t` region, 中国纪检监察报 `.rq`, 中国旅游报 `.paperdate`, 经济日报 `.default`.
const DATE_LINES = ['#riqi_', '.rq', '.paperdate', '.date', 'span.default'];

// 「版次： 14」 (北京日报 source line), 「版次：A04」.
const PAGE_NO = /版次\s?[：:]\s?([A-Za-z]?\s?\d{1,3})/;
// 「来源： 北京日报」.
const SOURCE_PAPER = /来源\s?[：:]\s?([\u4e00-\u9fff]{2,10}报)/;
// nbs pages carry the page in the file name: nbs.D110000gmrb_06.htm, nw.D110000gmrb_20180104_1-06.htm.
const URL_PAGE = /\/(?:nbs\.[A-Za-z0-9]{1,40}_|nw\.[A-Za-z0-9]{1,40}_\d{8}_\d{1,3}-)(\d{1,3})\.htm$/;

/** A page entry inside a `<title>` or description: 「…_光明日报_第06版:学习贯彻…特刊·第四十七期_光明网」. */
function entryIn(text: string): { label: string; name: string } | null {
  for (const piece of text.split(/[_|]/)) {
    const e = parsePageEntry(piece);
    if (e) return e;
  }
  return null;
}

function urlPage(url: string): string {
  const m = URL_PAGE.exec(url.replace(/[?#].*$/, ''));
  return m ? normalizeLabel(m[1]) : '';
}

/** The page label (版次), most trusted first. */
export const LABEL_ROWS: readonly FactRow[] = [
  {
    from: 'page list entry of this URL',
    example: '<a id=pageLink href=./node_12.htm>第11版：理论周刊</a>',
    read: (c) => c.self?.label ?? '',
  },
  {
    from: 'trailer',
    example: '<founder-pagenum>11</founder-pagenum>',
    read: (c) => normalizeLabel(c.trailer.get('pagenum') ?? ''),
  },
  {
    from: 'page heading',
    example: '第06版:学习贯彻习近平新时代中国特色社会主义思想特刊·第四十七期',
    read: (c) => parsePageEntry(c.heading)?.label || labelIn(c.heading),
  },
  {
    from: 'source line',
    example: '来源： 北京日报 2019年01月07日 版次： 14 作者：',
    read: (c) => normalizeLabel(PAGE_NO.exec(c.source)?.[1] ?? '') || labelIn(c.source),
  },
  {
    from: '<title>',
    example: '2018年01月04日 星期四_光明日报_第06版:学习贯彻…_光明网',
    read: (c) => entryIn(c.title)?.label ?? '',
  },
  {
    from: 'meta description',
    example: '光明日报_第06版:学习贯彻习近平新时代中国特色社会主义思想特刊·第四十七期',
    read: (c) => entryIn(c.description)?.label ?? '',
  },
  { from: 'URL', example: 'nbs.D110000gmrb_06.htm', read: (c) => urlPage(c.url) },
];

/** The page name (版名), most trusted first. */
export const NAME_ROWS: readonly FactRow[] = [
  { from: 'page list entry of this URL', example: '第11版：理论周刊', read: (c) => c.self?.name ?? '' },
  {
    from: 'page heading',
    example: '第06版:学习贯彻习近平新时代中国特色社会主义思想特刊·第四十七期',
    read: (c) => parsePageEntry(c.heading)?.name ?? '',
  },
  {
    from: '<title>',
    example: '2018年01月04日 星期四_光明日报_第06版:学习贯彻…_光明网',
    read: (c) => entryIn(c.title)?.name ?? '',
  },
  {
    from: 'meta description',
    example: '光明日报_第06版:学习贯彻…',
    read: (c) => entryIn(c.description)?.name ?? '',
  },
  {
    from: 'the one page list entry of this page label',
    example: '经济日报 saved as a file: label 11 (trailer) → 「第11版：理论周刊」',
    read: (c) => {
      const same = c.label ? c.pageLinks.filter((l) => l.label === c.label) : [];
      return same.length === 1 ? same[0].name : '';
    },
  },
];

/** The issue date, most trusted first. */
export const DATE_ROWS: readonly FactRow[] = [
  {
    from: 'trailer',
    example: '<founder-date>2012-01-06 23:59:49</founder-date>',
    read: (c) => trailerDate(c.trailer),
  },
  {
    from: 'source line',
    example: '来源： 北京日报 2019年01月07日 版次： 14',
    read: (c) => parseChineseDate(c.source),
  },
  { from: 'page date line', example: '2018年01月04日 星期四', read: (c) => parseChineseDate(c.dateLine) },
  {
    from: '<title>',
    example: '2018年01月04日 星期四_光明日报_第06版:…',
    read: (c) => parseChineseDate(c.title),
  },
  { from: 'URL', example: 'html/2019-01/07/content_571502.htm', read: (c) => dateFromUrl(c.url) },
];

/** The paper, most trusted first. */
export const PAPER_ROWS: readonly FactRow[] = [
  {
    from: 'trailer',
    example: '<founder-papername>经济日报</founder-papername>',
    read: (c) => c.trailer.get('papername') ?? '',
  },
  {
    from: 'source line',
    example: '来源： 北京日报',
    read: (c) => SOURCE_PAPER.exec(c.source)?.[1] ?? paperFromText(c.source),
  },
  {
    from: '<title>',
    example: '2018年01月04日 星期四_光明日报_第06版:…_光明网',
    read: (c) => paperFromText(c.title),
  },
];

/** The first row that says something, and which row it was. */
export function firstFact(rows: readonly FactRow[], c: FactContext): { value: string; from: string } {
  for (const row of rows) {
    const value = row.read(c).trim();
    if (value) return { value, from: row.from };
  }
  return { value: '', from: '' };
}

/** Gather what the rows read from a document at `url`. */
export function factContext(doc: Document, url: string, pageLinks: PageLink[]): FactContext {
  return {
    url,
    trailer: readTrailer(doc),
    pageLinks,
    self: selfEntry(pageLinks, url),
    heading: lineOf(first(doc, HEADINGS)),
    source: lineOf(first(doc, SOURCES)),
    dateLine: lineOf(first(doc, DATE_LINES)),
    title: lineOf(first(doc, ['title'])),
    description: metaContent(doc, 'description'),
    label: '',
  };
}
