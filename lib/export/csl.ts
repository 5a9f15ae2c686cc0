/**
 * CSL-JSON for the articles behind clips, for Zotero and any CSL processor (type
 * `article-newspaper`). Chinese names go in as `{literal}`: splitting 「欧阳修」 into family/given
 * is guesswork, and a literal name is printed as is.
 */
import type { Clip, LibraryData, SourceRef } from '../model';
import { groupByArticle } from './selection';
import { authorsOf } from './bylines';
import { citationUrl } from './citation';
import { flattenParagraph } from './text';

/** One CSL date: {"date-parts": [[2022, 2, 7]]}. */
export interface CslDate {
  'date-parts': number[][];
}

/** The fields of a CSL item this export writes. */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  issued?: CslDate;
  page?: string;
  /** 版名 of the page the article starts on (CSL `section`: 「要闻」). */
  section?: string;
  author?: Array<{ literal: string }>;
  URL?: string;
  accessed?: CslDate;
  language: string;
}

/** 「2022-02-07」 → [[2022, 2, 7]]; partial dates keep what they have; anything else → undefined. */
export function cslDate(ymd: string): CslDate | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(ymd.trim());
  if (!m) return undefined;
  return { 'date-parts': [[m[1], m[2], m[3]].filter((x) => x !== undefined).map(Number)] };
}

/**
 * CSL `page`: every page the story runs on, as CSL writes a locator: a run of consecutive pages as a
 * range (「1」「2」 → "1-2", 「A1」「A2」 → "A1-A2"), pages apart as a list (「A1」「A4」 → "A1, A4").
 */
export function cslPage(pages: readonly string[]): string {
  const ps = [...new Set(pages.map((p) => p.trim()).filter((p) => p !== ''))];
  if (ps.length < 2) return ps[0] ?? '';
  const parsed = ps.map((p) => /^([A-Za-z]*)(\d+)$/.exec(p));
  const run = parsed.every(
    (m, i) => m && m[1] === parsed[0]![1] && (i === 0 || Number(m[2]) === Number(parsed[i - 1]![2]) + 1),
  );
  return run ? `${ps[0]}-${ps[ps.length - 1]}` : ps.join(', ');
}

/** One article as a CSL item; `accessed` (YYYY-MM-DD) is the caller's clock. */
export function cslItem(s: SourceRef, opts: { accessed?: string } = {}): CslItem {
  const title = flattenParagraph(s.title || s.leadTitle || s.subtitle) || '无题';
  const subtitle = flattenParagraph(s.subtitle);
  const item: CslItem = {
    id: s.articleKey,
    type: 'article-newspaper',
    // 副题 joins with a full-width colon, as Chinese catalogues write 主题：副题.
    title: subtitle && subtitle !== title ? title + '：' + subtitle : title,
    language: 'zh-CN',
  };
  if (s.paper.trim()) item['container-title'] = s.paper.trim();
  const issued = cslDate(s.date);
  if (issued) item.issued = issued;
  const page = cslPage(s.pages);
  if (page) item.page = page;
  const section = flattenParagraph(s.section ?? '').trim();
  if (section) item.section = section;
  const authors = authorsOf(s.bylines);
  if (authors.length) item.author = authors.map((literal) => ({ literal }));
  const url = citationUrl(s.urls);
  if (url) {
    item.URL = url;
    const accessed = cslDate(opts.accessed ?? '');
    if (accessed) item.accessed = accessed;
  }
  return item;
}

/** CSL items for the articles behind the clips, one per article key, in first-clip order. */
export function clipsCsl(clips: readonly Clip[], opts: { accessed?: string } = {}): CslItem[] {
  const seen = new Set<string>();
  const out: CslItem[] = [];
  for (const c of clips) {
    const key = c.source.articleKey || c.articleKey;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(cslItem({ ...c.source, articleKey: key }, opts));
  }
  return out;
}

/** CSL items for every article with clips or highlights, in the order of the Markdown export. */
export function libraryCsl(data: LibraryData, opts: { accessed?: string } = {}): CslItem[] {
  return groupByArticle(data).map((g) => cslItem({ ...g.source, articleKey: g.key }, opts));
}

/** The CSL-JSON file text (an array of items), ready to import into Zotero. */
export function cslJson(items: readonly CslItem[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}
