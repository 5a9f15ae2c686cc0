/**
 * The one typed protocol between content scripts, extension pages and the background, which owns
 * the library database (IndexedDB in the extension origin). Every answer is
 * `{ ok: true, value } | { ok: false, error }`: unknown messages, thrown handlers and a missing
 * receiver all become `{ ok: false, error }`.
 *
 * Listeners answer with `sendResponse(...)` and `return true` rather than returning a promise:
 * WXT's fake browser ignores returned promises (toolchain.md), while this works there, with the
 * polyfill and in Chromium.
 *
 * Types only from lib/db (erased at build), so importing this never bundles Dexie into a content script.
 */
import type {
  ArticleItems,
  CachedPage,
  ClipGroup,
  ClipInput,
  ClipPatch,
  DeletedItems,
  HighlightInput,
  HighlightPatch,
  SearchFilters,
  SearchResult,
} from './db/types.ts';
import type { Article, Clip, Highlight, HighlightColor, Result, StoredArticle } from './model/index.ts';

/** What the background's `fetchPage` returns: text when it decoded, else the raw bytes in base64. */
export interface FetchPageAnswer {
  status: number;
  contentType: string;
  /** URL after redirects. */
  finalUrl: string;
  text?: string;
  bytesBase64?: string;
}

/** What the background's `fetchImage` returns: an image's bytes (base64) and its type, without parameters. */
export interface FetchImageAnswer {
  contentType: string;
  /** URL after redirects. */
  finalUrl: string;
  bytesBase64: string;
}

/** Everything kept for one story: the articles found by key or URL, and all their highlights and clips. */
export interface StoryItems {
  articles: StoredArticle[];
  /** Oldest first. */
  highlights: Highlight[];
  clips: Clip[];
}

/** What the context menu and the keyboard commands ask a tab's content script to do with the selection. */
export type CaptureAction = 'highlight' | 'clip' | 'note' | 'copy';

/** Each message: [request fields besides `type`, value of a successful answer]. */
export interface Protocol {
  saveArticle: [{ article: Article; url?: string }, StoredArticle];
  findArticleByUrl: [{ url: string }, StoredArticle | null];
  saveHighlight: [{ highlight: HighlightInput; article?: Article }, Highlight];
  updateHighlight: [{ id: string; patch: HighlightPatch }, Highlight];
  deleteHighlight: [{ id: string }, Highlight];
  saveClip: [{ clip: ClipInput; article?: Article }, Clip];
  updateClip: [{ id: string; patch: ClipPatch }, Clip];
  deleteClip: [{ id: string }, Clip];
  /** Bulk delete (the library page's selection) in one transaction; the deleted records, for undo. */
  deleteMany: [{ clips: string[]; highlights: string[] }, DeletedItems];
  /** Undo of a bulk delete: the deleted records saved again (ids, times kept) in one transaction. */
  restoreDeleted: [DeletedItems, { clips: number; highlights: number }];
  listForArticle: [{ articleKey: string }, ArticleItems];
  recentClips: [{ limit: number }, ClipGroup[]];
  search: [{ query: string; filters?: SearchFilters }, SearchResult];
  getCachedPage: [{ url: string; maxAgeMs?: number }, CachedPage | null];
  putCachedPage: [{ page: Omit<CachedPage, 'fetchedAt'> & { fetchedAt?: number } }, CachedPage];
  /** Background fetch of a cross-origin continuation page (the content script cannot fetch it). */
  fetchPage: [{ url: string }, FetchPageAnswer];
  /**
   * Extension pages only: the background fetch of an image on the origin of `pageUrl`, an e-paper
   * page the issue walk read (in the page cache), or on a switched-on origin: the issue EPUB's cover.
   */
  fetchImage: [{ url: string; pageUrl: string }, FetchImageAnswer];
  /** Notice to open views (pages, tabs) that an article's highlights or clips changed: re-read them. */
  libraryChanged: [{ articleKey: string; what: 'highlight' | 'clip' | 'article' }, null];
  /**
   * Popup → the tab's content script: scroll to the highlight and flash it. `true` when it was drawn
   * on the page, `false` when the page holds it but cannot place it (listed as "not found").
   */
  jumpToHighlight: [{ id: string }, boolean];
  /**
   * A story's items, whichever part they were made on: articles whose key is in `keys` or that were
   * seen under one of `urls` (a stitched article lists every part's URL), with their highlights/clips.
   */
  listForStory: [{ keys: string[]; urls: string[] }, StoryItems];
  /**
   * The reader panel (kit) → background: open 「整期目录」 (issue.html) for the issue of `url`, the
   * sender's own e-paper page, in a new tab (a web page may not open an extension page itself).
   */
  openIssue: [{ url: string }, null];
  /**
   * The reader panel (kit) → background: 「存入 Zotero」 for the sender's own article. The kit runs in
   * the page's world and may not call Zotero, so the background opens the library page on that
   * article with the hand-off bar, where the click asks for the 127.0.0.1:23119 permission and sends.
   */
  openHandoff: [{ articleKey: string }, null];
  /** Background → tab: the context menu or a keyboard command acts on the tab's selection. */
  captureSelection: [{ action: CaptureAction; color?: HighlightColor }, null];
}

