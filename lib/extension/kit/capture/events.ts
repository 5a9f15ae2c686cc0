/**
 * The document's listeners that open and close the toolbar, registered once for the app's life
 * (env.listen ties them to the content script's lifecycle) and calling the latest render's handlers.
 * Apart from the hook because which events count is a rule of its own: only the user's (trusted)
 * events, none from inside the capture app, and Escape taken before the reader panel hears it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CaptureEnv } from './types';

/** What the listeners call. */
export interface SelectionHandlers {
  /** The user released the mouse or a shifted key (a selection may have been made or dropped), a tick later. */
  released(e: Event): void;
  /** Whether the toolbar is shown: only then is an Escape ours. */
  shown(): boolean;
  /** An Escape that is ours (not one that cancels an input method's composition). */
  escape(): void;
}

/** The hook; `mount` is the capture app's element (events from inside it are not new selections). */
export function useSelectionEvents(
  env: Pick<CaptureEnv, 'doc' | 'listen' | 'defer'>,
  mount: HTMLElement,
  handlers: SelectionHandlers,
): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  // Events from inside the capture app (a press on the toolbar, typing in the note box) are not new
  // selections. Seen from the document, a closed shadow root's composedPath() stops at the host, so
  // the app's own element marks them on their way up instead.
  const ownEvents = useRef(new WeakSet<Event>()).current;
  useLayoutEffect(() => {
    const { doc } = env;
    const mine = (e: Event): void => void ownEvents.add(e);
    env.listen(mount, 'mouseup', mine);
    env.listen(mount, 'keyup', mine);
    const up = (e: Event): void => {
      // Only the user's own selections: a page script's synthetic events never open the toolbar.
      if (!e.isTrusted || ownEvents.has(e)) return;
      env.defer(() => latest.current.released(e), 0);
    };
    env.listen(doc, 'mouseup', up);
    env.listen(doc, 'keyup', (e) => (e as KeyboardEvent).shiftKey && up(e));
    const onEscape = (e: Event): void => {
      const k = e as KeyboardEvent;
      if (!e.isTrusted || k.key !== 'Escape' || !latest.current.shown()) return;
      // Ours: neither the reader panel nor the page hears this Escape.
      e.stopImmediatePropagation();
      // While an input method is composing, Escape cancels the composition (its candidates), not the note.
      if (k.isComposing || k.keyCode === 229) return;
      latest.current.escape();
    };
    // Capture phase on the document: before the panel's and the overlay's Escape, and before the
    // note box itself (a key typed inside our shadow root passes the document first).
    env.listen(doc, 'keydown', onEscape, { capture: true });
  }, []);
}
