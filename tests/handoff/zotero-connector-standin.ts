/**
 * STAND-IN for the Zotero desktop connector server (no Zotero can run here: it is a desktop app with
 * no Debian package). Written from Zotero's own source and answering by its contract:
 * - zotero/zotero chrome/content/zotero/xpcom/server/server.js (RequestHandler): endpoint lookup
 *   (404 "No endpoint found"), method check (400), the browser check (a request with a
 *   `Mozilla/` User-Agent or an Origin header and no `X-Zotero-Connector-API-Version` is cancelled
 *   with no response, except a navigation to /connector/ping), Content-Length required on POST
 *   (400), content-type check (400), JSON parse (400 "Invalid JSON provided"), and the
 *   X-Zotero-Version / X-Zotero-Connector-API-Version response headers;
 * - zotero/zotero chrome/content/zotero/xpcom/server/server_connector.js: /connector/ping (GET
 *   and POST), /connector/saveItems (POST application/json): versionWarning(force) → 400
 *   `{"error":"CONNECTOR_VERSION_OUTDATED"}` when the request's API version is below Zotero's,
 *   SessionManager.create → 409 `{"error":"SESSION_EXISTS"}` for a seen sessionID, then 201;
 * - itemToAPIJSON (zotero/translate): a creator with neither lastName nor firstName is dropped,
 *   `fieldMode: 1` makes a single-field `{name}`; fields not in the item type's schema are dropped.
 * It listens on 127.0.0.1, port 0, and keeps what it saved for the test to read.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { NEWSPAPER_ARTICLE_FIELDS } from '../../lib/handoff/zotero-schema';

/** One saved item as Zotero would store it (API JSON), with what was dropped on the way. */
export interface SavedItem {
  sessionID: string;
  uri: string;
  itemType: string;
  fields: Record<string, string>;
  creators: Array<{ name?: string; firstName?: string; lastName?: string; creatorType: string }>;
  notes: string[];
  tags: string[];
  droppedFields: string[];
  droppedCreators: number;
}

export interface StandinOptions {
  /** Zotero's connector API version (3 today; 4 plays a Zotero newer than the client). */
  apiVersion?: number;
  /** Never answer saveItems (a hung Zotero). */
  hang?: boolean;
}

export interface Standin {
  base: string;
  saved: SavedItem[];
  /** Requests cancelled by the browser check. */
  cancelled: number;
  close(): Promise<void>;
}

type Endpoint = { methods: string[]; types: string[] };
const ENDPOINTS: Record<string, Endpoint> = {
  '/connector/ping': { methods: ['GET', 'POST'], types: ['application/json', 'text/plain'] },
  '/connector/saveItems': { methods: ['POST'], types: ['application/json'] },
};

const FIELDS = new Set<string>(NEWSPAPER_ARTICLE_FIELDS);
// Keys of a translator item that are not fields.
const NOT_FIELDS = new Set(['id', 'itemType', 'creators', 'notes', 'tags', 'attachments', 'seeAlso']);

function toApi(raw: Record<string, unknown>, sessionID: string, uri: string): SavedItem {
  const out: SavedItem = {
    sessionID,
    uri,
    itemType: String(raw.itemType ?? ''),
    fields: {},
    creators: [],
    notes: [],
    tags: [],
    droppedFields: [],
    droppedCreators: 0,
  };
  for (const [k, v] of Object.entries(raw)) {
    if (NOT_FIELDS.has(k)) continue;
    if (out.itemType === 'newspaperArticle' && !FIELDS.has(k)) out.droppedFields.push(k);
    else out.fields[k] = String(v);
  }
  for (const c of (raw.creators as Array<Record<string, unknown>>) ?? []) {
    if (!c.firstName && !c.lastName) {
      out.droppedCreators++;
      continue;
    }
    const type = String(c.creatorType ?? 'author');
    if (!c.firstName || c.fieldMode === 1) out.creators.push({ name: String(c.lastName), creatorType: type });
    else
      out.creators.push({ firstName: String(c.firstName), lastName: String(c.lastName), creatorType: type });
  }
  for (const n of (raw.notes as Array<{ note?: unknown }>) ?? []) out.notes.push(String(n.note ?? ''));
  for (const t of (raw.tags as Array<string | { tag?: unknown }>) ?? [])
    out.tags.push(typeof t === 'string' ? t : String(t.tag ?? ''));
  return out;
}

