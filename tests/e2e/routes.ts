/**
 * Routes the e2e tests add to the demo server: the ways a continuation fetch goes wrong on a real
 * site (404, a redirect to another origin, a 20 MB page) and pages that must stay inert.
 */
import type { Route } from '../../demo/server.ts';

/** A plain 404, as a site answers for a page it took down. */
export function notFound(): Route {
  return {
    status: 404,
    contentType: 'text/html; charset=utf-8',
    body: '<html><body><h1>404 Not Found</h1></body></html>',
  };
}

/**
 * A 302 from 127.0.0.1 to the same path on `localhost` (another origin for the browser). The target
 * answers with the real demo page and `Access-Control-Allow-Origin: *`, so the fetch itself succeeds:
 * only a check of where the response came from can turn it into a problem.
 */
export function redirectToOtherOrigin(): Route {
  return (req, res, server) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.headers.host ?? '').startsWith('localhost')) {
      const page = server.site.get(path);
      res.writeHead(page ? 200 : 404, {
        'Content-Type': page?.contentType ?? 'text/plain',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'no-store',
      });
      res.end(page?.body ?? 'not found');
      return;
    }
    res.writeHead(302, { Location: new URL(path, server.otherOriginUrl).href, 'Cache-Control': 'no-store' });
    res.end();
  };
}

/**
 * The real demo page at this path padded to `bytes` with an HTML comment before `</html>`: a page that
 * would parse fine, so only a size limit (8 MB in the contract) stops it.
 */
export function hugePage(bytes: number = 20 * 1024 * 1024): Route {
  return (req, res, server) => {
    const path = (req.url ?? '/').split('?')[0];
    const page = server.site.get(path);
    const html = page === undefined ? '<html><body></body></html>' : String(page.body);
    const cut = html.lastIndexOf('</html>') >= 0 ? html.lastIndexOf('</html>') : html.length;
    const head = Buffer.from(`${html.slice(0, cut)}<!-- `, 'utf8');
    const tail = Buffer.from(` -->${html.slice(cut)}`, 'utf8');
    const padding = Buffer.alloc(Math.max(0, bytes - head.length - tail.length), 0x78); // 'x'
    const body = Buffer.concat([head, padding, tail]);
    res.writeHead(200, {
      'Content-Type': page?.contentType ?? 'text/html; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
}

/** A blog post on the same server: not an e-paper page, so the content script must not run. */
export function blogPost(): Route {
  return {
    contentType: 'text/html; charset=utf-8',
    body:
      '<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>博客：周末去海口</title></head>' +
      '<body><h1>周末去海口</h1><p>上接昨天的游记。海口的骑楼老街很热闹。</p>' +
      '<p>下转明天的文章。</p><a href="/html/2026-07/13/node_58464.htm">海南日报</a></body></html>',
  };
}
