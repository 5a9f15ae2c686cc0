/**
 * The demo e-paper's HTTP server: serves `renderDemoSite()` on 127.0.0.1 (port 0 = any free port),
 * records every request path (the e2e tests read the log to prove the cache served a second open),
 * and lets tests add or override routes (a hostile page, a 404, a cross-origin redirect, 20 MB).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** A static response the server sends as is. */
export interface StaticRoute {
  contentType: string;
  body: string | Uint8Array;
  status?: number;
  headers?: Record<string, string>;
}

/** A route: a static response, or a handler for the cases a static body cannot say (redirects, streams). */
export type Route = StaticRoute | ((req: IncomingMessage, res: ServerResponse, server: DemoServer) => void);

/** Options of `startDemoServer`. */
export interface DemoServerOptions {
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** Path → route, checked before the demo site (so a test can replace a demo page by its path). */
  extraRoutes?: Record<string, Route>;
  /** The site to serve; defaults to `renderDemoSite(tests/fixtures)`. */
  site?: Map<string, { contentType: string; body: string | Uint8Array }>;
  /**
   * Paths that answer 500 to their first request and normally after (the issue walk's retry). Off
   * by default, so the reader's own tests and `npm start` see the demo as it is; `DEMO_PATHS.flaky`
   * is the demo's page for it.
   */
  failOnce?: readonly string[];
}

/** A running demo server. */
export interface DemoServer {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** The same server under the other name, `http://localhost:41234/`: a different origin for the browser. */
  otherOriginUrl: string;
  /** Every request path with its query, in arrival order (`/html/2026-07/13/node_58465.htm`). */
  requests: string[];
  /** The demo site being served (path → page), for routes that serve a demo page another way. */
  site: Map<string, { contentType: string; body: string | Uint8Array }>;
  /** Add or replace a route while the server runs. */
  setRoute(path: string, route: Route | undefined): void;
  close(): Promise<void>;
}

/** Repository root, found from this file so the script and the tests work from any cwd. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Folder the demo renders from (the real 海南日报 data and the seed page). */
export const DEMO_FIXTURES_DIR = fileURLToPath(new URL('../tests/fixtures', import.meta.url));

/** Start the demo server; resolves once it listens. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  // Imported lazily so a caller that brings its own `site` does not pay for rendering the demo.
  const site = options.site ?? (await import('./render/index.ts')).renderDemoSite(DEMO_FIXTURES_DIR);
  const routes = new Map<string, Route>(Object.entries(options.extraRoutes ?? {}));
  const requests: string[] = [];
  const flaky = new Set(options.failOnce ?? []);
  // Filled in once listening; handlers get the finished object.
  const self = { requests, site } as DemoServer;

  const server = createServer((req, res) => {
    const raw = req.url ?? '/';
    requests.push(raw);
    const path = decodeURIComponent(raw.split('?')[0]);
    const route = routes.get(path) ?? routes.get(raw) ?? site.get(path) ?? site.get(indexOf(path));
    try {
      if (flaky.delete(path)) return send(res, { status: 500, contentType: TEXT, body: `500: try again\n` });
      if (route === undefined)
        return send(res, { status: 404, contentType: TEXT, body: `404 Not Found: ${path}\n` });
      if (typeof route === 'function') return route(req, res, self);
      return send(res, route);
    } catch (error) {
      send(res, { status: 500, contentType: TEXT, body: `500: ${String(error)}\n` });
    }
  });
  // Browsers keep connections open; without this, close() waits for them.
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  self.url = `http://127.0.0.1:${port}/`;
  self.otherOriginUrl = `http://localhost:${port}/`;
  self.setRoute = (path, route) => (route === undefined ? routes.delete(path) : routes.set(path, route));
  self.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return self;
}

const TEXT = 'text/plain; charset=utf-8';

/** `/` and `/html/` serve their `index.html` when the site has one. */
function indexOf(path: string): string {
  return path.endsWith('/') ? `${path}index.html` : path;
}

function send(res: ServerResponse, route: StaticRoute): void {
  const body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : route.body;
  res.writeHead(route.status ?? 200, {
    'Content-Type': route.contentType,
    'Content-Length': String(body.byteLength),
    // The demo must never be cached by the browser: the e2e tests count requests to see the
    // extension's own IndexedDB cache at work, not Chromium's HTTP cache.
    'Cache-Control': 'no-store',
    ...route.headers,
  });
  res.end(body);
}
