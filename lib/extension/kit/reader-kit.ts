/**
 * The reader kit: everything the content script needs only once the reader is used — the stitcher,
 * the page source (fetch/decode/cache), the Reader view and its CSS, the issue scan for marks. It is
 * built as its own script (entrypoints/reader-kit.ts) and imported on first use, which keeps the
 * content script that runs on every e-paper page small (the 60 KB budget).
 */
import type { BlockMarks } from '../../../components/Overlay';
import type { Article, Page, Result } from '../../model';
import { stitchArticle } from '../../stitch';
import { fetchHtml, type FetchedPage, type FetchLike } from '../shared/fetch-html';
import type { SettingsArea } from '../shared/reader-settings';
import { originOf } from '../shared/urls';
import { scanIssue } from './issue-marks';
import type { CaptureIo } from './capture';
import { createPageSource, type PageCache, type PageSource } from './page-source';
import { createReaderPanel, type ReaderBody, type ReaderPanel } from './reader';

/** What the content script gives the kit for one page. */
export interface KitPageEnv {
  host: HTMLElement;
  ui: HTMLElement;
  now: () => number;
  pageUrl: string;
  /** HTML → Page with the content script's own readPage (one copy of the site readers). */
  parse: (html: string, url: string) => Page;
  onArticle?: (a: Article, body: ReaderBody | null) => void;
  onClose?: () => void;
}

/** The kit's two services. */
export interface ReaderKit {
  createReaderPanel(env: KitPageEnv): ReaderPanel;
  scanIssue(page: Page, env: Pick<KitPageEnv, 'pageUrl' | 'parse'>): Promise<Record<string, BlockMarks>>;
  /** The browser services of highlights and clips, when the kit has them (see KitIo.capture). */
  captureIo?(onInvalidated: (fn: () => void) => void): CaptureIo;
}

/** The outside world the kit talks to: fetch, the background (cache, cross-origin), storage. */
export interface KitIo {
  fetch: FetchLike;
  cache?: PageCache;
  fetchOtherOrigin?: (url: string) => Promise<Result<FetchedPage>>;
  settings?: SettingsArea;
  /** Ask the background to open 「整期目录」 for this e-paper page. */
  openIssue?: (url: string) => void;
  /** Ask the background to open the library page on this article for 「存入 Zotero」. */
  openHandoff?: (articleKey: string) => Promise<Result<null>>;
  /**
   * Highlights' and clips' browser services (messages, CSS highlights, clipboard), made in the kit's
   * entrypoint, not the content script's, because only the kit's capture uses them (the content
   * script's size budget). `onInvalidated` is the content script's: the tab listener goes with it.
   */
  capture?: (onInvalidated: (fn: () => void) => void) => CaptureIo;
}

/**
 * Build the kit over its I/O. The kit is loaded once per tab, so the panel and the scan share one
 * page source (one memory of pages); a page env of another origin or parser gets its own.
 */
export function makeReaderKit(io: KitIo): ReaderKit {
  let made: { origin: string; parse: KitPageEnv['parse']; source: PageSource } | null = null;
  const sourceFor = ({ pageUrl, parse }: Pick<KitPageEnv, 'pageUrl' | 'parse'>): PageSource => {
    const origin = originOf(pageUrl);
    if (made?.origin !== origin || made.parse !== parse) {
      const source = createPageSource({
        pageUrl,
        fetchSameOrigin: (url, maxBytes) => fetchHtml(io.fetch, url, maxBytes),
        fetchOtherOrigin: io.fetchOtherOrigin,
        parse,
        cache: io.cache,
      });
      made = { origin, parse, source };
    }
    return made.source;
  };
  return {
    createReaderPanel: (env) =>
      createReaderPanel({
        host: env.host,
        ui: env.ui,
        now: env.now,
        stitch: stitchArticle,
        source: sourceFor(env),
        settings: io.settings,
        onArticle: env.onArticle,
        onClose: env.onClose,
        openIssue: io.openIssue ? () => io.openIssue?.(env.pageUrl) : undefined,
        openHandoff: io.openHandoff,
      }),
    scanIssue: (page, env) => scanIssue(page, sourceFor(env)),
    captureIo: io.capture,
  };
}
