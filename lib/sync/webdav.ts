/**
 * A WebDAV client on fetch (PROPFIND, MKCOL, PUT, GET, DELETE with Basic auth), rooted at the sync
 * folder the reader entered. fetch is injected (the background worker's, Node's in tests). Every
 * request has a timeout, so a server that stops answering mid-sync fails the sync instead of
 * hanging it; every failure is a SyncError with a code (lib/sync/errors.ts).
 */
import { httpError, SyncError } from './errors.ts';
import { parseMultistatus } from './multistatus.ts';
import type { DavEntry, DavTransport } from './types.ts';

export interface DavOptions {
  /** The folder's address, e.g. https://dav.jianguoyun.com/dav/epaper/ (a trailing / is added). */
  url: string;
  user: string;
  password: string;
  fetch?: typeof fetch;
  /** Per request; a server gone quiet is 'offline' after this long. */
  timeoutMs?: number;
  now?: () => number;
}

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>' +
  '<d:resourcetype/><d:getcontentlength/><d:getetag/><d:getlastmodified/></d:prop></d:propfind>';

/** Basic auth of user:password in UTF-8 (坚果云 accounts are e-mail addresses; passwords may hold any character). */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

/** Check an address the reader typed: http(s) only, no credentials in it; the folder form ends in /. */
export function normalizeDavUrl(raw: string): URL | null {
  try {
    const u = new URL(raw.trim());
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password) return null;
    if (!u.pathname.endsWith('/')) u.pathname += '/';
    u.search = '';
    u.hash = '';
    return u;
  } catch {
    return null;
  }
}

export class WebDav implements DavTransport {
  private readonly base: URL;
  private readonly auth: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private count = 0;

  constructor(opts: DavOptions) {
    const base = normalizeDavUrl(opts.url);
    if (!base) throw new SyncError({ code: 'bad-address', detail: opts.url });
    this.base = base;
    this.auth = basicAuth(opts.user, opts.password);
    this.fetch = opts.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.now = opts.now ?? Date.now;
  }

  get requests(): number {
    return this.count;
  }

  async list(path: string): Promise<DavEntry[]> {
    const url = this.urlOf(path, true);
    const res = await this.send('PROPFIND', path, {
      url,
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    const self = decodeURIComponent(new URL(url).pathname).replace(/\/+$/, '');
    return parseMultistatus(await res.text(), url)
      .filter((e) => e.path !== self)
      .map((e) => e.entry);
  }

  async get(path: string): Promise<Uint8Array> {
    const res = await this.send('GET', path, { url: this.urlOf(path, false) });
    return new Uint8Array(await res.arrayBuffer());
  }

  async put(path: string, body: Uint8Array, contentType: string): Promise<void> {
    const res = await this.send('PUT', path, {
      url: this.urlOf(path, false),
      headers: { 'Content-Type': contentType },
      body,
    });
    await res.body?.cancel();
  }

  async mkcol(path: string): Promise<void> {
    // 405 Method Not Allowed: the folder is there already (RFC 4918 §9.3.1).
    const res = await this.send('MKCOL', path, { url: this.urlOf(path, true), ok: [405] });
    await res.body?.cancel();
  }

  async remove(path: string): Promise<void> {
    const res = await this.send('DELETE', path, { url: this.urlOf(path, false), ok: [404] });
    await res.body?.cancel();
  }

  private urlOf(path: string, dir: boolean): string {
    const segs = path.split('/').filter(Boolean).map(encodeURIComponent).join('/');
    return new URL(segs + (dir && segs ? '/' : ''), this.base).href;
  }

  private async send(
    method: string,
    path: string,
    o: { url: string; headers?: Record<string, string>; body?: string | Uint8Array; ok?: number[] },
  ): Promise<Response> {
    this.count += 1;
    const res = await this.fetch(o.url, {
      method,
      headers: { Authorization: this.auth, ...o.headers },
      body: o.body as BodyInit | undefined,
      signal: AbortSignal.timeout(this.timeoutMs),
      credentials: 'omit',
      redirect: 'follow',
    });
    if (res.ok || o.ok?.includes(res.status)) return res;
    await res.body?.cancel().catch(() => undefined);
    throw httpError(method, path || '/', res, this.now());
  }
}
