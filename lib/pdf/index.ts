/**
 * The page-PDF reader: the text layer of one PDF page (pdf.js `getTextContent` items and styles, see
 * types.ts) read into a Page of kind 'text' with every article on it, like the page-text reader.
 * Pure: pdf.js runs elsewhere (load.ts takes it as a parameter). Stages: glyphs (doubles dropped) →
 * lines → masthead, body runs and heading clusters → headlines matched to runs by position → articles
 * through lib/text's rules. With a layout page's image map, areas.ts cuts the lines by the articles'
 * outlines instead of guessing. Never throws; near-linear in the number of characters.
 */
import { emptyArticle, emptyPage, type Article, type ArticleDraft, type Block, type Page } from '../model';
import { parseChineseDate } from '../text/dates';
import { labelFromMasthead } from '../text/furniture';
import { classifyLine } from '../text/bylines';
import { findMarker } from '../text/markers';
import { normalizeText } from '../text/normalize';
import { readRun } from './article';
import { cutByAreas } from './areas';
import { pageGlyphs } from './glyphs';
import { gap, layout, type Cluster, type Layout, type Run } from './layout';
import { bodySize, lineText, toLines, type Line } from './lines';
import { lineDistance, matchHeadlines } from './match';
import { fromFileName, paperFromTitle } from './names';
import type { Box, PdfPageText } from './types';

export type { PdfPageText, PdfTextItem, PdfTextStyle } from './types';

/** Adapter name written to Page.adapter. */
export const PDF_ADAPTER = 'pdf';

// A run of fewer characters with no headline is a figure's note or credit (「制图：李姿阅」), not a story.
const STORY_MIN = 80;

// What a chart's or a photo's notes open with: such a run is a figure, whatever its length, and its
// title (「党的十八大以来全面从严治党深入推进」, 11 pt) is a caption, not a headline.
// 「数据来源：《十八届中央纪律检查委员会向中国共产党第十九次全国代表大会的工作报告》。」 「本版制图：李姿阅」
const FIGURE_NOTE = /^(?:数据来源|资料来源|来源|本版制图|制图|图表|注)[：:]/;

// 「本版制图：李姿阅」 names who drew the page's charts: a credit, like 「记者/刘震摄」 (lib/text's table).
const DRAWN_BY = /^(?:本版)?制图[：:]/;
const isCredit = (t: string) => DRAWN_BY.test(t) || classifyLine(t).kind === 'credit';

function isFigure(r: Run): boolean {
  return FIGURE_NOTE.test(normalizeText(lineText(r.lines[0])));
}

/** A figure's notes, one paragraph each (a new one where a line opens with a note's label), with their first line. */
function notes(r: Run): Array<{ text: string; line: Line }> {
  const out: Array<{ text: string; line: Line }> = [];
  for (const l of r.lines) {
    const t = normalizeText(lineText(l));
    if (!out.length || FIGURE_NOTE.test(t)) out.push({ text: t, line: l });
    else out[out.length - 1].text += t;
  }
  return out.filter((n) => n.text);
}

const overlapsX = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1;
const union = (a: Box, b: Box): Box => ({
  x0: Math.min(a.x0, b.x0),
  x1: Math.max(a.x1, b.x1),
  bottom: Math.min(a.bottom, b.bottom),
  top: Math.max(a.top, b.top),
});

/** What else is known about the page: the PDF's Title, and a layout page's blocks and image. */
export interface PdfPageContext {
  /** The PDF's Title from its metadata (「LLRMRB07B20180102D」). */
  title?: string;
  /** 1-based page number inside the PDF, for problems and labels of multi-page files. */
  pageNumber?: number;
  /** The layout page of this page: its blocks' polygons cut the text (domain.md §8). */
  blocks?: Block[];
  image?: { width: number; height: number };
}

