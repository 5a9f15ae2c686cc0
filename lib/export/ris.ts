/**
 * RIS for the articles behind clips and highlights, beside CSL-JSON: Zotero, EndNote and NoteExpress
 * (common in China) all import it. One `TY  - NEWS` record per article; the tags are the ones
 * Zotero's own RIS translator writes for a newspaperArticle (T2 paper, SP/EP pages, SE 版名, Y2
 * access date, N1 notes, KW tags). Lines end in CRLF, as the RIS format asks.
 */
import type { Clip, Highlight, LibraryData, SourceRef } from '../model';
import { authorsOf } from './bylines';
import { citationTitle, citationUrl } from './citation';
import { groupByArticle } from './selection';
import { flattenParagraph } from './text';

/** One tag line's value: one line, no zero-width or control characters. */
function value(s: string): string {
  return flattenParagraph(s)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** RIS dates: 「2022-02-07」 → 「2022/02/07/」 (DA, Y2). */
function risDate(ymd: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(ymd.trim());
  return m ? `${m[1]}/${m[2] ?? ''}/${m[3] ?? ''}/` : '';
}

/** A clip or highlight as one N1 note: 「quote」 and the reader's note. */
function noteOf(quote: string, note: string): string {
  const q = value(quote);
  const n = value(note.replace(/\r\n?|\n/g, ' '));
  return [q ? `「${q}」` : '', n].filter((x) => x !== '').join(' ');
}

/** Options: the access date (YYYY-MM-DD, the caller's clock). */
export interface RisOptions {
  accessed?: string;
}

/** One article as a RIS record (the lines, without line ends). */
export function risRecord(
  s: SourceRef,
  clips: readonly Clip[] = [],
  highlights: readonly Highlight[] = [],
  opts: RisOptions = {},
): string[] {
  const lines: string[] = ['TY  - NEWS'];
  const add = (tag: string, v: string) => {
    const text = value(v);
    if (text) lines.push(`${tag}  - ${text}`);
  };
  add('TI', citationTitle(s, '2025'));
  for (const a of authorsOf(s.bylines)) add('AU', a);
  add('T2', s.paper);
  const date = risDate(s.date);
  if (date) {
    add('PY', s.date.slice(0, 4));
    add('DA', date);
  }
  const pages = s.pages.map(value).filter((p) => p !== '');
  if (pages.length) add('SP', pages[0]);
  if (pages.length > 1) add('EP', pages[pages.length - 1]);
  add('SE', s.section ?? '');
  add('LA', 'zh-CN');
  const url = citationUrl(s.urls);
  if (url) {
    add('UR', url);
    add('Y2', risDate(opts.accessed ?? ''));
  }
  const tags = new Set([...clips.flatMap((c) => c.tags), ...highlights.flatMap((h) => h.tags)].map(value));
  for (const t of tags) add('KW', t);
  for (const c of clips) add('N1', noteOf(c.paragraphs.join(''), c.note));
  for (const h of highlights) add('N1', noteOf(h.selectors.exact, h.note));
  lines.push('ER  - ');
  return lines;
}

/** The RIS file for every article with clips or highlights, in the order of the Markdown export. */
export function libraryRis(data: LibraryData, opts: RisOptions = {}): string {
  return groupByArticle(data)
    .map((g) => risRecord({ ...g.source, articleKey: g.key }, g.clips, g.highlights, opts).join('\r\n'))
    .map((r) => r + '\r\n')
    .join('\r\n');
}
