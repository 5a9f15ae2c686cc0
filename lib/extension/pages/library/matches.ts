/**
 * Where a search's parts occur in a shown text, so results can wrap them in <mark> elements as text
 * (never as HTML). Matching folds like the search does (lower case, full-width ASCII to ASCII,
 * zero-width characters skipped, any white space run as one space), so 「ＣＯＶＩＤ」 in a quote is
 * marked for the query 「covid」, and the marked span is always a slice of the original string.
 */
import { isSpace, isZeroWidth } from '../../../text/chars';

/** One piece of a text: `hit` pieces are shown in <mark>. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** The folded text and, for each folded code unit, the index of the original code unit. */
function fold(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    // Space and zero-width as in the one table (lib/text/chars.ts), which foldForSearch follows too.
    if (isZeroWidth(ch.charCodeAt(0))) continue;
    if (isSpace(ch.charCodeAt(0))) {
      if (lastSpace) continue;
      lastSpace = true;
      folded += ' ';
      at.push(i);
      continue;
    }
    lastSpace = false;
    const code = ch.charCodeAt(0);
    let f = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
    const lower = f.toLowerCase();
    if (lower.length === 1) f = lower;
    folded += f;
    at.push(i);
  }
  return { folded, at };
}

/** Original [start, end) ranges of every occurrence of every part, merged and in order. */
export function matchRanges(text: string, parts: readonly string[]): Array<[number, number]> {
  const wanted = parts.filter((p) => p.length > 0);
  if (!text || wanted.length === 0) return [];
  const { folded, at } = fold(text);
  const ranges: Array<[number, number]> = [];
  for (const part of wanted) {
    let from = 0;
    for (;;) {
      const i = folded.indexOf(part, from);
      if (i < 0) break;
      ranges.push([at[i], at[i + part.length - 1] + 1]);
      from = i + part.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The text cut into plain and matched pieces: 「防返贫」 with 「返贫」 → 防 | [返贫]. */
export function segments(text: string, parts: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of matchRanges(text, parts)) {
    if (s > pos) out.push({ text: text.slice(pos, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    pos = e;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), hit: false });
  return out;
}