/** Start the stand-in on 127.0.0.1:0. */
export async function startZoteroStandin(opts: StandinOptions = {}): Promise<Standin> {
  const api = opts.apiVersion ?? 3;
  const sessions = new Set<string>();
  const sockets = new Set<Socket>();
  const state = { saved: [] as SavedItem[], cancelled: 0 };
  const send = (res: ServerResponse, code: number, type?: string, body?: string) => {
    res.writeHead(code, {
      'X-Zotero-Version': '7.0.0-standin',
      'X-Zotero-Connector-API-Version': String(api),
      ...(type ? { 'Content-Type': type } : {}),
    });
    res.end(body ?? '');
  };
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const path = (req.url ?? '').split('?')[0];
    const ep = ENDPOINTS[path];
    if (!ep) return send(res, 404, 'text/plain', 'No endpoint found\n');
    const method = req.method ?? '';
    if (method === 'HEAD' || method === 'OPTIONS') return send(res, 200);
    if (!ep.methods.includes(method))
      return send(res, 400, 'text/plain', 'Endpoint does not support method\n');
    const h = req.headers;
    const isBrowser = (h['user-agent'] ?? '').startsWith('Mozilla/') || 'origin' in h;
    if (
      isBrowser &&
      !h['x-zotero-connector-api-version'] &&
      !h['zotero-allowed-request'] &&
      !(path === '/connector/ping' && h['sec-fetch-mode'] === 'navigate')
    ) {
      // _cancelResponse: close without a word, so a web page cannot tell Zotero is there.
      state.cancelled++;
      req.socket.destroy();
      return;
    }
    if (method === 'GET')
      return send(res, 200, 'text/html', '<!DOCTYPE html><html><body>Zotero is running</body></html>');
    if (!/^[0-9]+$/.test(h['content-length'] ?? ''))
      return send(res, 400, 'text/plain', 'Content-length not provided\n');
    const type = (h['content-type'] ?? '').split(/\s*;/)[0];
    let data: Record<string, unknown> = {};
    if (type) {
      if (!ep.types.includes(type))
        return send(res, 400, 'text/plain', 'Endpoint does not support content-type\n');
      if (type === 'application/json') {
        try {
          data = JSON.parse(body) as Record<string, unknown>;
        } catch {
          return send(res, 400, 'text/plain', 'Invalid JSON provided\n');
        }
      }
    }
    if (path === '/connector/ping') return send(res, 200, 'application/json', JSON.stringify({ prefs: {} }));
    // saveItems: versionWarning(req, true) first.
    const version = Number(h['x-zotero-connector-api-version']);
    if (h['x-zotero-connector-api-version'] && version < api)
      return send(res, 400, 'application/json', JSON.stringify({ error: 'CONNECTOR_VERSION_OUTDATED' }));
    const sessionID = String(data.sessionID ?? '');
    if (sessions.has(sessionID))
      return send(res, 409, 'application/json', JSON.stringify({ error: 'SESSION_EXISTS' }));
    sessions.add(sessionID);
    if (opts.hang) return; // never answers
    const uri = String(data.uri ?? '');
    for (const raw of (data.items as Array<Record<string, unknown>>) ?? [])
      state.saved.push(toApi(raw, sessionID, uri));
    return send(res, 201, 'application/json');
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => handle(req, res, body));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    get saved() {
      return state.saved;
    },
    get cancelled() {
      return state.cancelled;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
