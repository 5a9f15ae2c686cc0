/**
 * The user's current selection as a Range, whether it is in the page or inside our shadow root (the
 * reader panel). Chromium reports `document.getSelection()` collapsed on <body> when the selection
 * is inside a shadow tree; `shadowRoot.getSelection()` (Chromium) or `getComposedRanges` (Firefox,
 * Safari) give the real nodes.
 */

type ShadowWithSelection = ShadowRoot & { getSelection?: () => Selection | null };
type SelectionWithComposed = Selection & {
  getComposedRanges?: (opts: { shadowRoots: ShadowRoot[] }) => StaticRange[];
};

/** The selected range, or null when nothing (or only a caret) is selected. */
export function currentRange(doc: Document, shadow: ShadowRoot | null): Range | null {
  // Inside our shadow root first: Chromium then reports the document's selection collapsed on <body>.
  const own = (shadow as ShadowWithSelection | null)?.getSelection?.();
  if (shadow && own && own.rangeCount > 0 && !own.isCollapsed && shadow.contains(own.anchorNode)) {
    return own.getRangeAt(0);
  }
  const sel = doc.getSelection() as SelectionWithComposed | null;
  if (!sel || sel.rangeCount === 0) return null;
  if (!sel.isCollapsed) {
    const r = sel.getRangeAt(0);
    // Firefox/Safari give light-DOM ranges here; a range inside the shadow root comes from getComposedRanges.
    if (!shadow || r.commonAncestorContainer !== shadow.host) return r;
  }
  const composed = shadow ? sel.getComposedRanges?.({ shadowRoots: [shadow] })?.[0] : undefined;
  if (!composed || composed.collapsed) return null;
  const r = doc.createRange();
  r.setStart(composed.startContainer, composed.startOffset);
  r.setEnd(composed.endContainer, composed.endOffset);
  return r;
}

/** Clear the selection (after it became a highlight), in the page and in the shadow root. */
export function clearSelection(doc: Document, shadow: ShadowRoot | null): void {
  (shadow as ShadowWithSelection | null)?.getSelection?.()?.removeAllRanges();
  doc.getSelection()?.removeAllRanges();
}
