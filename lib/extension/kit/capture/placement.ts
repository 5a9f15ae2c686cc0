/**
 * Where the selection toolbar goes: clear of the selection, so it never covers the words chosen or
 * the lines after them (it used to sit under the selection's end, over the next two lines). Above the
 * selection's first line when there is room (as Hypothesis and Medium place theirs), else below its
 * last line, else inside the window; left-aligned with the selection and kept on screen.
 */

/** A box in viewport coordinates (a DOMRect's fields). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Gap between the selection and the toolbar, and between the toolbar and the window's edge (px). */
export const GAP = 8;
const EDGE = 4;

/** The toolbar's top-left corner for a selection box, the toolbar's size and the window's size. */
export function placeToolbar(
  sel: Box,
  bar: { width: number; height: number },
  view: { width: number; height: number },
): { x: number; y: number; side: 'above' | 'below' | 'inside' } {
  const x = Math.max(EDGE, Math.min(sel.left, view.width - bar.width - EDGE));
  const above = sel.top - GAP - bar.height;
  if (above >= EDGE) return { x, y: above, side: 'above' };
  const below = sel.bottom + GAP;
  if (below + bar.height <= view.height - EDGE) return { x, y: below, side: 'below' };
  // A selection taller than the window: the toolbar stays in view, over the selection's top end.
  return { x, y: Math.max(EDGE, Math.min(view.height - bar.height - EDGE, sel.top)), side: 'inside' };
}
