/**
 * The reader panel's state: closed, or open on one run (the article so far, problems, progress). A
 * run stitches through the tab's page source; when its finished view is on screen the hook records
 * the `epaper:stitch` measure (click → stitched view rendered; detail: source, fetches) and hands the
 * article and its body elements to `onArticle`. Focus goes to the panel on open and back to where it
 * was (the 阅读全文 button, a block item) on close.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../../../model';
import type { ReaderProblem } from '../loader';
import { runReader, type ReaderOutcome, type ReaderStart } from '../reader-session';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  type ReaderSettings,
} from '../../shared/reader-settings';
import { measure } from '../../shared/timing';
import type { PanelControl, PanelEnv } from './types';

/** What an open panel shows. */
export interface PanelView {
  article: Article | null;
  problems: ReaderProblem[];
  progress: { done: number; total: number } | null;
  /** Set once the run finished: what it cost, for the measure, and when the user asked. */
  done?: { out: ReaderOutcome; t0: number };
}

/** The panel's refs, filled by the component: the dialog, the paragraphs, the highlight layer. */
export interface PanelRefs {
  panel: RefObject<HTMLDivElement | null>;
  body: RefObject<HTMLDivElement | null>;
  marks: RefObject<HTMLDivElement | null>;
}

/** State and actions of the panel; `control` is the content script's handle on them. */
export function usePanel(
  env: PanelEnv,
  refs: PanelRefs,
  control: { current: PanelControl | null },
): {
  view: PanelView | null;
  settings: ReaderSettings;
  setSettings: (s: ReaderSettings) => void;
  refresh: () => void;
  close: () => void;
} {
  const [view, setView] = useState<PanelView | null>(null);
  const [settings, setSettingsState] = useState<ReaderSettings>(DEFAULT_SETTINGS);
  // Read once, in the background of the first open: the panel opens in the user's settings.
  const ready = useRef<Promise<unknown> | null>(null);
  ready.current ??= loadSettings(env.settings).then(setSettingsState);
  // Kept in refs, not state: Escape asks isOpen() between renders, and a later run outdates an earlier.
  const s = useRef({
    run: 0,
    open: false,
    last: null as ReaderStart | null,
    opener: null as HTMLElement | null,
  });

  const start = async (from: ReaderStart, refresh: boolean, t0 = env.now()): Promise<void> => {
    const st = s.current;
    const id = ++st.run;
    st.last = from;
    if (!st.open) {
      // Where focus was: it goes back there on close.
      const root = env.ui.getRootNode() as Document | ShadowRoot;
      st.opener = (root.activeElement as HTMLElement | null) ?? null;
      st.open = true;
    }
    await ready.current;
    if (id !== st.run) return;
    setView({
      article: 'page' in from ? (from.page.articles[0] ?? null) : null,
      problems: [],
      progress: { done: 0, total: 0 },
    });
    const out = await runReader(from, env.stitch, env.source, { refresh }, (done, total) => {
      if (id === st.run) setView((v) => v && { ...v, progress: { done, total } });
    });
    if (id !== st.run) return;
    setView({ article: out.article, problems: out.problems, progress: null, done: { out, t0 } });
  };

  const close = (): void => {
    const st = s.current;
    st.run++;
    if (!st.open) return;
    st.open = false;
    setView(null);
    st.opener?.focus?.({ preventScroll: true });
    st.opener = null;
    env.onClose?.();
  };

  // Focusable, so the keyboard scrolls the reader (and Escape reaches the document listener) at once.
  const opened = view !== null;
  useLayoutEffect(() => {
    if (opened) refs.panel.current?.focus({ preventScroll: true });
  }, [opened]);
  useLayoutEffect(() => {
    const done = view?.done;
    if (!done) return;
    measure('stitch', done.t0, { source: done.out.source, fetches: done.out.fetches });
    const body = refs.body.current;
    const marks = refs.marks.current;
    if (done.out.article) env.onArticle?.(done.out.article, body && marks ? { root: body, marks } : null);
  }, [view?.done]);

  control.current = {
    open: (from, t0) => start(from, false, t0),
    close,
    isOpen: () => s.current.open,
  };
  return {
    view,
    settings,
    setSettings: (next) => {
      setSettingsState(next);
      void saveSettings(env.settings, next);
    },
    refresh: () => {
      const last = s.current.last;
      if (last) void start(last, true);
    },
    close,
  };
}
