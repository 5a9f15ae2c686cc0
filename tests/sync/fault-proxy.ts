// A pass-through HTTP proxy in front of the real rclone server, for the answers rclone never gives
// on its own (a full quota 507, a rate limit 429/503 with Retry-After, a connection cut mid-sync).
// Every other request, and everything the client sees on success, is rclone's own answer.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Fault {
  /** Which requests it hits: a method, and optionally a part of the path. */
  method?: string;
  path?: string;
  /** Answer with this status instead of forwarding… */
  status?: number;
  headers?: Record<string, string>;
  /** …or cut the connection without an answer (the server going away). */
  cut?: boolean;
  /** …or never answer (a server gone quiet; the client's timeout must end it). */
  hang?: boolean;
  /** How many matching requests it hits; then it is gone. */
  times: number;
}

export interface FaultProxy {
  url: string;
  faults: Fault[];
  /** Requests seen, "METHOD /path". */
  log: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const up = new URL(target);
  const faults: Fault[] = [];
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const f = faults.find(
      (x) => x.times > 0 && (!x.method || x.method === req.method) && (!x.path || req.url!.includes(x.path)),
    );
    if (f) {
      f.times -= 1;
      if (f.hang) return;
      if (f.cut) {
        req.socket.destroy();
        return;
      }
      req.resume();
      res.writeHead(f.status ?? 500, f.headers).end();
      return;
    }
    const fwd = request(
      { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    fwd.on('error', () => req.socket.destroy());
    req.pipe(fwd);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    faults,
    log,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
