/**
 * PDF stage 3: lines → the page's parts. Masthead lines (page label, date) at the top; body runs
 * (consecutive body-size lines in stream order, with the crossheads set between them); heading
 * clusters (headlines, 引题, bylines set larger than the body, near each other). pdf.js's stream
 * keeps an article's body together and in reading order, and draws its headline and byline after it
 * (domain.md §8): a heading that is not a crosshead ends a run. Which headline belongs to which run is
 * decided by position (match.ts), never by order.
 */
import { charLength } from '../text/normalize';
import { lineText, type Line } from './lines';
import type { Box } from './types';

/** A run of body text: its lines in stream order; `crossheads` holds the indexes of crosshead lines. */
export interface Run {
  lines: Line[];
  crossheads: Set<Line>;
  chars: number;
}

/** Headline lines near each other: 引题, 主题, 副题 and the author's name. */
export interface Cluster extends Box {
  lines: Line[];
  size: number;
  vertical: boolean;
}

/** The page cut into its parts. */
export interface Layout {
  body: number;
  masthead: Line[];
  runs: Run[];
  clusters: Cluster[];
}

// A heading is set at least this much larger than the body (bylines 9.7 pt over 8.3 pt body), or vertically.
const HEADING = 1.12;
// A crosshead is at most this much larger (12.9 pt over 8.3 pt) and short.
const CROSSHEAD_MAX = 1.9;
const CROSSHEAD_CHARS = 40;
// The masthead band: baselines in the top 6% of the page (「7 理论」 「2018年1月2日 星期二」 at 1398 of 1438 pt).
const MASTHEAD_BAND = 0.06;

function isHeading(l: Line, body: number): boolean {
  return l.vertical || l.size >= HEADING * body;
}

/**
 * Lines [i, j) of headings are crossheads when body text comes right before and after them in the
 * stream and the text after starts right under them (「新时代的鲜明主题」 between two paragraphs of the lead article).
 */
function isCrosshead(lines: Line[], i: number, j: number, body: number): boolean {
  const prev = lines[i - 1];
  const next = lines[j];
  if (!prev || !next || isHeading(prev, body) || isHeading(next, body)) return false;
  const group = lines.slice(i, j);
  if (group.some((l) => l.vertical || l.size > CROSSHEAD_MAX * body)) return false;
  if (group.reduce((n, l) => n + l.glyphs.length, 0) > CROSSHEAD_CHARS) return false;
  // The body goes on right under it; the text before may be the foot of the previous column.
  const below = Math.min(...group.map((l) => l.bottom)) - next.top;
  return below > -next.size && below < 4 * next.size;
}

/** Cut the lines into masthead, runs and heading clusters. `height`: the page's height in points. */
export function layout(lines: Line[], body: number, height: number): Layout {
  const masthead: Line[] = [];
  const headings: Line[] = [];
  const runs: Run[] = [];
  let run: Run | null = null;
  const close = () => {
    if (run && run.lines.length) runs.push(run);
    run = null;
  };
  const push = (l: Line, crosshead: boolean) => {
    run ??= { lines: [], crossheads: new Set(), chars: 0 };
    run.lines.push(l);
    run.chars += l.glyphs.length;
    if (crosshead) run.crossheads.add(l);
  };
  const rest = lines.filter((l) => {
    const top = !l.vertical && l.y > height * (1 - MASTHEAD_BAND);
    if (top) masthead.push(l);
    return !top;
  });
  for (let i = 0; i < rest.length; i++) {
    const l = rest[i];
    if (!isHeading(l, body)) {
      push(l, false);
      continue;
    }
    let j = i;
    while (j < rest.length && isHeading(rest[j], body)) j++;
    if (isCrosshead(rest, i, j, body)) {
      for (let k = i; k < j; k++) push(rest[k], true);
    } else {
      close();
      headings.push(...rest.slice(i, j));
    }
    i = j - 1;
  }
  close();
  return { body, masthead, runs, clusters: cluster(headings) };
}

/** Gap between two boxes (0 when they touch or overlap), the larger of the two axes. */
export function gap(a: Box, b: Box): number {
  const dx = Math.max(0, a.x0 - b.x1, b.x0 - a.x1);
  const dy = Math.max(0, a.bottom - b.top, b.bottom - a.top);
  return Math.max(dx, dy);
}

// Heading lines closer than this many ems of the larger one are one cluster (陈曙光 0.5 em under its
// 44 pt headline; the 引题 「让中国特色社会主义展现出更加强大生命力」 0.45 em over its 主题).
const CLUSTER_GAP = 0.9;

/** Group heading lines that sit close together (union-find; few lines, quadratic is fine). */
function cluster(lines: Line[]): Cluster[] {
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++)
      if (gap(lines[i], lines[j]) < CLUSTER_GAP * Math.max(lines[i].size, lines[j].size))
        parent[find(i)] = find(j);
  const groups = new Map<number, Line[]>();
  lines.forEach((l, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), l]);
  });
  return [...groups.values()].map((ls) => {
    const main = ls.reduce((m, l) => (l.size > m.size ? l : m), ls[0]);
    return {
      lines: ls,
      size: main.size,
      vertical: main.vertical,
      x0: Math.min(...ls.map((l) => l.x0)),
      x1: Math.max(...ls.map((l) => l.x1)),
      bottom: Math.min(...ls.map((l) => l.bottom)),
      top: Math.max(...ls.map((l) => l.top)),
    };
  });
}

/** A short name set a little larger than the body, on its own: 「陈曙光」, 「欧阳辉」. */
export function isNameLine(l: Line, body: number): boolean {
  const t = lineText(l);
  return l.size <= 1.4 * body && charLength(t) <= 8 && !/[，。：；！？、]/.test(t);
}