/** Read one PDF page's text into a Page. Never throws. */
export function readPdfPage(text: PdfPageText, url: string, ctx: PdfPageContext = {}): Page {
  const page = emptyPage({ url: url ?? '', kind: 'text', adapter: PDF_ADAPTER });
  try {
    fill(page, text, ctx);
  } catch (err) {
    page.articles = [];
    page.problems.push(
      `the PDF's text could not be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return page;
}

interface Piece {
  draft: ArticleDraft;
  top: number;
  x0: number;
}

function fill(page: Page, text: PdfPageText, ctx: PdfPageContext): void {
  const lines = toLines(pageGlyphs(text));
  const where = ctx.pageNumber ? `page ${ctx.pageNumber} of the PDF` : 'the PDF page';
  if (!lines.length) {
    page.problems.push(
      text.images === false
        ? `${where} has no text: it is blank, or its content is damaged`
        : `${where} has no text layer: it is a scanned image, so there is no text to read`,
    );
    return;
  }
  const body = bodySize(lines);
  const lay = layout(lines, body, text.height || Math.max(...lines.map((l) => l.top)));
  readMasthead(page, lay, ctx, page.url);
  const areas = ctx.image && ctx.blocks?.some((b) => b.polygons.length) ? ctx.blocks : null;
  const pieces =
    areas && ctx.image ? cutByAreas(lines, lay, areas, ctx.image, text, page.problems) : byGeometry(lay);
  // Reading order: top to bottom, then left to right (an image map's own order when it cut the page).
  if (!areas) pieces.sort((a, b) => b.top - a.top || a.x0 - b.x0);
  const pages = page.label ? [page.label] : [];
  page.articles = pieces.map(({ draft }, order): Article => {
    const article = emptyArticle({
      ...draft,
      key: [page.paper, page.date, page.label, order].join('|'),
      paper: page.paper,
      date: page.date,
      pages: [...pages],
      urls: page.url ? [page.url] : [],
      order,
    });
    article.parts = [
      { page: page.label, url: page.url, from: 0, to: article.paragraphs.length, regime: 'first' },
    ];
    return article;
  });
  if (!page.articles.length) page.problems.push(`no articles found on ${where}`);
}

function readMasthead(page: Page, lay: Layout, ctx: PdfPageContext, url: string): void {
  for (const l of [...lay.masthead].sort((a, b) => a.x0 - b.x0)) {
    // 「7理论」: the page number and 版名 drawn twice come out without their gap; the label needs one.
    const t = normalizeText(lineText(l, { wordGaps: true })).replace(
      /^([A-Za-z]?\d{1,3})(?=[\u4e00-\u9fff])/,
      '$1 ',
    );
    const { label, name } = labelFromMasthead(t);
    if (label && !page.label) [page.label, page.name] = [label, name];
    page.date ||= parseChineseDate(t);
  }
  const named = fromFileName(url);
  // A page of a many-page PDF without a label of its own is known by its place in the file.
  page.label ||= named.label || (ctx.pageNumber ? String(ctx.pageNumber) : '');
  page.date ||= named.date;
  page.paper = paperFromTitle(ctx.title ?? '') || named.paper;
  if (!page.date) page.problems.push('no date: neither the masthead nor the file name carries one');
}

// A leftover headline at least this much larger than the body is a story's, not a figure's title.
const HEADLINE_MIN = 1.5;

/**
 * Match headlines to runs. When the nearest lines of two story headlines lie in one run, the stream
 * ran two stories' bodies together (no headline drawn between them): the run is cut where the text
 * jumps to the line nearest to each headline but the first, then headlines are matched.
 */
function splitAndMatch(lay: Layout, isBody: (r: Run) => boolean): ReturnType<typeof matchHeadlines> {
  const anchors = new Map<Run, Set<number>>();
  for (const c of lay.clusters) {
    if (c.size < HEADLINE_MIN * lay.body) continue;
    const a = anchorOf(lay, c);
    if (!a) continue;
    const set = anchors.get(a.run) ?? new Set<number>();
    anchors.set(a.run, set.add(a.k));
  }
  const runs: Run[] = [];
  for (const r of lay.runs) {
    const ks = anchors.get(r);
    const cuts =
      ks && ks.size > 1
        ? [...ks].filter((k) => k > 0 && jumps(r.lines[k - 1], r.lines[k])).sort((a, b) => a - b)
        : [];
    let from = 0;
    for (const k of [...cuts, r.lines.length]) {
      const lines = r.lines.slice(from, k);
      runs.push({
        lines,
        crossheads: new Set(lines.filter((l) => r.crossheads.has(l))),
        chars: lines.reduce((n, l) => n + l.glyphs.length, 0),
      });
      from = k;
    }
  }
  lay.runs = runs;
  return matchHeadlines(lay.clusters, lay.runs, isBody);
}

/** The body line nearest to a headline, as the run holding it and its index there. */
function anchorOf(lay: Layout, c: Cluster): { run: Run; k: number } | null {
  let best: { run: Run; k: number } | null = null;
  let d = Infinity;
  for (const run of lay.runs)
    for (let k = 0; k < run.lines.length; k++) {
      const x = lineDistance(c, run.lines[k]);
      if (x < d) [best, d] = [{ run, k }, x];
    }
  return best;
}

/** Does the text jump between these lines (not the next line of the same column)? */
function jumps(prev: Line, next: Line): boolean {
  const down = prev.y - next.y;
  return !(Math.abs(next.x0 - prev.x0) < 3 * next.size && down > 0 && down < 2.5 * next.size);
}

/** Articles from geometry alone: headlines matched to runs, figure notes attached to the nearest story. */
function byGeometry(lay: Layout): Piece[] {
  // A continued part (「（上接第一版）…」 at the top of a page) is a story however short, and so is the
  // only text of a page.
  const continued = (r: Run) => findMarker(normalizeText(lineText(r.lines[0])))?.direction === 'from';
  const only = lay.runs.filter((r) => !isFigure(r)).length === 1;
  const isStory = (r: Run) => !isFigure(r) && (r.chars >= STORY_MIN || continued(r) || only);
  const { head, left } = splitAndMatch(lay, (r) => !isFigure(r));
  const pieces: Array<Piece & { run: Run }> = [];
  const small: Run[] = [];
  lay.runs.forEach((r, i) => {
    if (!isStory(r) && head[i] === -1) {
      small.push(r);
      return;
    }
    const c = head[i] === -1 ? undefined : lay.clusters[head[i]];
    const top = Math.max(c?.top ?? -Infinity, ...r.lines.map((l) => l.top));
    const x0 = Math.min(c?.x0 ?? Infinity, ...r.lines.map((l) => l.x0));
    pieces.push({ draft: readRun(r, c, lay.body), top, x0, run: r });
  });
  if (!pieces.length) return [];
  // A figure's title left without a body, and its notes and credits: captions of the nearest story.
  // A title heads the figure notes right under it (「党的十八大以来全面从严治党深入推进」 over its
  // 「数据来源：…」): the figure goes as one to the story nearest to all of it.
  const nearest = (box: Box) => {
    let best = pieces[0];
    let d = Infinity;
    for (const p of pieces)
      for (const l of p.run.lines) {
        const g = gap(box, l);
        if (g < d) [best, d] = [p, g];
      }
    return best;
  };
  const titleOf = new Map<Line, Cluster>();
  for (const ci of left) {
    const c = lay.clusters[ci];
    const under = small
      .flatMap(notes)
      .find(
        (n) =>
          isFigure({ lines: [n.line], crossheads: new Set(), chars: 0 }) &&
          !titleOf.has(n.line) &&
          n.line.top <= c.bottom &&
          overlapsX(n.line, c),
      );
    if (under) titleOf.set(under.line, c);
    else nearest(c).draft.paragraphs.push({ text: clusterText(c), kind: 'caption' });
  }
  for (const r of small) {
    let to: ArticleDraft | null = null;
    let prev: Line | null = null;
    for (const n of notes(r)) {
      const c = titleOf.get(n.line);
      // Notes far from the one before belong to another figure (a run may hold two charts' notes).
      if (!to || c || !prev || gap(prev, n.line) > 5 * n.line.size)
        to = nearest(c ? union(c, n.line) : n.line).draft;
      if (c) to.paragraphs.push({ text: clusterText(c), kind: 'caption' });
      to.paragraphs.push({ text: n.text, kind: isCredit(n.text) ? 'credit' : 'caption' });
      prev = n.line;
    }
  }
  return pieces;
}

/** A heading cluster's text as one caption line. */
function clusterText(c: Cluster): string {
  return normalizeText(c.lines.map((l) => lineText(l, { wordGaps: true })).join(' '));
}
