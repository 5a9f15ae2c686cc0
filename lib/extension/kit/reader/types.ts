/** The reader panel's contract with the content script (what it is given, what it offers). */
import type { Article, Page, Result } from '../../../model';
import type { Capture, CaptureBase, CaptureIo } from '../capture';
import type { PageSource } from '../page-source';
import type { ReaderStart, StitchFn } from '../reader-session';
import type { SettingsArea } from '../../shared/reader-settings';

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
  /** Open 「整期目录」 for the tab's issue (a button in the reader's bar); absent → no button. */
  openIssue?: () => void;
  /**
   * 「存入 Zotero」 for the article shown: the background opens the library page on it (the kit may
   * not call Zotero from the page's world); absent → no button.
   */
  openHandoff?: (articleKey: string) => Promise<Result<null>>;
}

/** What the mounted panel component answers to (filled by `usePanel` on every render). */
export interface PanelControl {
  open(start: ReaderStart, t0?: number): Promise<void>;
  close(): void;
  isOpen(): boolean;
}

/** The panel's controls. */
export interface ReaderPanel extends PanelControl {
  /** Open and stitch; `t0` is when the user asked (performance.now()), for the stitch measure. */
  open(start: ReaderStart, t0?: number): Promise<void>;
  /**
   * Before any click: run the same stitch from the cache only, which brings the pages it reads into
   * the source's memory, so the click does not wait for the background (tens of ms per page). No network.
   */
  warm(start: ReaderStart): Promise<void>;
  /**
   * Highlights and clips on the page (lib/extension/capture). Shipped with the kit, not in the
   * content script (≈ 25 KB): it starts when the kit arrives, which every page with our UI asks for
   * while idle.
   */
  startCapture?(io: CaptureIo, base: CaptureBase, page: Page | null): Capture;
}
