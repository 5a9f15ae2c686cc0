/**
 * The page image's hotspots: `img[usemap]` + `map[name=PagePicMap] > area[coords][href]` → polygons.
 *
 * Coordinate rule: HTML defines area coords in CSS pixels of the image as shown, and Founder templates
 * give the `img` `width`/`height` attributes in that same space (400×575 on 人民日报 and 中国青年报,
 * float coords on pc). So polygons are kept as printed and `image` reports the attribute size. Only
 * when the shown size differs from the space the coords were written for — the browser knows the
 * image's natural size and every coord lies inside it but outside the attribute box — are the
 * polygons scaled by attributeSize / naturalSize. With no size attributes, the size is the natural
 * size when known, else the bounding box of all coords (cnta-2017's img has no size).
 */
import type { Point } from '../../model';
import { absUrl, all, attr } from './dom';

/** One `<area>` resolved: its link and its outline. */
export interface MapArea {
  href: string;
  polygon: Point[];
}

/** What a page image map yields: areas in map order, and the image they refer to. */
export interface ImageMap {
  areas: MapArea[];
  image?: { src: string; width: number; height: number };
}

/** Parse `coords` into numbers: "1.617284,23.4199 398.66" → [1.617284, 23.4199, 398.66]. */
export function parseCoords(coords: string): number[] {
  return coords
    .split(/[\s,]+/)
    .filter((s) => s !== '')
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

/** An area's outline as points: polygon pairs, a rect's 4 corners, a circle as a 16-gon. */
export function areaPolygon(shape: string, coords: number[]): Point[] {
  const s = shape.toLowerCase();
  if (s === 'rect' || s === 'rectangle') {
    if (coords.length < 4) return [];
    const [x1, y1, x2, y2] = coords;
    return [
      { x: x1, y: y1 },
      { x: x2, y: y1 },
      { x: x2, y: y2 },
      { x: x1, y: y2 },
    ];
  }
  if (s === 'circle' || s === 'circ') {
    if (coords.length < 3) return [];
    const [cx, cy, r] = coords;
    return Array.from({ length: 16 }, (_, i) => ({
      x: round(cx + r * Math.cos((i * Math.PI) / 8)),
      y: round(cy + r * Math.sin((i * Math.PI) / 8)),
    }));
  }
  // polygon / poly / missing shape (Founder always writes polygon).
  const pts: Point[] = [];
  for (let i = 0; i + 1 < coords.length; i += 2) pts.push({ x: coords[i], y: coords[i + 1] });
  return pts.length >= 3 ? pts : [];
}

/** Scale polygons from one coordinate space to another (the reader redraws them at its own size). */
export function scalePolygons(
  polygons: Point[][],
  from: { width: number; height: number },
  to: { width: number; height: number },
): Point[][] {
  if (!(from.width > 0 && from.height > 0)) return polygons;
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  if (sx === 1 && sy === 1) return polygons;
  return polygons.map((poly) => poly.map((p) => ({ x: round(p.x * sx), y: round(p.y * sy) })));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The page map: the one named PagePicMap (any case), else the map with most areas. */
function pickMap(doc: Document): Element | null {
  const maps = all(doc, 'map');
  const named = maps.find((m) => attr(m, 'name').toLowerCase() === 'pagepicmap');
  if (named) return named;
  let best: Element | null = null;
  let most = 0;
  for (const m of maps) {
    const n = all(m, 'area[href]').length;
    if (n > most) [best, most] = [m, n];
  }
  return best;
}

/** The image using the map: `img[usemap=#PagePicMap]` — case may differ from the map (jxrb-2017). */
function pickImage(doc: Document, mapName: string): Element | null {
  const want = mapName.toLowerCase();
  return (
    all(doc, 'img[usemap]').find((img) => attr(img, 'usemap').replace(/^#/, '').toLowerCase() === want) ??
    null
  );
}

function dimension(img: Element, name: 'width' | 'height'): number {
  const n = Number.parseFloat(attr(img, name));
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function natural(img: Element, name: 'naturalWidth' | 'naturalHeight'): number {
  const n = Number((img as unknown as Record<string, unknown>)[name]);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Read the page's image map: areas in order (not yet deduplicated) and the image's shown size. */
export function readImageMap(doc: Document, baseUrl: string): ImageMap {
  const map = pickMap(doc);
  if (!map) return { areas: [] };
  let areas: MapArea[] = [];
  for (const a of all(map, 'area')) {
    const href = absUrl(attr(a, 'href'), baseUrl);
    const polygon = areaPolygon(attr(a, 'shape'), parseCoords(attr(a, 'coords')));
    if (href) areas.push({ href, polygon });
  }
  const img = pickImage(doc, attr(map, 'name'));
  if (!img) return { areas };
  let maxX = 0;
  let maxY = 0;
  for (const { polygon } of areas)
    for (const p of polygon) [maxX, maxY] = [Math.max(maxX, p.x), Math.max(maxY, p.y)];
  const [w, h] = [dimension(img, 'width'), dimension(img, 'height')];
  const [nw, nh] = [natural(img, 'naturalWidth'), natural(img, 'naturalHeight')];
  let width = w || nw || Math.ceil(maxX);
  let height = h || nh || Math.ceil(maxY);
  if (w && h && nw && nh && (maxX > w * 1.02 || maxY > h * 1.02) && maxX <= nw * 1.02 && maxY <= nh * 1.02) {
    // Coords written for the full-size image, shown smaller: bring them into the shown space.
    areas = areas.map((a) => ({
      ...a,
      polygon: scalePolygons([a.polygon], { width: nw, height: nh }, { width: w, height: h })[0],
    }));
  } else if (!w && !h && nw && nh) {
    [width, height] = [nw, nh];
  }
  return { areas, image: { src: absUrl(attr(img, 'src'), baseUrl), width, height } };
}
