/**
 * The one table of continuation markers (下转 / 上接 …). Every variant seen on real pages is a row
 * here with a real example; nothing else in the code base matches marker text.
 */
import type { Paragraph } from '../model';
import { normalizeLabel } from './labels';
import { SPACE_CLASS } from './chars';
import { isSpace, isZeroWidth } from './normalize';

export type MarkerDirection = 'to' | 'from';

export interface Marker {
  direction: MarkerDirection;
  /** Normalised target label, e.g. "A4". */
  label: string;
  /** The marker text exactly as printed, e.g. 「（下转第四版）」. */
  raw: string;
  /** A paragraph of its own, or at the start / end of a paragraph. */
  at: 'whole' | 'start' | 'end';
}

// A page label inside a marker: A4, A04, Ａ０４ (full-width), 4, 04, 第四版's 四, 十二; then 版 (or 页).
// Every repetition is bounded ({0,2}, {1,3}), so a match costs O(1) on the short slices we test.
const SP = `[${SPACE_CLASS}]{0,2}`; // the table's white space: U+3000 and NBSP included
const LABEL =
  String.raw`(?:第${SP})?([A-Za-zＡ-Ｚａ-ｚ]?${SP}[0-9０-９]{1,3}|[一二三四五六七八九十〇零两]{1,4})${SP}[版页]` +
  String.raw`(?:面)?`;
const OPEN = String.raw`[（(【\[〔]?`;
const CLOSE = String.raw`[）)】\]〕]?`;
// Arrows that point at the other part: 「◀上接A01版」 (海南日报), 「下转A04版▶」.
const ARROW = String.raw`[◀◁◄▶▷►]?`;

interface Row {
  direction: MarkerDirection;
  /** Words before the label (a regex fragment of fixed short words). */
  words: string;
  /** May the marker stand at the start ('from') or end ('to') of running text, or only alone? */
  inline: boolean;
  example: string;
}

// Order matters: longer words first, so 「下转」 is not read as 「转」 and 「紧接」 not as 「接」.
const ROWS: Row[] = [
  {
    direction: 'to',
    words: '下转',
    inline: true,
    example: '下转A4版 (株洲日报 seed), （下转第四版）, (下转第2版)',
  },
  {
    direction: 'to',
    words: '转至|转见|转',
    inline: false,
    example: '转4版, 转至第3版 — alone only: 「转」 is common prose',
  },
  {
    direction: 'from',
    words: '上接',
    inline: true,
    example: '上接A01版 (海南日报), ◀上接A01版, （上接第一版）',
  },
  { direction: 'from', words: '紧接', inline: true, example: '紧接A1版' },
  { direction: 'from', words: '接|承', inline: false, example: '接第4版, （承第1版） — alone only' },
];

function core(row: Row): string {
  return `${ARROW}${SP}${OPEN}${SP}(?:${row.words})${SP}${LABEL}${SP}${CLOSE}${SP}${ARROW}`;
}

const WHOLE = ROWS.map((row) => ({ row, re: new RegExp(`^${core(row)}$`) }));
// A 'from' marker opens part 2 (「上接A01版 技术团队…」); a 'to' marker closes part 1 (「…优势在哪？下转A4版」).
const START = ROWS.filter((r) => r.inline && r.direction === 'from').map((row) => ({
  row,
  re: new RegExp(`^${core(row)}`),
}));
const END = ROWS.filter((r) => r.inline && r.direction === 'to').map((row) => ({
  row,
  re: new RegExp(`${core(row)}$`),
}));

// A marker is at most ~20 characters (「◀ （ 下转 第 Ａ０４ 版 ） ▶」); we look at this much of each end.
const WINDOW = 32;
const HAS_PAGE_WORD = /[版页]/;

// Anything invisible around a marker (the one table's space and zero-width) is trimmed:
// 「\ufeff下转A4版」 is a whole-line marker.
const invisible = (c: number) => isSpace(c) || isZeroWidth(c);

function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && invisible(s.charCodeAt(i))) i++;
  return i;
}

function lastNonSpace(s: string): number {
  let i = s.length;
  while (i > 0 && invisible(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Find a continuation marker in one paragraph's text; null when there is none. O(1) past trimming. */
export function findMarker(text: string): Marker | null {
  if (!text) return null;
  const s = firstNonSpace(text);
  const e = lastNonSpace(text);
  if (e <= s) return null;
  if (e - s <= WINDOW) {
    const t = text.slice(s, e);
    for (const { row, re } of WHOLE) {
      const m = re.exec(t);
      if (m) return { direction: row.direction, label: normalizeLabel(m[1]), raw: t, at: 'whole' };
    }
  }
  const head = text.slice(s, Math.min(e, s + WINDOW));
  // Every marker has 版 or 页 in it: most paragraphs are ruled out without running a pattern.
  const tail = text.slice(Math.max(s, e - WINDOW), e);
  if (!HAS_PAGE_WORD.test(head) && !HAS_PAGE_WORD.test(tail)) return null;
  for (const { row, re } of START) {
    const m = re.exec(head);
    if (m && m[0].trim().length < e - s) return hit(row, m, 'start');
  }
  for (const { row, re } of END) {
    const m = re.exec(tail);
    if (m && m[0].trim().length < e - s) return hit(row, m, 'end');
  }
  return null;
}

function hit(row: Row, m: RegExpExecArray, at: 'start' | 'end'): Marker {
  return { direction: row.direction, label: normalizeLabel(m[1]), raw: m[0].trim(), at };
}

/** Remove a marker found by findMarker from its paragraph text; '' when the marker was the whole text. */
export function removeMarker(text: string, marker: Marker): string {
  if (marker.at === 'whole') return '';
  const t = text.slice(firstNonSpace(text), lastNonSpace(text));
  // raw is an exact slice of the printed text, so plain string ends are enough.
  if (marker.at === 'start' && t.startsWith(marker.raw)) return t.slice(marker.raw.length).trim();
  if (marker.at === 'end' && t.endsWith(marker.raw)) return t.slice(0, t.length - marker.raw.length).trim();
  return t;
}

/** What stripMarkers found: the paragraphs without markers, and where the story goes on / came from. */
export interface StrippedMarkers {
  paragraphs: Paragraph[];
  /** Normalised label of the last 下转 marker, '' when none. */
  continuesTo: string;
  /** Normalised label of the first 上接 marker, '' when none. */
  continuedFrom: string;
  /** Every marker removed, in order. */
  markers: Marker[];
}

/**
 * Remove marker paragraphs (「下转A4版」) and marker text at the start / end of a paragraph
 * (「◀上接A01版 技术团队…」) from an article's paragraphs, of any kind: a short marker line is easily
 * taken for a crosshead. Paragraphs are new objects; the input is not changed.
 */
export function stripMarkers(paragraphs: Paragraph[]): StrippedMarkers {
  const out: Paragraph[] = [];
  const markers: Marker[] = [];
  let continuesTo = '';
  let continuedFrom = '';
  for (const p of paragraphs ?? []) {
    if (!p) continue;
    const m = findMarker(p.text ?? '');
    if (!m) {
      out.push({ ...p });
      continue;
    }
    markers.push(m);
    if (m.direction === 'to') continuesTo = m.label;
    else if (!continuedFrom) continuedFrom = m.label;
    const rest = removeMarker(p.text, m);
    if (rest) out.push({ ...p, text: rest });
  }
  return { paragraphs: out, continuesTo, continuedFrom, markers };
}
