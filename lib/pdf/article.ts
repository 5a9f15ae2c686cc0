/**
 * PDF stage 5: one run (and the cluster that heads it) → an article's fields. Paragraphs start at an
 * indented line (two ems in from the column's edge); crossheads are their own paragraphs; lines are
 * joined without spaces (joinHalves keeps the one between two Latin words). Then lib/text's rules:
 * the line table (bylines, credits, captions), continuation markers (「（下转第二版）」) and repair.
 */
import type { ArticleDraft, Paragraph } from '../model';
import { classifyLine } from '../text/bylines';
import { isFurniture } from '../text/furniture';
import { headlineParts } from '../text/headlines';
import { normalizeText } from '../text/normalize';
import { stripMarkers } from '../text/markers';
import { joinHalves, repairParagraphs } from '../text/repair';
import { isNameLine, type Cluster, type Run } from './layout';
import { lineText, type Line } from './lines';

// 「（作者为中央党校习近平新时代中国特色社会主义思想研究中心研究员）」: the author note that closes a theory
// article names the author's post; it is the author's credit, not running text.
const AUTHOR_NOTE = /^[（(]作者(?:为|系|是|单位)/;

/**
 * The left edges of a run's columns: x positions (to a point) where at least two lines start. An
 * edge two ems right of another edge is that column's paragraph indent, not an edge.
 */
function edges(lines: Line[]): number[] {
  const count = new Map<number, number>();
  for (const l of lines) count.set(Math.round(l.x0), (count.get(Math.round(l.x0)) ?? 0) + 1);
  return [...count].filter(([, n]) => n >= 2).map(([x]) => x);
}

function isIndented(l: Line, edgeList: number[]): boolean {
  return edgeList.some((e) => l.x0 - e >= 1.5 * l.size && l.x0 - e <= 2.6 * l.size);
}

/** The run's raw paragraphs: crossheads apart, text cut at indented lines. */
export function runParagraphs(run: Run): Paragraph[] {
  const es = edges(run.lines.filter((l) => !run.crossheads.has(l)));
  const out: Paragraph[] = [];
  let pieces: string[] = [];
  let kind: Paragraph['kind'] = 'text';
  const flush = () => {
    const text = normalizeText(pieces.reduce((acc, p) => (acc ? joinHalves(acc, p) : p), ''));
    if (text) out.push({ text, kind });
    pieces = [];
  };
  for (const l of run.lines) {
    const ch = run.crossheads.has(l);
    const k: Paragraph['kind'] = ch ? 'crosshead' : 'text';
    if (k !== kind || (!ch && isIndented(l, es))) {
      flush();
      kind = k;
    }
    pieces.push(lineText(l));
  }
  flush();
  return out;
}

/** 引题 / 主题 / 副题 and the names of a heading cluster. */
export function clusterParts(
  c: Cluster | undefined,
  body: number,
): Pick<ArticleDraft, 'leadTitle' | 'title' | 'subtitle' | 'bylines'> {
  if (!c) return { leadTitle: '', title: '', subtitle: '', bylines: [] };
  const bylines: string[] = [];
  const heads: Line[] = [];
  for (const l of c.lines) {
    if (l.size < 0.85 * c.size && isNameLine(l, body)) bylines.push(lineText(l));
    else heads.push(l);
  }
  // Rows in reading order: top to bottom for horizontal lines, right to left for vertical ones.
  const rows = rowsOf(heads);
  const text = rows.map((r) => ({
    size: Math.max(...r.map((l) => l.size)),
    text: normalizeText(r.map((l) => lineText(l, { wordGaps: true })).join(' ')),
  }));
  const mainAt = text.findIndex((t) => t.size >= 0.85 * c.size);
  const main = text
    .filter((t) => t.size >= 0.85 * c.size)
    .map((t) => t.text)
    .join('');
  const above = text.slice(0, mainAt).map((t) => t.text);
  const below = text
    .slice(mainAt)
    .filter((t) => t.size < 0.85 * c.size)
    .map((t) => t.text);
  const parts = headlineParts([
    ...(above.length ? [above.join('')] : []),
    main,
    ...(below.length ? [below.join('')] : []),
  ]);
  return { ...parts, bylines };
}

/** Lines grouped into rows (same baseline), rows in reading order, lines in a row left to right. */
function rowsOf(lines: Line[]): Line[][] {
  const sorted = [...lines].sort((a, b) => (a.vertical ? b.x0 - a.x0 : b.y - a.y) || a.x0 - b.x0);
  const rows: Line[][] = [];
  for (const l of sorted) {
    const r = rows[rows.length - 1];
    if (r && !l.vertical && !r[0].vertical && Math.abs(r[0].y - l.y) < 0.3 * l.size) r.push(l);
    else rows.push([l]);
  }
  for (const r of rows) r.sort((a, b) => a.x0 - b.x0);
  return rows;
}

/** Read a run and its heading into an article draft. */
export function readRun(run: Run, c: Cluster | undefined, body: number): ArticleDraft {
  const head = clusterParts(c, body);
  const bylines = [...head.bylines];
  const raw: Paragraph[] = [];
  for (const p of runParagraphs(run)) {
    if (isFurniture(p.text, false)) continue;
    if (p.kind === 'crosshead') {
      raw.push(p);
      continue;
    }
    if (AUTHOR_NOTE.test(p.text)) {
      raw.push({ text: p.text, kind: 'credit' });
      continue;
    }
    const cls = classifyLine(p.text);
    if (cls.kind === 'byline') {
      if (!bylines.includes(cls.text)) bylines.push(cls.text);
      continue;
    }
    if (cls.byline && !bylines.includes(cls.byline)) bylines.push(cls.byline);
    // A short standalone line is a crosshead by its form only in HTML; here size decided that.
    raw.push({ text: p.text, kind: cls.kind === 'crosshead' ? 'text' : cls.kind });
  }
  const stripped = stripMarkers(raw);
  const repaired = repairParagraphs(stripped.paragraphs);
  return {
    ...head,
    bylines,
    paragraphs: repaired.paragraphs,
    continuesTo: stripped.continuesTo,
    continuedFrom: stripped.continuedFrom,
  };
}
