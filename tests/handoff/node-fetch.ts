/**
 * A fetch over node:http for tests that run under happy-dom, whose own fetch applies a web page's
 * CORS rules; an extension page with the host permission is exempt from them, and so is this.
 */
import { request } from 'node:http';

export const nodeFetch: typeof fetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(String(input));
    const body = init.body === undefined || init.body === null ? '' : String(init.body);
    // As a browser's fetch does for a string body (Zotero refuses a POST without Content-Length).
    const headers = {
      ...(init.headers as Record<string, string>),
      'Content-Length': String(Buffer.byteLength(body)),
    };
    const req = request(url, { method: init.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = status === 204 || chunks.length === 0 ? null : Buffer.concat(chunks).toString('utf8');
        resolve(new Response(body, { status }));
      });
      res.on('error', reject);
    });
    init.signal?.addEventListener('abort', () => {
      req.destroy();
      reject(new DOMException('The operation was aborted.', 'AbortError'));
    });
    req.on('error', (e) => reject(new TypeError('fetch failed: ' + e.message)));
    if (body) req.write(body);
    req.end();
  });
