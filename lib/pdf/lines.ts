/**
 * PDF stage 2: glyphs → lines, in stream order. A line ends where the next glyph leaves its baseline,
 * changes size, steps back or jumps more than a few ems (the next column). Vertical glyphs
 * (Identity-V headlines and authors, 「意气风发走进新时代」 「欧阳辉」) make vertical lines of their own.
 */
import type { Glyph } from './glyphs';
import type { Box } from './types';

/** One printed line: its glyphs in reading order and its box. */
export interface Line extends Box {
  glyphs: Glyph[];
  /** Baseline (horizontal) or x (vertical). */
  y: number;
  size: number;
  vertical: boolean;
  /** Position in the stream (0-based). */
  index: number;
}

// Within a line the next glyph may sit up to JUMP ems past the last one (justified gaps are under an
// em; 「发展新方位 奋进新目标」 has 0.63 em); past that it is another column on the same baseline.
const JUMP = 2.5;

function fits(line: Line, g: Glyph): boolean {
  if (g.vertical !== line.vertical || Math.abs(g.size - line.size) > 0.15 * line.size) return false;
  const last = line.glyphs[line.glyphs.length - 1];
  if (line.vertical) {
    if (Math.abs(g.x - line.y) > 0.35 * line.size) return false;
    const end = last.y - last.adv;
    return g.y <= last.y + 0.5 * g.size && end - g.y <= JUMP * g.size;
  }
  if (Math.abs(g.y - line.y) > 0.35 * line.size) return false;
  const end = last.x + last.adv;
  return g.x >= end - 0.6 * g.size && g.x - end <= JUMP * g.size;
}

function open(g: Glyph, index: number): Line {
  const line: Line = {
    glyphs: [],
    y: g.vertical ? g.x : g.y,
    size: g.size,
    vertical: g.vertical,
    index,
    x0: 0,
    x1: 0,
    bottom: 0,
    top: 0,
  };
  add(line, g);
  return line;
}

function add(line: Line, g: Glyph): void {
  const first = line.glyphs.length === 0;
  line.glyphs.push(g);
  const box: Box = g.vertical
    ? { x0: g.x, x1: g.x + g.size, bottom: g.y - g.adv, top: g.y }
    : { x0: g.x, x1: g.x + g.adv, bottom: g.y - 0.2 * g.size, top: g.y + 0.85 * g.size };
  if (first) Object.assign(line, box);
  else {
    line.x0 = Math.min(line.x0, box.x0);
    line.x1 = Math.max(line.x1, box.x1);
    line.bottom = Math.min(line.bottom, box.bottom);
    line.top = Math.max(line.top, box.top);
  }
}

/** Group the glyphs into lines, in stream order. Linear. */
export function toLines(glyphs: readonly Glyph[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const g of glyphs) {
    if (cur && fits(cur, g)) add(cur, g);
    else {
      cur = open(g, lines.length);
      lines.push(cur);
    }
  }
  return lines;
}

/**
 * The line's text. Spaces are printed only between two narrow (Latin, digit, ASCII punctuation)
 * characters (a space in the item, or a gap of a fifth of an em: 「year, the」); CJK never gets one: justified lines spread their characters
 * (「加 宏 大 ，愿 景」 in a layout extractor) and that is not a word break. `wordGaps` (headlines):
 * a gap of half an em or more is a space, as printed (「新时代：发展新方位 奋进新目标」).
 */
export function lineText(line: Line, opts: { wordGaps?: boolean } = {}): string {
  let out = '';
  for (let i = 0; i < line.glyphs.length; i++) {
    const g = line.glyphs[i];
    if (i > 0) {
      const p = line.glyphs[i - 1];
      const gap = line.vertical ? p.y - p.adv - g.y : g.x - (p.x + p.adv);
      const latin = !p.wide && !g.wide;
      if ((latin && (g.spaceBefore || gap > 0.2 * g.size)) || (opts.wordGaps && gap >= 0.5 * g.size))
        out += ' ';
    }
    out += g.ch;
  }
  return out;
}

/** The size most of the page's horizontal text is set in (by characters): the body size. */
export function bodySize(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) {
    if (l.vertical) continue;
    const k = Math.round(l.size * 10) / 10;
    counts.set(k, (counts.get(k) ?? 0) + l.glyphs.length);
  }
  let best = 0;
  let n = -1;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best || 10;
}
