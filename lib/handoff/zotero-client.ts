/**
 * The Zotero desktop connector on 127.0.0.1:23119 (domain.md §10): ping and saveItems, with every
 * failure a value. `fetch` is a parameter (the extension page's, or Node's in tests); call it from
 * an extension page or the background only, never a content script.
 *
 * The contract, from zotero/zotero `server.js` and `server_connector.js`: a request from a browser
 * (User-Agent `Mozilla/…` or an Origin header) without `X-Zotero-Connector-API-Version` is dropped
 * without an answer, so both calls send it; saveItems answers 201, 400
 * `{"error":"CONNECTOR_VERSION_OUTDATED"}` when Zotero's API version is above ours, 409
 * `{"error":"SESSION_EXISTS"}` for a session id it has seen, 500 when saving failed.
 */
import type { ZoteroItem } from './zotero';

/** Where Zotero listens. The permission asked for on first use is this origin's. */
export const ZOTERO_BASE = 'http://127.0.0.1:23119';
export const ZOTERO_PERMISSION = 'http://127.0.0.1:23119/*';
/** The connector API version this client speaks (Zotero 5.0.x to 7). */
export const CONNECTOR_API_VERSION = 3;

/** Why a call failed; each has its own translated message (zoteroError_* in _locales). */
export type ZoteroFailure = 'notRunning' | 'outdated' | 'refused' | 'sessionExists' | 'timeout' | 'failed';

export type ZoteroResult = { ok: true } | { ok: false; failure: ZoteroFailure; detail: string };

/** The world the client needs. */
export interface ZoteroClient {
  fetch: typeof fetch;
  base?: string;
  /** Give up after this long (ms): a hung Zotero must not hang the button. Default 10 s. */
  timeoutMs?: number;
}

/** What saveItems reads: `sessionID`, `uri` (the page the items came from) and `items`. */
export interface SaveItemsBody {
  sessionID: string;
  uri: string;
  items: ZoteroItem[];
}

const HEADERS = {
  'Content-Type': 'application/json',
  'X-Zotero-Connector-API-Version': String(CONNECTOR_API_VERSION),
  // Zotero only logs this one; the official connector sends its own version here.
  'X-Zotero-Version': '5.0.97',
};

async function call(c: ZoteroClient, path: string, body: unknown): Promise<Response | ZoteroResult> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, c.timeoutMs ?? 10_000);
  try {
    return await c.fetch((c.base ?? ZOTERO_BASE) + path, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify(body),
      signal: ctrl.signal,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (timedOut) return { ok: false, failure: 'timeout', detail };
    // Nothing listening, and a connection Zotero cancelled, both reject fetch with a TypeError.
    return { ok: false, failure: 'notRunning', detail };
  } finally {
    clearTimeout(timer);
  }
}

async function errorCode(r: Response): Promise<string> {
  try {
    const j = (await r.json()) as { error?: unknown };
    return typeof j.error === 'string' ? j.error : '';
  } catch {
    return '';
  }
}

/** Is Zotero running? POST /connector/ping with `{}`, as the official connector does. */
export async function ping(c: ZoteroClient): Promise<ZoteroResult> {
  const r = await call(c, '/connector/ping', {});
  if (!(r instanceof Response)) return r;
  if (r.ok) return { ok: true };
  if (r.status === 403) return { ok: false, failure: 'refused', detail: 'HTTP 403' };
  return { ok: false, failure: 'failed', detail: `HTTP ${r.status}` };
}

/** Save items; ok only on 201, so nothing is marked as sent that Zotero did not take. */
export async function saveItems(c: ZoteroClient, body: SaveItemsBody): Promise<ZoteroResult> {
  const r = await call(c, '/connector/saveItems', body);
  if (!(r instanceof Response)) return r;
  if (r.status === 201) return { ok: true };
  const code = await errorCode(r);
  if (r.status === 400 && code === 'CONNECTOR_VERSION_OUTDATED')
    return { ok: false, failure: 'outdated', detail: code };
  if (r.status === 409) return { ok: false, failure: 'sessionExists', detail: code || 'HTTP 409' };
  if (r.status === 403) return { ok: false, failure: 'refused', detail: 'HTTP 403' };
  return { ok: false, failure: 'failed', detail: code || `HTTP ${r.status}` };
}
