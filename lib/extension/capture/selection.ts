/**
 * The user's current selection as a Range, whether it is in the page or inside our shadow root (the
 * reader panel). Chromium retargets `document.getSelection()` to the shadow host when the selection
 * is inside a shadow tree; `shadowRoot.getSelection()` (Chromium) or `getComposedRanges` (Firefox,
 * Safari) give the real nodes.
 */

type ShadowWithSelection = ShadowRoot & { getSelection?: () => Selection | null };
type SelectionWithComposed = Selection & {
  getComposedRanges?: (opts: { shadowRoots: ShadowRoot[] }) => StaticRange[];
};

/** The selected range, or null when nothing (or only a caret) is selected. */
export function currentRange(doc: Document, shadow: ShadowRoot | null): Range | null {
  const sel = doc.getSelection() as SelectionWithComposed | null;
  if (!sel || sel.rangeCount === 0) return null;
  const host = shadow?.host ?? null;
  const inShadow = host !== null && (sel.anchorNode === host || sel.focusNode === host);
  if (inShadow && shadow) {
    const own = (shadow as ShadowWithSelection).getSelection?.();
    if (own && own.rangeCount > 0 && !own.isCollapsed) return own.getRangeAt(0);
    const composed = sel.getComposedRanges?.({ shadowRoots: [shadow] })?.[0];
    if (composed && !composed.collapsed) {
      const r = doc.createRange();
      r.setStart(composed.startContainer, composed.startOffset);
      r.setEnd(composed.endContainer, composed.endOffset);
      return r;
    }
    return null;
  }
  if (sel.isCollapsed) return null;
  return sel.getRangeAt(0);
}

/** Clear the selection (after it became a highlight), in the page and in the shadow root. */
export function clearSelection(doc: Document, shadow: ShadowRoot | null): void {
  (shadow as ShadowWithSelection | null)?.getSelection?.()?.removeAllRanges();
  doc.getSelection()?.removeAllRanges();
}
