/**
 * The page-text reader: the plain text of a printed page (from its PDF, or copied from the page),
 * as in tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt, read into a Page of kind 'text' with
 * every article on it. Stages: lines (page-text/lines.ts) → articles (page-text/segment.ts) →
 * headline, bylines, paragraphs, markers, repairs (page-text/article.ts). Never throws; linear time.
 *
 * Decisions (no one to ask, so written here):
 * - Text stays as printed (the paper's typo 「12月6日」 stays); only white space and zero-width
 *   characters are normalised, and the ●/■ bullets of crossheads and bylines are dropped as decoration.
 * - A 讯 byline stays at the head of its paragraph and is also recorded in `bylines`.
 * - Photo news has no byline: its photo credit (「株洲日报·掌上株洲记者/刘震摄」) becomes the byline, so a
 *   citation has an author. Captions and credits are paragraphs of kind caption / credit; `images`
 *   stays empty because page text has no image source.
 * - The date comes from a masthead date line when there is one, else from the URL / file name; the
 *   label from the masthead line (「A1 中共株洲市委主管…」), else from a file name ending 「-A1.txt」.
 * - Keys are paper|date|label|order with order 0-based in reading order, as Article.order.
 */
import { emptyArticle, emptyPage, type Article, type Page } from '../model';
import { classifyLine, paperFromByline } from '../text/bylines';
import { dateFromUrl, parseChineseDate } from '../text/dates';
import { findMarker } from '../text/markers';
import { paragraphMarks } from '../text/repair';
import { isFurniture, labelFromMasthead } from '../text/furniture';
import { readSpan, type ArticleDraft } from './page-text/article';
import { htmlReason, labelFromFileName, notTextReason, splitLines } from './page-text/lines';
import { segment, type PageLine } from './page-text/segment';

/** Adapter name written to Page.adapter. */
export const PAGE_TEXT_ADAPTER = 'page-text';

/** What the masthead lines say about the page. */
interface Masthead {
  label: string;
  name: string;
  date: string;
  paper: string;
}

/** Drop the leading masthead lines (「今日城区天气…」, 「A1 中共株洲市委主管…」) and read them. */
function readMasthead(lines: string[]): { masthead: Masthead; rest: string[] } {
  const masthead: Masthead = { label: '', name: '', date: '', paper: '' };
  let i = 0;
  for (; i < lines.length && isFurniture(lines[i], true); i++) {
    const line = lines[i];
    const { label, name } = labelFromMasthead(line);
    if (label && !masthead.label) masthead.label = label;
    if (name && !masthead.name) masthead.name = name;
    masthead.date ||= parseChineseDate(line);
    masthead.paper ||= paperFromByline(line);
  }
  return { masthead, rest: lines.slice(i) };
}

function toPageLine(text: string): PageLine {
  const m = findMarker(text);
  const continued = m !== null && m.direction === 'from' && m.at !== 'end';
  return {
    text,
    marker: m !== null,
    continued,
    furniture: isFurniture(text, false),
    cls: classifyLine(text),
  };
}

/** The lines (as splitLines gives them) that open with an indent in the text as given. */
function indentedLines(raw: string[]): Set<string> {
  const out = new Set<string>();
  for (const r of raw) if (/^(?:\u3000|\u00a0|\s{2})/.test(r)) out.add(splitLines(r)[0] ?? '');
  return out;
}

/** The paper most bylines name: 「株洲日报·掌上株洲记者/李军」 → 株洲日报. */
function paperOf(articles: Array<{ bylines: string[] }>): string {
  const counts = new Map<string, number>();
  for (const a of articles) {
    for (const b of a.bylines) {
      const p = paperFromByline(b);
      if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  }
  let best = '';
  for (const [p, n] of counts) if (n > (counts.get(best) ?? 0)) best = p;
  return best;
}

/**
 * Drop drafts with neither title nor text. A byline printed at the END of a story (「（本报记者 张三）」 after
 * the last paragraph) opens such an empty draft: its bylines belong to the story before it.
 */
function keepTrailingBylines(drafts: ArticleDraft[]): ArticleDraft[] {
  const out: ArticleDraft[] = [];
  for (const d of drafts) {
    if (d.paragraphs.length || d.title) out.push(d);
    else if (out.length)
      out[out.length - 1].bylines.push(...d.bylines.filter((b) => !out[out.length - 1].bylines.includes(b)));
  }
  return out;
}

/** Read the text of a printed page into a Page (kind 'text', adapter 'page-text'). Never throws. */
export function readPageText(text: string, url: string): Page {
  const page = emptyPage({ url: url ?? '', kind: 'text', adapter: PAGE_TEXT_ADAPTER });
  try {
    return fill(page, typeof text === 'string' ? text : '', url ?? '');
  } catch (err) {
    // A bug here must not take the caller down; say what happened instead.
    page.articles = [];
    page.problems.push(`page text could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return page;
  }
}

function fill(page: Page, text: string, url: string): Page {
  const notText = notTextReason(text) || htmlReason(text);
  if (notText) {
    page.problems.push(notText);
    return page;
  }
  const { masthead, rest } = readMasthead(splitLines(text));
  page.label = masthead.label || labelFromFileName(url);
  page.name = masthead.name;
  page.date = masthead.date || dateFromUrl(url);
  if (!rest.length) {
    page.problems.push('no text on the page');
    return page;
  }
  // Marks are read off the text as given: splitLines drops the 「　　」 indents.
  const raw = text.split(/\r\n|\r|\n/);
  const marked = paragraphMarks(raw) !== '';
  const indented = marked ? indentedLines(raw) : null;
  const lines = rest.map((l) => ({ ...toPageLine(l), indented: indented ? indented.has(l) : undefined }));
  const drafts = keepTrailingBylines(segment(lines, marked).map((span) => readSpan(lines, span, marked)));
  page.paper = masthead.paper || paperOf(drafts);
  const pages = page.label ? [page.label] : [];
  page.articles = drafts.map((d, order): Article => {
    const { joined: _joined, ...fields } = d;
    const article = emptyArticle({
      ...fields,
      key: [page.paper, page.date, page.label, order].join('|'),
      paper: page.paper,
      date: page.date,
      pages: [...pages],
      urls: url ? [url] : [],
      order,
    });
    article.parts = [{ page: page.label, url, from: 0, to: article.paragraphs.length, regime: 'first' }];
    return article;
  });
  if (!page.articles.length) page.problems.push('no articles found in the page text');
  if (!page.date) page.problems.push('no date: neither the masthead nor the URL carries one');
  return page;
}
