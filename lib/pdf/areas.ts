/**
 * Cutting a PDF page by its layout page's image map: each block's polygons, scaled from the page
 * image's pixels (y down) to the PDF's points (y up), are that article's outline, and its text is
 * the lines whose centre lies inside (domain.md §8). Inside one outline the largest heading is the
 * headline and the rest of the text is the body, in stream order; the block's title stands in when
 * the outline holds no heading.
 */
import type { Block, Point } from '../model';
import { normalizeText } from '../text/normalize';
import { readRun } from './article';
import { layout, type Layout, type Run } from './layout';
import { lineText, type Line } from './lines';
import type { Box } from './types';

/** Is the point inside the polygon (even-odd rule)? */
export function inPolygon(p: Point, poly: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i];
    const b = poly[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** The point of the page image where a PDF point (x, y up) lands. */
export function toImage(
  x: number,
  y: number,
  page: { width: number; height: number },
  image: { width: number; height: number },
): Point {
  return { x: (x * image.width) / page.width, y: ((page.height - y) * image.height) / page.height };
}

/** One article per block with an outline; lines outside every outline are left out (and said so). */
export function cutByAreas(
  lines: Line[],
  lay: Layout,
  blocks: Block[],
  image: { width: number; height: number },
  page: { width: number; height: number },
  problems: string[],
): Array<{ draft: ReturnType<typeof readRun>; top: number; x0: number }> {
  const masthead = new Set(lay.masthead);
  const owner = new Map<Line, number>();
  let outside = 0;
  for (const l of lines) {
    if (masthead.has(l)) continue;
    const c = toImage((l.x0 + l.x1) / 2, (l.top + l.bottom) / 2, page, image);
    const b = blocks.findIndex((bl) => bl.polygons.some((poly) => inPolygon(c, poly)));
    if (b !== -1) owner.set(l, b);
    else outside += l.glyphs.length;
  }
  // Text no outline holds is not guessed into an article: it is named, so nothing goes unnoticed.
  if (outside > 0)
    problems.push(
      `${outside} characters of the PDF page lie outside every article outline of the layout page`,
    );
  const out = [];
  for (let b = 0; b < blocks.length; b++) {
    const mine = lines.filter((l) => owner.get(l) === b);
    if (!mine.length) continue;
    const sub = layout(mine, lay.body, Infinity);
    const headline = sub.clusters.reduce<Layout['clusters'][number] | undefined>(
      (m, c) => (!m || c.size > m.size ? c : m),
      undefined,
    );
    const run: Run = {
      lines: sub.runs.flatMap((r) => r.lines),
      crossheads: new Set(sub.runs.flatMap((r) => [...r.crossheads])),
      chars: 0,
    };
    const draft = readRun(run, headline, lay.body);
    if (!draft.title) draft.title = normalizeText(blocks[b].title);
    for (const c of sub.clusters)
      if (c !== headline)
        draft.paragraphs.push({
          text: normalizeText(c.lines.map((l) => lineText(l, { wordGaps: true })).join(' ')),
          kind: 'caption',
        });
    const box: Box = {
      x0: Math.min(...mine.map((l) => l.x0)),
      x1: 0,
      bottom: 0,
      top: Math.max(...mine.map((l) => l.top)),
    };
    out.push({ draft, top: box.top, x0: box.x0 });
  }
  return out;
}
