/**
 * Where the article blocks sit on the generated page image (400×575, the size Founder sites show):
 * the first article across the top, the others in two columns below. Not the real layout (the
 * fixtures hold none), but the same shape of data: polygons in the shown image's pixel space.
 */

/** The page image's size, as the layout page shows it. */
export const PAGE_WIDTH = 400;
export const PAGE_HEIGHT = 575;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MARGIN = 8;
const GAP = 6;

/** Top of the article area: the front page has a masthead, the others a page header. */
export function contentTop(front: boolean): number {
  return front ? 84 : 40;
}

/** Boxes for `n` articles, in reading order, inside the page's article area. */
export function layoutBoxes(n: number, front: boolean): Box[] {
  const top = contentTop(front);
  const bottom = PAGE_HEIGHT - MARGIN;
  const width = PAGE_WIDTH - 2 * MARGIN;
  if (n <= 0) return [];
  if (n === 1) return [{ x: MARGIN, y: top, w: width, h: bottom - top }];
  const leadH = Math.round((bottom - top) * 0.34);
  const boxes: Box[] = [{ x: MARGIN, y: top, w: width, h: leadH }];
  const rest = n - 1;
  const colW = (width - GAP) / 2;
  const y0 = top + leadH + GAP;
  const counts = [Math.ceil(rest / 2), Math.floor(rest / 2)];
  counts.forEach((count, col) => {
    if (!count) return;
    const h = (bottom - y0 - GAP * (count - 1)) / count;
    for (let i = 0; i < count; i++) {
      boxes.push({ x: MARGIN + col * (colW + GAP), y: y0 + i * (h + GAP), w: colW, h });
    }
  });
  return boxes.map((b) => ({
    x: Math.round(b.x),
    y: Math.round(b.y),
    w: Math.round(b.w),
    h: Math.round(b.h),
  }));
}

/** Founder's polygon coords for a box: 「x1,y1,x2,y1,x2,y2,x1,y2」. */
export function polygonCoords(b: Box): string {
  const x2 = b.x + b.w;
  const y2 = b.y + b.h;
  return [b.x, b.y, x2, b.y, x2, y2, b.x, y2].join(',');
}
