/**
 * The demo server itself (no browser): it serves the rendered demo, answers 404 for the page the demo
 * leaves out, records every request, lets tests override a path, and the error routes behave as the
 * browser tests assume (a redirect to the other origin, a 20 MB body).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATHS } from '../../demo/render/index.ts';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { blogPost, hugePage, notFound, redirectToOtherOrigin } from './routes.ts';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({
    extraRoutes: {
      '/blog/post.html': blogPost(),
      [DEMO_PATHS.split.part2]: redirectToOtherOrigin(),
      [DEMO_PATHS.duplicate.part1]: hugePage(20 * 1024 * 1024),
      [DEMO_PATHS.duplicate2.part2]: notFound(),
    },
  });
});
afterAll(() => server.close());

const get = (path: string, init?: RequestInit) => fetch(new URL(path, server.url), init);

describe('demo server', () => {
  it('listens on 127.0.0.1 with a free port and names the other origin on the same port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.otherOriginUrl).toBe(server.url.replace('127.0.0.1', 'localhost'));
  });

  it.each([
    [DEMO_PATHS.front['2026-07-13'], 'text/html', '<founder-'],
    [DEMO_PATHS.split.part1, 'text/html', '下转A02版'],
    [DEMO_PATHS.seedText, 'text/plain', '下转A4版'],
  ])('serves %s as %s', async (path, type, text) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain(text);
  });

  it('answers 404 for the page the demo leaves out (07-10 第004版) and records every request', async () => {
    const before = server.requests.length;
    expect((await get(DEMO_PATHS.missing.page)).status).toBe(404);
    expect((await get(`${DEMO_PATHS.missing.part2}?div=0`)).status).toBe(404);
    expect(server.requests.slice(before)).toEqual([
      DEMO_PATHS.missing.page,
      `${DEMO_PATHS.missing.part2}?div=0`,
    ]);
  });

  it('serves extra routes, before the demo pages of the same path', async () => {
    expect(await (await get('/blog/post.html')).text()).toContain('周末去海口');
    expect((await get(DEMO_PATHS.duplicate2.part2)).status).toBe(404);
    server.setRoute('/added.htm', { contentType: 'text/plain', body: 'added' });
    expect(await (await get('/added.htm')).text()).toBe('added');
    server.setRoute('/added.htm', undefined);
    expect((await get('/added.htm')).status).toBe(404);
  });

  it('redirects a path to the same path on localhost, which serves the real page to any origin', async () => {
    const hop = await get(DEMO_PATHS.split.part2, { redirect: 'manual' });
    expect(hop.status).toBe(302);
    expect(hop.headers.get('location')).toBe(new URL(DEMO_PATHS.split.part2, server.otherOriginUrl).href);
    const there = await fetch(hop.headers.get('location') ?? '');
    expect(there.headers.get('access-control-allow-origin')).toBe('*');
    expect(await there.text()).toContain('◀上接A01版');
  });

  it('pads a page to 20 MB, still the real page (so only a size limit stops it)', async () => {
    const res = await get(DEMO_PATHS.duplicate.part1);
    expect(Number(res.headers.get('content-length'))).toBe(20 * 1024 * 1024);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(20 * 1024 * 1024);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('一张“纸”里的45亿元自贸港外贸账');
    // The page's own ending (</html> and the enpproperty trailer after it) is kept after the padding.
    const real = String(server.site.get(DEMO_PATHS.duplicate.part1)?.body);
    expect(text.endsWith(real.slice(real.lastIndexOf('</html>')))).toBe(true);
  });
});