/** Name of a message. */
export type MessageType = keyof Protocol;
/** A request of type K (the discriminated union when K is left open). */
export type Request<K extends MessageType = MessageType> = K extends MessageType
  ? { type: K } & Protocol[K][0]
  : never;
/** The value of a successful answer to K. */
export type ResponseOf<K extends MessageType> = Protocol[K][1];

/** A handler for K: may return the Result directly or as a promise, and may throw (reported as an error). */
export type Handler<K extends MessageType> = (
  req: Request<K>,
  sender: unknown,
) => Result<ResponseOf<K>> | Promise<Result<ResponseOf<K>>>;

/** Handlers for some of the messages. */
export type Handlers = { [K in MessageType]?: Handler<K> };

/** The part of `browser.runtime` (or the fake browser's) that sending needs. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The part of `browser.tabs` that sending to a tab needs. */
export interface TabsLike {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** Sends a request to the background (or any extension page listening) and awaits the typed answer. */
export async function send<K extends MessageType>(
  runtime: RuntimeLike,
  req: Request<K>,
): Promise<Result<ResponseOf<K>>> {
  return deliver(() => runtime.sendMessage(req), req.type);
}

/** Sends a request (usually a `libraryChanged` notice) to a tab's content script. */
export async function sendToTab<K extends MessageType>(
  tabs: TabsLike,
  tabId: number,
  req: Request<K>,
): Promise<Result<ResponseOf<K>>> {
  return deliver(() => tabs.sendMessage(tabId, req), req.type);
}

async function deliver<T>(post: () => Promise<unknown>, type: string): Promise<Result<T>> {
  try {
    const answer = await post();
    if (isResult(answer)) return answer as Result<T>;
    return { ok: false, error: `No part of the extension answered "${type}" (is the background running?).` };
  } catch (e) {
    // Chromium: "Could not establish connection. Receiving end does not exist." after an update.
    return { ok: false, error: `Message "${type}" could not be delivered: ${errorText(e)}` };
  }
}

/** Options for createHandler. */
export interface HandlerOptions {
  /**
   * Answer messages this listener has no handler for with an error (default true). Set false in
   * extension pages that only listen for notices: in Chromium the first answer wins, so a page
   * answering "unknown" would beat the background's real answer.
   */
  answerUnknown?: boolean;
  /**
   * Which senders are heard at all (default: all). An extension page hears `runtime.sendMessage`
   * from content scripts too, so its notice listener accepts only senders of its own origin.
   */
  accept?: (sender: unknown) => boolean;
}

/** `accept` for extension pages: only the background and other pages of this extension. */
export function fromOrigin(origin: string): (sender: unknown) => boolean {
  return (sender) => {
    const url = (sender as { url?: unknown } | null)?.url;
    return typeof url === 'string' && (url === origin || url.startsWith(origin + '/'));
  };
}

/** A `runtime.onMessage` listener that dispatches to `handlers` and replies through sendResponse. */
export function createHandler(
  handlers: Handlers,
  opts: HandlerOptions = {},
): (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => true | undefined {
  const answerUnknown = opts.answerUnknown ?? true;
  return (message, sender, sendResponse) => {
    if (opts.accept && !opts.accept(sender)) return undefined;
    const type = isRequest(message) ? message.type : undefined;
    const handler =
      type !== undefined ? (handlers as Record<string, Handler<MessageType> | undefined>)[type] : undefined;
    if (!handler) {
      if (!answerUnknown) return undefined;
      sendResponse({
        ok: false,
        error: `Unknown message ${type === undefined ? (JSON.stringify(message) ?? 'undefined') : `"${type}"`}.`,
      });
      return true;
    }
    void (async () => {
      try {
        const result = await handler(message as Request<MessageType>, sender);
        sendResponse(
          isResult(result) ? result : { ok: false, error: `Handler for "${type}" returned no result.` },
        );
      } catch (e) {
        sendResponse({ ok: false, error: `"${type}" failed: ${errorText(e)}` });
      }
    })();
    return true;
  };
}

function isRequest(m: unknown): m is { type: string } {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

function isResult(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { ok?: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && typeof r.error === 'string');
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Bytes to base64, for `fetchPage` answers (messages carry JSON, not ArrayBuffers, in Chromium). */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

/** Base64 back to bytes. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
