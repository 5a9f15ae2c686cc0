/**
 * The reader kit: everything the content script needs only once the reader is used — the stitcher,
 * the fetch/decode/cache loader, the Reader view and its CSS, the issue scan for marks. It is built
 * as its own script (entrypoints/reader-kit.ts) and imported on first use, which keeps the content
 * script that runs on every e-paper page small (the 60 KB budget).
 */
import type { BlockMarks } from '../../../components/Overlay';
import type { Page } from '../../model';
import { stitchArticle } from '../../stitch';
import { fetchHtml, type FetchedPage, type FetchLike } from '../shared/fetch-html';
import { scanIssue } from './issue-marks';
import type { LoaderDeps, PageCache } from './loader';
import { createReaderPanel, type ReaderBody, type ReaderPanel } from './reader-panel';
import type { Result } from '../../model';
import type { SettingsArea } from '../shared/reader-settings';
import type { Article } from '../../model';

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
}

/** The outside world the kit talks to: fetch, the background (cache, cross-origin), storage. */
export interface KitIo {
  fetch: FetchLike;
  cache?: PageCache;
  fetchOtherOrigin?: (url: string) => Promise<Result<FetchedPage>>;
  settings?: SettingsArea;
}

/** Build the kit over its I/O. */
export function makeReaderKit(io: KitIo): ReaderKit {
  const deps = (
    env: Pick<KitPageEnv, 'pageUrl' | 'parse'>,
  ): Omit<LoaderDeps, 'bypassCache' | 'onProgress'> => ({
    pageUrl: env.pageUrl,
    fetchSameOrigin: (url, maxBytes) => fetchHtml(io.fetch, url, maxBytes),
    fetchOtherOrigin: io.fetchOtherOrigin,
    parse: env.parse,
    cache: io.cache,
  });
  return {
    createReaderPanel: (env) =>
      createReaderPanel({
        host: env.host,
        ui: env.ui,
        now: env.now,
        stitch: stitchArticle,
        loader: deps(env),
        settings: io.settings,
        onArticle: env.onArticle,
        onClose: env.onClose,
      }),
    scanIssue: (page, env) => scanIssue(page, deps(env)),
  };
}
