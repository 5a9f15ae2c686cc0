/**
 * Highlights on a DOM root: describe a selection as selectors, and place selectors back as a Range
 * (for the CSS Custom Highlight API: no DOM mutation). The root is a parameter, never `document`,
 * so this runs in the content script, the reader page, happy-dom and Chromium alike.
 */
import type { Selectors } from '../model/index.ts';
import { type AnchorMethod, type AnchorOptions, type NotFound, matchNormalized } from './match.ts';
import { selectorsFromNormalized } from './text.ts';
import { type DomView, buildView, paragraphAt } from './view.ts';

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

/** Places one highlight in `root`; build the view once with `buildView` when placing many. */
export function anchor(
  root: Element,
  selectors: Selectors,
  opts?: AnchorOptions,
  view?: DomView,
): DomAnchor | NotFound {
  const v = view ?? buildView(root);
  const m = matchNormalized(v.text, selectors, opts);
  if ('notFound' in m) return m;
  const doc = root.ownerDocument;
  if (!doc) return { notFound: true };
  const range = doc.createRange();
  range.setStart(v.nodes[m.start], v.offsets[m.start]);
  range.setEnd(v.nodes[m.end - 1], endOffset(v, m.end - 1));
  return { range, score: m.score, method: m.method };
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
