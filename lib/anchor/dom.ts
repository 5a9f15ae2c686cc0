/**
 * Highlights on a DOM root: describe a selection as selectors, and place selectors back as a Range
 * (for the CSS Custom Highlight API: no DOM mutation). The root is a parameter, never `document`,
 * so this runs in the content script, the reader page, happy-dom and Chromium alike.
 */
import type { Selectors } from '../model/index.ts';
import { type AnchorMethod, type AnchorOptions, type NotFound, matchNormalized } from './match.ts';
import { selectorsFromNormalized } from './text.ts';
import { type DomView, buildView, paragraphAt } from './view.ts';

/** A DOM boundary point: a Text node and an offset in it (or an element and a child index). */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** Where a highlight goes on the page, before any Range object is made. */
export interface DomLocation {
  start: DomPoint;
  end: DomPoint;
  score: number;
  method: AnchorMethod;
}

/** A highlight placed on the page. */
export interface DomAnchor {
  range: Range;
  score: number;
  method: AnchorMethod;
}

/** The few Range members this module uses (satisfied by the DOM's and happy-dom's Range). */
type RangeLike = Pick<Range, 'comparePoint' | 'collapsed'>;

/** Selectors for `range` inside `root`; null when the selection holds no article text. */
export function describe(
  root: Element,
  range: RangeLike,
  articleKey: string,
  view?: DomView,
): Selectors | null {
  try {
    const v = view ?? buildView(root);
    if (range.collapsed || v.text.length === 0) return null;
    const n = v.text.length;
    // First char whose start is not before the range start; first char whose end is past the range end.
    const start = firstIndex(n, (i) => range.comparePoint(v.nodes[i], v.offsets[i]) >= 0);
    const end = firstIndex(n, (i) => range.comparePoint(v.nodes[i], endOffset(v, i)) > 0);
    return selectorsFromNormalized(v.text, start, end, articleKey, (at) => paragraphAt(v, at));
  } catch {
    // comparePoint throws when the range lives in another document: nothing to describe.
    return null;
  }
}

/** Finds where a highlight goes in a view of the page, as DOM points (no Range made yet). */
export function locate(view: DomView, selectors: Selectors, opts?: AnchorOptions): DomLocation | NotFound {
  const m = matchNormalized(view.text, selectors, opts);
  if ('notFound' in m) return m;
  return {
    start: { node: view.nodes[m.start], offset: view.offsets[m.start] },
    end: { node: view.nodes[m.end - 1], offset: endOffset(view, m.end - 1) },
    score: m.score,
    method: m.method,
  };
}

/** A live Range over a located highlight, in the document that holds it. */
export function toRange(loc: Pick<DomLocation, 'start' | 'end'>): Range | null {
  const doc = loc.start.node.ownerDocument;
  if (!doc) return null;
  const range = doc.createRange();
  // Start from the start node's contents so setStart/setEnd compare within one node when the
  // highlight sits in one text node: same result, and happy-dom otherwise walks the whole document.
  range.selectNodeContents(loc.start.node);
  range.setStart(loc.start.node, loc.start.offset);
  range.setEnd(loc.end.node, loc.end.offset);
  return range;
}

/** Places one highlight in `root`; build the view once with `buildView` when placing many. */
export function anchor(
  root: Element,
  selectors: Selectors,
  opts?: AnchorOptions,
  view?: DomView,
): DomAnchor | NotFound {
  const loc = locate(view ?? buildView(root), selectors, opts);
  if ('notFound' in loc) return loc;
  const range = toRange(loc);
  return range ? { range, score: loc.score, method: loc.method } : { notFound: true };
}

/** Places many highlights over one view of `root` (re-anchoring a whole article at once). */
export function anchorAll(
  root: Element,
  selectors: readonly Selectors[],
  opts?: AnchorOptions,
): Array<DomAnchor | NotFound> {
  const view = buildView(root);
  return selectors.map((s) => anchor(root, s, opts, view));
}

/** DOM offset just after normalised char `i` (a separator's point is already an end point). */
function endOffset(v: DomView, i: number): number {
  return v.nodes[i].nodeType === 3 ? v.offsets[i] + 1 : v.offsets[i];
}

/** Smallest i in [0, n) with pred(i) true, n when none; pred must be monotone (false…true). */
function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
