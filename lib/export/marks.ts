/**
 * Highlights placed inline in exported paragraphs, as `==text==` or `<mark>text</mark>`.
 * Quotes are found by their exact text (white space ignored, so 「　　」 and NBSP do not matter),
 * using prefix/suffix and the paragraph index only to choose among repeats.
 */
import type { Highlight, HighlightColor } from '../model';
import { SPACE_CLASS, ZERO_WIDTH_CLASS } from '../text/chars';
import { escapeInline } from './text';

/** How highlights are written: `==text==` (Obsidian, Typora) or `<mark>text</mark>` (CommonMark). */
export type MarkStyle = 'equals' | 'html';

/** A highlighted span [start, end) of one paragraph's text, in its highlight's colour. */
export interface Span {
  start: number;
  end: number;
  color?: HighlightColor;
}

/**
 * The colours as the library page shows them. Yellow is `==text==`'s own colour in Obsidian and
 * Typora; the others are kept as `<mark style="background: …">`, which both render (Obsidian's
 * Highlightr plugin writes the same), so a reader's green and pink survive the export.
 */
export const MARK_COLORS: Record<HighlightColor, string> = {
  yellow: '#ffe066',
  green: '#b2f2bb',
  blue: '#a5d8ff',
  pink: '#fcc2d7',
  purple: '#d0bfff',
};

// Everything invisible in the one table (lib/text/chars.ts): white space and zero-width characters.
const WS = new RegExp(`[${SPACE_CLASS}${ZERO_WIDTH_CLASS}]`);
const WS_G = new RegExp(WS.source, 'g');

/** Text without white space and, when anything was removed, each kept character's original index. */
interface Compact {
  text: string;
  /** null: nothing was removed, indexes are the same. */
  map: number[] | null;
}

function compact(s: string): Compact {
  // Most paragraphs have no white space at all (Chinese text): no copy, no index map.
  if (!WS.test(s)) return { text: s, map: null };
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) if (!WS.test(s[i])) map.push(i);
  return { text: s.replace(WS_G, ''), map };
}

function strip(s: string): string {
  return s.replace(WS_G, '');
}

/** Longest common suffix length of a and b, capped (used to score a candidate's prefix). */
function commonSuffix(a: string, b: string, cap: number): number {
  let n = 0;
  while (n < cap && n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string, cap: number): number {
  let n = 0;
  while (n < cap && n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where each highlight falls in the given paragraphs (texts as exported, `indexes` their article
 * paragraph numbers). Returns spans per paragraph position and the highlights not found.
 */
export function placeHighlights(
  paragraphs: readonly string[],
  indexes: readonly number[],
  highlights: readonly Highlight[],
): { spans: Span[][]; unplaced: Highlight[] } {
  const spans: Span[][] = paragraphs.map(() => []);
  const unplaced: Highlight[] = [];
  if (highlights.length === 0) return { spans, unplaced };
  const parts = paragraphs.map(compact);
  // One string over all paragraphs so a quote that crosses a paragraph break is found too.
  const starts: number[] = [];
  let all = '';
  for (const p of parts) {
    starts.push(all.length);
    all += p.text;
  }
  for (const h of highlights) {
    const exact = strip(h.selectors.exact);
    if (exact === '') {
      unplaced.push(h);
      continue;
    }
    const hint = indexes.indexOf(h.selectors.paragraph);
    const hintAt = hint >= 0 ? starts[hint] : 0;
    const prefix = strip(h.selectors.prefix);
    const suffix = strip(h.selectors.suffix);
    let best = -1;
    let bestScore = -Infinity;
    let tries = 0;
    for (let at = all.indexOf(exact); at >= 0 && tries < 64; at = all.indexOf(exact, at + 1), tries++) {
      const score =
        4 * commonSuffix(all.slice(Math.max(0, at - 32), at), prefix, 32) +
        4 * commonPrefix(all.slice(at + exact.length, at + exact.length + 32), suffix, 32) -
        Math.abs(at - hintAt) / 1e6;
      if (score > bestScore) {
        bestScore = score;
        best = at;
      }
    }
    if (best < 0) {
      unplaced.push(h);
      continue;
    }
    addSpans(spans, parts, starts, best, best + exact.length, h.color);
  }
  return { spans: spans.map(mergeSpans), unplaced };
}

function addSpans(
  spans: Span[][],
  parts: Compact[],
  starts: number[],
  from: number,
  to: number,
  color: HighlightColor,
): void {
  for (let i = 0; i < parts.length; i++) {
    const a = Math.max(from, starts[i]);
    const b = Math.min(to, starts[i] + parts[i].text.length);
    if (a >= b) continue;
    const map = parts[i].map;
    const from0 = a - starts[i];
    const to0 = b - 1 - starts[i];
    spans[i].push(
      map ? { start: map[from0], end: map[to0] + 1, color } : { start: from0, end: to0 + 1, color },
    );
  }
}

function mergeSpans(list: Span[]): Span[] {
  if (list.length < 2) return list;
  const sorted = [...list].sort((x, y) => x.start - y.start);
  const out: Span[] = [{ ...sorted[0] }];
  for (const s of sorted.slice(1)) {
    const last = out[out.length - 1];
    // Overlapping highlights become one mark, in the colour of the one that starts first.
    if (s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** CommonMark punctuation (Unicode P and S) and white space: what must not sit inside a delimiter. */
const EDGE = /[\p{P}\p{S}\s\u3000]/u;

/** The opening tag for a colour: plain `<mark>` for yellow (or no colour), else with its background. */
function markTag(color: HighlightColor | undefined): string {
  return !color || color === 'yellow' ? '<mark>' : `<mark style="background: ${MARK_COLORS[color]}">`;
}

/**
 * One paragraph with its spans marked, page text escaped. With `==`, punctuation at a span's edge
 * moves outside the delimiters: 「真，」 marked gives 「==真==，」, never 「==真，==」, which CommonMark
 * would not read as a mark next to a full-width 「，」 (domain.md §6).
 */
export function renderMarked(text: string, spans: readonly Span[], style: MarkStyle): string {
  if (spans.length === 0) return escapeInline(text);
  // Pieces are escaped one by one, so every 「=」 and 「%」 is escaped (strict): lone ones from two
  // pieces must not meet as 「==」 next to a delimiter.
  const esc = (from: number, to: number) => escapeInline(text.slice(from, to), true);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos || s.end > text.length || s.start >= s.end) continue;
    out += esc(pos, s.start);
    let a = s.start;
    let b = s.end;
    if (style === 'equals') {
      while (a < b && EDGE.test(text[a])) a++;
      while (b > a && EDGE.test(text[b - 1])) b--;
    }
    const html = markTag(s.color);
    if (a >= b) {
      // Nothing but punctuation (「！」): no delimiter can hold it, HTML can.
      out += html + esc(s.start, s.end) + '</mark>';
    } else {
      const [open, close] = style === 'equals' && html === '<mark>' ? ['==', '=='] : [html, '</mark>'];
      out += esc(s.start, a) + open + esc(a, b) + close + esc(b, s.end);
    }
    pos = s.end;
  }
  return out + esc(pos, text.length);
}
