/** The capture glue's contract with the content script (what it is given, what it offers). */
import type { CaptureAction, MessageType, Request, ResponseOf } from '../../../messaging';
import type { Article, HighlightColor, Result } from '../../../model';
import type { HighlightCtor, RegistryLike } from './painter';

/** Sends one message to the background. */
export type SendFn = <K extends MessageType>(req: Request<K>) => Promise<Result<ResponseOf<K>>>;

/** What the capture glue needs from the content script. */
export interface CaptureEnv {
  doc: Document;
  host: HTMLElement;
  /** Our (closed) shadow root: selections inside the reader panel are read through it. */
  shadow: ShadowRoot;
  ui: HTMLElement;
  url: string;
  /** The article read from this page (article pages); null on a layout page. */
  pageArticle: Article | null;
  send: SendFn;
  listen: (target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions) => void;
  defer: (fn: () => void, ms: number) => void;
  now: () => number;
  /** `CSS.highlights` and `Highlight`; null where the browser lacks the API (nothing is drawn). */
  registry: RegistryLike | null;
  Highlight: HighlightCtor | null;
  clipboard: (text: string) => Promise<boolean>;
}

/** The glue's controls, for the content script's message listener and the reader panel. */
export interface Capture {
  /** The reader rendered a (stitched) article: `root` holds its paragraphs, `marks` its highlights. */
  readerShown(article: Article, body: { root: HTMLElement; marks: HTMLElement } | null): void;
  /** The reader panel closed: its highlights go with it. */
  readerClosed(): void;
  /** Context menu / keyboard command on the current selection. */
  act(action: CaptureAction, color?: HighlightColor): Promise<Result<null>>;
  /** Scroll to a highlight and flash it: true when drawn, false when kept but not placed here. */
  jump(id: string): Promise<boolean>;
  /** Re-read the story's items and draw them again (a `libraryChanged` notice). */
  refresh(): Promise<void>;
}
