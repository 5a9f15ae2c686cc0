/**
 * What the content script does on a page: read it with lib/sites; on a layout page show the block
 * overlay, on an article page the 阅读全文 button; on anything else do nothing at all (no host
 * element, no listeners). Writes data-ready and data-overlay-ms on the host when the UI is up.
 */
import { render } from 'preact';
import { ReadWhole } from '../../components/ReadWhole';
import type { Article, Page } from '../model';
import { mountHost } from './host';
import { startLayoutOverlay } from './layout-overlay';
import { scanIssue } from './issue-marks';
import { createLoader, type LoaderDeps } from './loader';
import { createReaderPanel } from './reader-panel';
import type { StitchFn } from './reader-session';
import type { SettingsArea } from './settings';

/** The world the content script runs in, handed over by the entrypoint. */
export interface ContentEnv {
  doc: Document;
  url: string;
  /** performance.now() when the content script started. */
  t0: number;
  now: () => number;
  listen: (target: EventTarget, type: string, fn: (e: Event) => void) => void;
  /** ctx.setTimeout: run later, and not at all once the content script is invalidated. */
  defer: (fn: () => void, ms: number) => void;
  onInvalidated: (fn: () => void) => void;
  readPage: (doc: Document, url: string) => Page;
  stitch: StitchFn;
  loader: Omit<LoaderDeps, 'pageUrl' | 'bypassCache' | 'onProgress'>;
  settings?: SettingsArea;
}

/** Which UI a parsed page gets: the overlay, the button, or none. */
export function uiFor(page: Page): 'layout' | 'article' | 'none' {
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
  const kind = uiFor(page);
  if (kind === 'none') return kind;

  const { host, ui, remove } = mountHost(env.doc);
  env.onInvalidated(remove);
  let learn: ((a: Article) => void) | undefined;
  const panel = createReaderPanel({
    host,
    ui,
    now: env.now,
    stitch: env.stitch,
    loader: { ...env.loader, pageUrl: env.url },
    settings: env.settings,
    onArticle: (a) => learn?.(a),
  });

  if (kind === 'layout') {
    const overlay = startLayoutOverlay(page, { doc: env.doc, host, ui, listen: env.listen, panel });
    learn = overlay.learn;
    // After the overlay is up: read the issue's other layout pages (cache first) for → 6 / ← 1 marks.
    env.defer(() => {
      const { load } = createLoader({ ...env.loader, pageUrl: env.url });
      void scanIssue(page, load).then((marks) => overlay.addMarks(marks));
    }, 0);
  } else {
    const el = env.doc.createElement('div');
    ui.append(el);
    render(<ReadWhole onClick={() => void panel.open({ page })} />, el);
    env.listen(env.doc, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape' && panel.isOpen()) panel.close();
    });
  }
  host.dataset.ready = kind;
  host.dataset.overlayMs = String(Math.round((env.now() - env.t0) * 10) / 10);
  return kind;
}
