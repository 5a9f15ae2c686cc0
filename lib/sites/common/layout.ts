/**
 * A layout page (版面) as blocks: the image map's areas grouped by article (an article may own several
 * areas, `?div=0` and `?div=-1`, or a map area plus a list entry), titled from the page's title lists,
 * in order of first appearance: map first, then list entries the map lacks.
 */
import type { Block, Point } from '../../model';
import { articlePath, first } from './dom';
import { readImageMap, type ImageMap } from './imagemap';
import { listLinks, titlesByPath } from './titles';

/** Blocks of a layout page plus the image their polygons refer to. */
export interface Layout {
  blocks: Block[];
  image?: ImageMap['image'];
}

function samePolygon(a: Point[], b: Point[]): boolean {
  return a.length === b.length && a.every((p, i) => p.x === b[i].x && p.y === b[i].y);
}

/**
 * Read blocks. `listSelectors` name the title list containers of the family (one per site or era);
 * their links become blocks too when the map does not already have them (pages without a map).
 */
export function readLayout(doc: Document, url: string, listSelectors: readonly string[]): Layout {
  const map = readImageMap(doc, url);
  const byPath = new Map<string, Block>();
  const add = (path: string, polygon: Point[] | null) => {
    let block = byPath.get(path);
    if (!block) {
      block = { title: '', href: path, order: byPath.size, polygons: [] };
      byPath.set(path, block);
    }
    if (polygon && polygon.length && !block.polygons.some((p) => samePolygon(p, polygon)))
      block.polygons.push(polygon);
  };
  for (const area of map.areas) {
    const path = articlePath(area.href, url);
    if (path) add(path, area.polygon);
  }
  const list = first(doc, listSelectors);
  if (list) for (const link of listLinks(list, url)) if (isArticleLink(link.path)) add(link.path, null);
  const titles = titlesByPath(doc, url, new Set(byPath.keys()));
  for (const block of byPath.values()) block.title = titles.get(block.href) ?? '';
  return { blocks: [...byPath.values()], image: map.image };
}

/** Links in a title list that are articles (not PDFs, not other layout pages). */
function isArticleLink(path: string): boolean {
  return !/\.pdf$/i.test(path) && !/\/(node_\d+|nbs\.[^/]*)\.s?html?$/i.test(path);
}

/** Selectors of title lists, one per template (used by every Founder family). */
export const TITLE_LISTS: readonly string[] = [
  '#titleList', // 人民日报 2017 (nbs), 中国青年报 pc `#titleList ul.news-list`
  'ul.news-list', // 人民日报 pc since 2024-12
  'ul.list01', // 中国纪检监察报 classic
  'ul.ul02_l', // 中国旅游报 classic
  '.gundong', // classic scrolling list
];
