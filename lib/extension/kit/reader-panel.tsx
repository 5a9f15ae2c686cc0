/**
 * The reader panel inside the shadow root: opens over the page, runs a stitch (progress while pages
 * load), renders the Reader, and records the run as the `epaper:stitch` performance measure (click →
 * stitched view rendered; detail: source, fetches). It hands the article and its body element to
 * `onArticle` and says when it closed (`onClose`), so nobody looks our UI up by selector.
 */
import { createRef, render } from 'preact';
import { Reader } from '../../../components/Reader';
import { READER_CSS } from '../../../components/styles';
import type { Article } from '../../model';
import { startCaptureOnPage, type Capture, type CaptureBase, type CaptureIo } from '../content/capture';
import type { ReaderProblem } from './loader';
import type { PageSource } from './page-source';
import { runReader, type ReaderStart, type StitchFn } from './reader-session';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  type ReaderSettings,
  type SettingsArea,
} from '../shared/reader-settings';
import { measure } from '../shared/timing';

/** The reader's body (paragraphs) and the layer under it where capture draws highlights. */
export interface ReaderBody {
  root: HTMLElement;
  marks: HTMLElement;
}

/** What the panel needs from the content script. */
export interface PanelEnv {
  host: HTMLElement;
  ui: HTMLElement;
  now: () => number;
  stitch: StitchFn;
  /** The tab's pages (one per tab, shared with the issue scan). */
  source: PageSource;
  settings?: SettingsArea;
  /** Called with each finished article, the element holding its paragraphs and the highlight layer. */
  onArticle?: (a: Article, body: ReaderBody | null) => void;
  /** Called when the panel closed. */
  onClose?: () => void;
}

/** The panel's controls. */
export interface ReaderPanel {
  /** Open and stitch; `t0` is when the user asked (performance.now()), for the stitch measure. */
  open(start: ReaderStart, t0?: number): Promise<void>;
  /**
   * Before any click: run the same stitch from the cache only, which brings the pages it reads into
   * the source's memory, so the click does not wait for the background (tens of ms per page). No network.
   */
  warm(start: ReaderStart): Promise<void>;
  close(): void;
  isOpen(): boolean;
  /**
   * Highlights and clips on the page (lib/extension/capture). Shipped with the kit, not in the
   * content script (≈ 25 KB): it starts when the kit arrives, which every page with our UI asks for
   * while idle.
   */
  startCapture?(io: CaptureIo, base: CaptureBase, pageArticle: Article | null): Capture;
}

/** Create the (closed) panel; settings are read once, in the background of the first open. */
export function createReaderPanel(env: PanelEnv): ReaderPanel {
  let el: HTMLElement | null = null;
  let run = 0;
  let last: ReaderStart | null = null;
  let settings: ReaderSettings = { ...DEFAULT_SETTINGS };
  const body = createRef<HTMLDivElement>();
  const marks = createRef<HTMLDivElement>();
  let opener: HTMLElement | null = null;
  const settingsReady = loadSettings(env.settings).then((s) => (settings = s));
  let state: {
    article: Article | null;
    problems: ReaderProblem[];
    progress: { done: number; total: number } | null;
  } = { article: null, problems: [], progress: null };

  const paint = (): void => {
    if (!el) return;
    render(
      <Reader
        {...state}
        bodyRef={body}
        marksRef={marks}
        settings={settings}
        onSettings={(s) => {
          settings = s;
          void saveSettings(env.settings, s);
          paint();
        }}
        onRefresh={() => last && void start(last, true)}
        onClose={close}
      />,
      el,
    );
  };

  const start = async (from: ReaderStart, refresh: boolean, t0 = env.now()): Promise<void> => {
    const id = ++run;
    last = from;
    if (!el) {
      // Where focus was (the 阅读全文 button, a block item): it goes back there on close.
      const root = env.ui.getRootNode() as Document | ShadowRoot;
      opener = (root.activeElement as HTMLElement | null) ?? null;
      if (!env.ui.querySelector('style[data-reader]')) {
        const style = env.ui.ownerDocument.createElement('style');
        style.dataset.reader = '';
        style.textContent = READER_CSS;
        env.ui.append(style);
      }
      el = env.ui.ownerDocument.createElement('div');
      el.className = 'panel';
      el.setAttribute('role', 'dialog');
      el.setAttribute('aria-modal', 'false');
      // Focusable, so the keyboard scrolls the reader (and Escape reaches our listener) at once.
      el.tabIndex = -1;
      env.ui.append(el);
      el.focus({ preventScroll: true });
    }
    state = {
      article: 'page' in from ? (from.page.articles[0] ?? null) : null,
      problems: [],
      progress: { done: 0, total: 0 },
    };
    await settingsReady;
    paint();
    const out = await runReader(from, env.stitch, env.source, { refresh }, (done, total) => {
      if (id !== run) return;
      state = { ...state, progress: { done, total } };
      paint();
    });
    if (id !== run || !el) return;
    state = { article: out.article, problems: out.problems, progress: null };
    paint();
    measure('stitch', t0, { source: out.source, fetches: out.fetches });
    const shown = body.current && marks.current ? { root: body.current, marks: marks.current } : null;
    if (out.article) env.onArticle?.(out.article, shown);
  };

  function close(): void {
    run++;
    if (el) {
      render(null, el);
      el.remove();
      el = null;
      opener?.focus?.({ preventScroll: true });
      opener = null;
      env.onClose?.();
    }
  }

  const warm = async (from: ReaderStart): Promise<void> => {
    await runReader(from, env.stitch, env.source, { offline: true }, () => undefined).catch(() => undefined);
  };

  return {
    open: (from, t0) => start(from, false, t0),
    warm,
    close,
    isOpen: () => el !== null,
    startCapture: startCaptureOnPage,
  };
}
