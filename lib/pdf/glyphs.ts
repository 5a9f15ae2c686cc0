/**
 * PDF stage 1: items → glyphs. pdf.js gives runs of text with a start point and a total advance; the
 * reader needs each character's place, because Founder PDFs draw headlines and chart notes twice,
 * in overlapping pieces (「新时代」 「新时代：」 「：」 「发展新方位」 「发展新方位」, 「国家统计局」 「国家统计局2017」
 * 「2017年」…): the same character at the same spot is one character. Positions are estimated inside
 * an item (CJK and full-width forms one em, other characters half an em, spaces only mark a gap,
 * the rest of the advance spread evenly: letter-spaced headlines and justified lines).
 */
import type { PdfPageText, PdfTextItem } from './types';

/** One drawn character. (x, y): its start on the baseline (horizontal) or its top (vertical). */
export interface Glyph {
  ch: string;
  x: number;
  y: number;
  /** Advance along the line, points. */
  adv: number;
  size: number;
  vertical: boolean;
  font: string;
  /** The item had white space right before this character (a printed space between Latin words). */
  spaceBefore: boolean;
  /** Drawn one em wide (CJK, full-width, or vertical). */
  wide: boolean;
}

// Wide characters: CJK, kana, hangul, full-width forms and CJK punctuation (「，」 「“」 are wide in
// these fonts: pdf.js gives 「“经过长期努力，」 an advance of 8.3 × 8.3 pt for 9 characters at 8.3 pt).
// Code point ranges, not a regular expression: this runs for every character of the page.
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x11ff], // hangul jamo
  [0x2014, 0x2014], // 「——」
  [0x2018, 0x201d], // 「“」 「”」 「‘」 「’」
  [0x2026, 0x2026], // 「……」
  [0x2e80, 0x9fff], // CJK radicals, 「、」 「。」, kana, ideographs
  [0xac00, 0xd7af], // hangul syllables
  [0xf900, 0xfaff], // compatibility ideographs
  [0xfe30, 0xfe4f], // vertical forms
  [0xff00, 0xff60], // full-width forms 「，」 「：」 「（」
  [0xffe0, 0xffe6],
  [0x20000, 0x3ffff], // extension B and later 「𠮷」
];

/** Is the character drawn one em wide (CJK and full-width) rather than about half an em? */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x1100) return false;
  for (const [a, b] of WIDE_RANGES) if (c >= a && c <= b) return true;
  return false;
}

const isSpaceCode = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0 || (c >= 0x09 && c <= 0x0d);

function isTextItem(it: PdfTextItem | { type: string }): it is PdfTextItem {
  return typeof (it as PdfTextItem).str === 'string' && Array.isArray((it as PdfTextItem).transform);
}

function explode(it: PdfTextItem, vertical: boolean, out: Glyph[]): void {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = it.transform;
  const size = Math.hypot(a, b) || Math.hypot(c, d) || it.height || 1;
  const chars: Array<{ ch: string; em: number; space: boolean }> = [];
  let pendingSpace = false;
  for (const ch of it.str) {
    if (isSpaceCode(ch.charCodeAt(0))) {
      pendingSpace = true;
      continue;
    }
    chars.push({ ch, em: vertical || isWide(ch) ? 1 : 0.5, space: pendingSpace });
    pendingSpace = false;
  }
  if (!chars.length) return;
  const natural = chars.reduce((s, g) => s + g.em, 0) * size;
  const advance = Math.abs(vertical ? it.height || it.width : it.width) || natural;
  // Condensed runs shrink each glyph; letter-spaced and justified runs share the extra among the gaps.
  const scale = advance < natural ? advance / natural : 1;
  const gap = advance > natural && chars.length > 1 ? (advance - natural) / (chars.length - 1) : 0;
  let at = 0;
  for (const g of chars) {
    const adv = g.em * size * scale;
    out.push({
      ch: g.ch,
      wide: g.em === 1,
      x: vertical ? e : e + at,
      y: vertical ? f - at : f,
      adv,
      size,
      vertical,
      font: it.fontName,
      spaceBefore: g.space,
    });
    at += adv + gap;
  }
}

/** Every glyph of the page in stream order, the second drawing of a character at the same spot dropped. */
export function pageGlyphs(text: PdfPageText): Glyph[] {
  const all: Glyph[] = [];
  for (const it of text.items) {
    if (!isTextItem(it) || !it.str) continue;
    const vertical = it.dir === 'ttb' || text.styles?.[it.fontName]?.vertical === true;
    explode(it, vertical, all);
  }
  return dedupe(all);
}

// Small integer keys (15 bits a coordinate): V8 hashes them faster than doubles. Cells wrap
// every 32768 cells (kilometres of page), far beyond any neighbour that could collide.
const cellKey = (cx: number, cy: number) => ((cx & 0x7fff) << 15) | (cy & 0x7fff);

/**
 * Drop a glyph when the same character was already drawn within about half its advance. Cells of
 * 0.35 advance and their neighbours: two real neighbours 「11」 are a whole advance apart, never merged.
 */

function dedupe(glyphs: Glyph[]): Glyph[] {
  // Numeric keys (size class → cell → the characters drawn there): string keys cost 20 ms a page.
  const bySize = new Map<number, Map<number, string>>();
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const wide = g.wide;
    // The nominal advance, not the estimated one: two drawings split into different items agree on it.
    const cell = g.size * (wide ? 1 : 0.5) * 0.35;
    const sizeKey = Math.round(g.size * 4) * 4 + (g.vertical ? 2 : 0) + (wide ? 1 : 0);
    let cells = bySize.get(sizeKey);
    if (!cells) bySize.set(sizeKey, (cells = new Map()));
    const cx = Math.round(g.x / cell);
    const cy = Math.round(g.y / cell);
    let dup = false;
    for (let dx = -1; dx <= 1 && !dup; dx++)
      for (let dy = -1; dy <= 1 && !dup; dy++)
        dup = cells.get(cellKey(cx + dx, cy + dy))?.includes(g.ch) ?? false;
    if (dup) continue;
    const key = cellKey(cx, cy);
    cells.set(key, (cells.get(key) ?? '') + g.ch);
    out.push(g);
  }
  return out;
}
