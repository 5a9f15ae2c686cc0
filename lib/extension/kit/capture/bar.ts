/**
 * The selection toolbar's state: what it acts on, where, its status line and whether its note box is
 * open. Its own hook because the toolbar is read from two clocks: renders draw it, while the document's
 * listeners and the actions' awaited replies read it between renders (`current`, always the latest).
 */
import { useRef, useState } from 'preact/hooks';
import type { Highlight, Result, Selectors } from '../../../model';
import { t } from '../../shared/i18n';
import type { Box } from './placement';
import type { Surface } from './surface';

/** What the toolbar acts on: a fresh selection on a surface, or a drawn highlight being edited. */
export type Target = { surface: Surface; selectors: Selectors } | { edit: Highlight };

/** The toolbar when shown. */
export interface Bar {
  target: Target;
  /** The selection's (or highlight's) box in the viewport: the toolbar is placed clear of it. */
  box: Box;
  status?: { text: string; error: boolean };
  noteOpen: boolean;
}

/** The toolbar's state and the changes capture makes to it. */
export interface BarState {
  /** As last rendered. */
  bar: Bar | null;
  /** As last set (listeners and async actions read this one). */
  current(): Bar | null;
  open(target: Target, box: Box, noteOpen?: boolean): void;
  hide(): void;
  setNoteOpen(open: boolean): void;
  /** Show an action's outcome; the toolbar stays (on `next` when given and it worked) until the user moves on. */
  report(r: Result<unknown>, okText: string, next?: Target): void;
  /** Escape closes the innermost thing: the note box, then the toolbar. */
  closeInnermost(): void;
  /** The fresh selection the toolbar acts on, or null (none shown, or editing a highlight). */
  selection(): { surface: Surface; selectors: Selectors } | null;
}

/** The hook. */
export function useBar(): BarState {
  const [bar, setState] = useState<Bar | null>(null);
  const latest = useRef<Bar | null>(null);
  const set = (b: Bar | null): void => {
    latest.current = b;
    setState(b);
  };
  const current = (): Bar | null => latest.current;
  return {
    bar,
    current,
    open: (target, box, noteOpen = false) => set({ target, box, noteOpen }),
    hide: () => set(null),
    setNoteOpen: (noteOpen) => {
      const b = current();
      if (b) set({ ...b, noteOpen, status: undefined });
    },
    report(r, okText, next) {
      const b = current();
      if (!b) return;
      const status = r.ok
        ? { text: okText, error: false }
        : { text: t('captureFailed', [r.error]), error: true };
      set({ ...b, target: (r.ok && next) || b.target, status, noteOpen: r.ok ? false : b.noteOpen });
    },
    closeInnermost() {
      const b = current();
      if (b?.noteOpen) set({ ...b, noteOpen: false });
      else if (b) set(null);
    },
    selection() {
      const tg = current()?.target;
      return tg && !('edit' in tg) ? tg : null;
    },
  };
}
