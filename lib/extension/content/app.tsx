/**
 * What the content script does on a page: read it with lib/sites; on a layout page show the block
 * overlay, on an article page the 阅读全文 button; on anything else do nothing at all (no host
 * element, no listeners). Writes data-ready on the host when the UI is up (a state, for tests to
 * wait on) and the time it took as the `epaper:overlay` performance measure.
 */
import { render } from 'preact';
import { ReadWhole } from '../../../components/ReadWhole';
import type { Article, Page } from '../../model';
import type { Capture, CaptureIo } from '../kit/capture';
import { isKnownHost, onFamilyPath } from '../shared/site-patterns';
import { mountHost } from './shadow-host';
import { t } from '../shared/i18n';
import { LayoutOverlay } from './overlay/LayoutOverlay';
import type { OverlayControl } from './overlay/types';
import { measure } from '../shared/timing';
import { trusted } from '../shared/trusted';
import type { ReaderKit } from '../kit/reader-kit';
import type { ReaderBody, ReaderPanel } from '../kit/reader';
import type { ReaderStart } from '../kit/reader-session';

/** The world the content script runs in, handed over by the entrypoint. */
export interface ContentEnv {
  doc: Document;
  url: string;
  /** performance.now() when the content script started. */
  t0: number;
  now: () => number;
  listen: (target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions) => void;
  /** ctx.setTimeout: run later, and not at all once the content script is invalidated. */
  defer: (fn: () => void, ms: number) => void;
  onInvalidated: (fn: () => void) => void;
  readPage: (doc: Document, url: string) => Page;
  /** Fetched HTML → Page (DOMParser + readPage). */
  parse: (html: string, url: string) => Page;
  /** The reader kit, loaded on first use (a dynamic import in the extension). */
  loadKit: () => Promise<ReaderKit>;
  /**
   * Highlights' and clips' browser services (lib/extension/kit/capture); left out, the kit's own
   * (ReaderKit.captureIo) are used, and with neither the page gets no capture UI.
   */
  capture?: CaptureIo;
}

/** Which UI a parsed page gets: the overlay, the button, or none. */
export function uiFor(page: Page, url = page.url): 'layout' | 'article' | 'none' {
  // The family patterns match any host: there only a Founder reader counts, so a blog that happens to
  // have /2020/05/content_3.html gets nothing. Known hosts and switched-on sites may use the generic one.
  const onlyByPath = !isKnownHost(url) && onFamilyPath(url);
  if (onlyByPath && page.adapter === 'generic') return 'none';
  if (page.kind === 'layout' && page.blocks.length > 0) return 'layout';
  if (page.kind === 'article' && page.articles.some((a) => a.paragraphs.length > 0)) return 'article';
  return 'none';
}

/** Start the content script's UI; returns which UI it showed. */
export function startContentApp(env: ContentEnv): 'layout' | 'article' | 'none' {
  let page: Page;
  try {
    page = env.readPage(env.doc, env.url);
  } catch {
    return 'none'; // readPage never throws by contract; a broken adapter must still leave the page alone
  }
  const kind = uiFor(page, env.url);
  // A frameset page (some old Founder sites) has no <body> to hold the UI: leave it alone.
  if (kind === 'none' || !env.doc.body) return 'none';

  const { host, shadow, ui, remove } = mountHost(env.doc);
  env.onInvalidated(remove);
  let learn: ((a: Article) => void) | undefined;
  const base = {
    doc: env.doc,
    host,
    shadow,
    ui,
    url: env.url,
    listen: env.listen,
    defer: env.defer,
    now: env.now,
  };
  let capture: Capture | null = null;
  const kitEnv = {
    host,
    ui,
    now: env.now,
    pageUrl: env.url,
    parse: env.parse,
    onArticle: (a: Article, body: ReaderBody | null) => {
      learn?.(a);
      capture?.readerShown(a, body);
    },
    // The panel says when it closed (its own button, Escape): capture drops the reader's ranges.
    onClose: () => capture?.readerClosed(),
  };
  const panel = lazyPanel(
    env,
    () =>
      env.loadKit().then((kit) => {
        const made = kit.createReaderPanel(kitEnv);
        // Capture ships in the kit, its browser services too (content-script size), and starts as
        // soon as the kit is here.
        const io = capture ? null : (env.capture ?? kit.captureIo?.(env.onInvalidated));
        if (io) capture = made.startCapture?.(io, base, kind === 'article' ? page : null) ?? null;
        return made;
      }),
    ui,
  );

  // One Preact tree for the page's surface: the overlay on a layout page, 阅读全文 on an article page.
  const el = env.doc.createElement('div');
  ui.append(el);
  if (kind === 'layout') {
    const overlay: { current: OverlayControl | null } = { current: null };
    learn = (a) => overlay.current?.learn(a);
    render(
      <LayoutOverlay page={page} env={{ doc: env.doc, host, listen: env.listen, panel }} control={overlay} />,
      el,
    );
    // After the overlay is up: read the issue's other layout pages (cache first) for → 6 / ← 1 marks.
    env.defer(() => {
      void env
        .loadKit()
        .then((kit) => kit.scanIssue(page, kitEnv))
        .then((marks) => overlay.current?.addMarks(marks))
        .catch(() => undefined); // marks are a bonus: without them the overlay still works
    }, 0);
  } else {
    render(<ReadWhole onClick={() => void panel.open({ page })} />, el);
    env.listen(
      env.doc,
      'keydown',
      trusted((e) => {
        if ((e as KeyboardEvent).key === 'Escape' && panel.isOpen()) panel.close();
      }),
    );
  }
  // Fetch the reader kit (and its settings, and this article's cached pages) while the reader is
  // idle, not on the click.
  env.defer(() => panel.preload(kind === 'article' ? { page } : null), 0);
  host.dataset.ready = kind;
  measure('overlay', env.t0);
  return kind;
}

/** The panel, created from the kit on the first open; the click time is taken before the kit loads. */
function lazyPanel(
  env: ContentEnv,
  make: () => Promise<ReaderPanel>,
  ui: HTMLElement,
): ReaderPanel & { preload(warmFrom: ReaderStart | null): void } {
  let panel: ReaderPanel | null = null;
  let making: Promise<ReaderPanel> | null = null;
  return {
    preload(warmFrom) {
      making ??= make();
      making
        .then((p) => {
          panel = p;
          if (warmFrom) void p.warm(warmFrom);
        })
        .catch(() => (making = null));
    },
    async open(start: ReaderStart, t0 = env.now()) {
      try {
        making ??= make();
        panel = await making;
        await panel.open(start, t0);
      } catch (e) {
        making = null;
        const why = e instanceof Error ? e.message : String(e);
        measure('reader-error', env.now(), { error: why });
        showKitFailure(ui, why);
      }
    },
    async warm(start: ReaderStart) {
      await (await making)?.warm(start);
    },
    close: () => panel?.close(),
    isOpen: () => panel?.isOpen() ?? false,
  };
}

/** The reader kit could not load (a blocked import, an extension mid-update): say so, never stay blank. */
function showKitFailure(root: HTMLElement, why: string): void {
  root.querySelector('.kit-failure')?.remove();
  const note = root.ownerDocument.createElement('p');
  note.className = 'kit-failure';
  note.setAttribute('role', 'alert');
  note.dataset.testid = 'reader-problem';
  note.textContent = t('problemReaderLoad', [why]);
  root.append(note);
}
