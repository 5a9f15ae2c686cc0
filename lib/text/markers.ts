/**
 * The one table of continuation markers (下转 / 上接 …). Every variant seen on real pages is a row
 * here with a real example; nothing else in the code base matches marker text.
 */
import { normalizeLabel, toHalfWidthAlnum } from './labels';

export type MarkerDirection = 'to' | 'from';

export interface Marker {
  direction: MarkerDirection;
  /** Normalised target label, e.g. "A4". */
  label: string;
  /** The marker text as printed, e.g. 「（下转第四版）」. */
  raw: string;
  /** A paragraph of its own, or at the start / end of a paragraph. */
  at: 'whole' | 'start' | 'end';
}

// A page label inside a marker: A4, A04, 4, 04, 第四版's 四, 十二. Bounded, so matching stays linear.
const LABEL = String.raw`(?:第\s?)?([A-Za-z]?\s?\d{1,3}|[一二三四五六七八九十〇零两]{1,4})\s?版`;
const OPEN = String.raw`[（(【\[]?`;
const CLOSE = String.raw`[）)】\]]?`;

interface Row {
  direction: MarkerDirection;
  /** Words before the label. */
  words: string;
  /** May the marker stand inside running text (start/end of a paragraph), or only alone? */
  inline: boolean;
  example: string;
}

const ROWS: Row[] = [
  {
    direction: 'to',
    words: '下转',
    inline: true,
    example: '下转A4版 (株洲日报 seed), （下转第四版）, (下转第2版)',
  },
  {
    direction: 'to',
    words: '转',
    inline: false,
    example: '转4版 — alone only: 「转」 is common in running text',
  },
  { direction: 'to', words: '转至', inline: false, example: '转至第3版' },
  {
    direction: 'from',
    words: '◀?\\s?上接',
    inline: true,
    example: '上接A01版 (海南日报), ◀上接A01版, （上接第一版）',
  },
  { direction: 'from', words: '紧接', inline: true, example: '紧接A1版' },
  { direction: 'from', words: '接', inline: false, example: '接第4版 — alone only' },
  { direction: 'from', words: '承', inline: false, example: '（承第1版）, rare older wording' },
];

function compile(row: Row, where: 'whole' | 'start' | 'end'): RegExp {
  const core = `${OPEN}\\s?(?:${row.words})\\s?${LABEL}${CLOSE}`;
  if (where === 'whole') return new RegExp(`^${core}$`);
  if (where === 'start') return new RegExp(`^${core}`);
  return new RegExp(`${core}$`);
}

const WHOLE = ROWS.map((r) => ({ row: r, re: compile(r, 'whole') }));
const START = ROWS.filter((r) => r.inline).map((r) => ({ row: r, re: compile(r, 'start') }));
const END = ROWS.filter((r) => r.inline).map((r) => ({ row: r, re: compile(r, 'end') }));

/** Find a continuation marker in one paragraph's text; null when there is none. */
export function findMarker(text: string): Marker | null {
  // Markers are short; looking at the ends of long paragraphs keeps this O(1) per paragraph.
  const t = toHalfWidthAlnum(text)
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
  if (!t) return null;
  if (t.length <= 24) {
    for (const { row, re } of WHOLE) {
      const m = re.exec(t);
      if (m) return { direction: row.direction, label: normalizeLabel(m[1]), raw: text.trim(), at: 'whole' };
    }
  }
  const head = t.slice(0, 24);
  for (const { row, re } of START) {
    const m = re.exec(head);
    if (m && t.length > m[0].length) return hit(row, m, 'start');
  }
  const tail = t.slice(-24);
  for (const { row, re } of END) {
    const m = re.exec(tail);
    if (m && t.length > m[0].length) return hit(row, m, 'end');
  }
  return null;
}

function hit(row: Row, m: RegExpExecArray, at: 'start' | 'end'): Marker {
  return { direction: row.direction, label: normalizeLabel(m[1]), raw: m[0].trim(), at };
}

/** Remove a marker found by findMarker from its paragraph text; '' when the marker was the whole text. */
export function removeMarker(text: string, marker: Marker): string {
  if (marker.at === 'whole') return '';
  const t = toHalfWidthAlnum(text)
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
  // Work on the half-width copy: the marker was matched there, the rest of the text is unchanged by it
  // except full-width digits/letters, which we restore from the original where lengths agree.
  const cut = marker.at === 'start' ? t.slice(marker.raw.length) : t.slice(0, t.length - marker.raw.length);
  const original = text.trim();
  if (original.length === t.length) {
    return (marker.at === 'start' ? original.slice(marker.raw.length) : original.slice(0, cut.length)).trim();
  }
  return cut.trim();
}
