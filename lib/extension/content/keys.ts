/** Keyboard for the layout overlay: j/k move between blocks, Enter opens, Escape closes the reader. */

/** What a key press means for the overlay, or null when it is not ours. */
export type OverlayKey = 'next' | 'prev' | 'open' | 'close' | null;

/** Decode a keydown; typing in a form field or with a modifier held is never taken over. */
export function overlayKey(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>,
  target: EventTarget | null,
): OverlayKey {
  if (e.altKey || e.ctrlKey || e.metaKey || isTyping(target)) return null;
  if (e.key === 'j') return 'next';
  if (e.key === 'k') return 'prev';
  if (e.key === 'Enter') return 'open';
  if (e.key === 'Escape') return 'close';
  return null;
}

/** The next keyboard position: from "none" j goes to the first block and k to the last; both stop at the ends. */
export function moveIndex(current: number, key: 'next' | 'prev', count: number): number {
  if (count === 0) return -1;
  if (current < 0) return key === 'next' ? 0 : count - 1;
  return key === 'next' ? Math.min(count - 1, current + 1) : Math.max(0, current - 1);
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable === true;
}
