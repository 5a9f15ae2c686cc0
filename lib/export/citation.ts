/**
 * GB/T 7714 newspaper citations (文献类型标识 N), 2015 and 2025 punctuation.
 * 2015: 「李军, 谭雪平, 陈志. 乡村振兴“开卷” 株洲这样作答[N]. 株洲日报, 2022-02-07(A1).」
 * 2025: 「李军，谭雪平，陈志. 乡村振兴“开卷” 株洲这样作答[N]. 株洲日报，2022-02-07（A1）.」
 */
import type { SourceRef } from '../model';
import { agencyOf, authorsOf } from './bylines';
import { stripZeroWidth } from './text';

export type CitationStyle = '2015' | '2025';

export interface CitationOptions {
  style: CitationStyle;
  /** 引用日期 YYYY-MM-DD; only printed for an online ([N/OL]) citation. */
  accessed?: string;
  /** URL to cite; defaults to the source's first http(s) URL. '' forces a print citation ([N]). */
  url?: string;
}

/** At most three 主要责任者, then 「等」 (GB/T 7714 8.1.2). */
const MAX_AUTHORS = 3;

interface Punct {
  comma: string;
  colon: string;
  open: string;
  close: string;
}

// 2025 uses full-width 「，：（）」 inside Chinese entries (domain.md §6); the element separator
// 「. 」 and the brackets of [N] and [引用日期] stay as in 2015.
const PUNCT: Record<CitationStyle, Punct> = {
  '2015': { comma: ', ', colon: ': ', open: '(', close: ')' },
  '2025': { comma: '，', colon: '：', open: '（', close: '）' },
};

function clean(s: string): string {
  return stripZeroWidth(s)
    .replace(/[\s\u3000\u00A0]+/g, ' ')
    .trim();
}

/**
 * 主要责任者: names from the bylines, three at most, then 「, 等」 / 「，等」; with no person named, the
 * agency of a dateline (「新华社北京2月10日电」 → 新华社).
 */
export function citationAuthors(bylines: readonly string[], style: CitationStyle): string {
  const people = authorsOf(bylines);
  const agency = people.length ? '' : agencyOf(bylines);
  const names = agency ? [agency] : people;
  const p = PUNCT[style];
  const shown = names.slice(0, MAX_AUTHORS).join(p.comma);
  return names.length > MAX_AUTHORS ? shown + p.comma + '等' : shown;
}

/**
 * 版次: the page where the article starts. A story that runs A1 → A4 is cited as (A1), as a
 * reader would cite it from the front page; every page is still listed in exports' front matter.
 */
export function citationPage(pages: readonly string[]): string {
  return clean(pages.find((p) => clean(p) !== '') ?? '');
}

/** 题名 with its 其他题名信息 (副题) after a colon; falls back to 引题 when the 主题 is empty. */
export function citationTitle(source: SourceRef, style: CitationStyle): string {
  const title = clean(source.title) || clean(source.subtitle) || clean(source.leadTitle) || '无题';
  const subtitle = clean(source.subtitle);
  return subtitle && subtitle !== title ? title + PUNCT[style].colon + subtitle : title;
}

/**
 * The URL an online citation ([N/OL]) gives: the first http(s) address. A file:// path (the CLI
 * reading a saved page) is no 获取和访问路径 for anyone else, so such a source is cited as print [N].
 */
export function citationUrl(urls: readonly string[]): string {
  return urls.map(clean).find((u) => /^https?:\/\/\S+$/i.test(u)) ?? '';
}

/** How citation parts are written: as is (plain text) or escaped for Markdown. */
export interface CitationWriter {
  /** Page text: names, title, paper, page label. */
  text: (s: string) => string;
  /** The URL. */
  url: (u: string) => string;
}

const PLAIN: CitationWriter = { text: (s) => s, url: (u) => u };

/**
 * The reference built from parts, so Markdown can escape page text (a title may hold 「[」 or 「<」)
 * while the standard's own 「[N]」「[N/OL]」「[引用日期]」 stay literal.
 */
export function formatCitation(source: SourceRef, opts: CitationOptions, w: CitationWriter = PLAIN): string {
  // 2025's full-width punctuation is for Chinese entries; an English-language paper (China Daily)
  // keeps the half-width 「, : ()」 of the 2015 layout.
  const chinese = /[\u3400-\u9FFF]/.test(source.title + source.paper + source.subtitle);
  const style: CitationStyle = opts.style === '2025' && chinese ? '2025' : '2015';
  const p = PUNCT[style];
  const url = opts.url === undefined ? citationUrl(source.urls) : citationUrl([opts.url]);
  const authors = citationAuthors(source.bylines, style);
  const page = citationPage(source.pages);
  const paper = clean(source.paper);
  const date = clean(source.date);

  let out = authors ? w.text(authors) + '. ' : '';
  out += w.text(citationTitle(source, style)) + (url ? '[N/OL]' : '[N]');
  // 出版项: 「报纸名, 出版日期(版次)」; parts that are unknown are left out, never invented.
  const where = [paper, date].filter((x) => x !== '').join(p.comma);
  const pageText = page ? p.open + page + p.close : '';
  if (where || pageText) out += '. ' + w.text(where + pageText);
  if (url) {
    const accessed = clean(opts.accessed ?? '');
    if (/^\d{4}-\d{2}-\d{2}$/.test(accessed)) out += '[' + accessed + ']';
    out += '. ' + w.url(url);
  }
  return out + '.';
}

/** One GB/T 7714 reference for a newspaper article, as plain text (no Markdown). Never throws. */
export function citeGBT7714(source: SourceRef, opts: CitationOptions): string {
  return formatCitation(source, opts);
}
