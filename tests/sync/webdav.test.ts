// The WebDAV client and 「测试连接」 against a real server (rclone), with the answers rclone never
// gives on its own (507, 429/503, a cut connection, a server that stops answering) made by a
// pass-through proxy in front of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConnection } from '../../lib/sync/connection';
import { retryAfter } from '../../lib/sync/errors';
import { parseMultistatus } from '../../lib/sync/multistatus';
import { normalizeDavUrl, WebDav } from '../../lib/sync/webdav';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { HAS_RCLONE, NO_RCLONE, startRclone, type DavServer } from './server';

describe('address and answers, without a server', () => {
  it.each([
    ['https://dav.jianguoyun.com/dav/', 'https://dav.jianguoyun.com/dav/'],
    [
      'https://cloud.example.org/remote.php/dav/files/张三',
      'https://cloud.example.org/remote.php/dav/files/%E5%BC%A0%E4%B8%89/',
    ],
    [' http://192.168.1.5:5005/webdav ', 'http://192.168.1.5:5005/webdav/'],
  ])('accepts %s', (raw, href) => expect(normalizeDavUrl(raw)?.href).toBe(href));

  it.each(['ftp://nas/dav/', 'dav.jianguoyun.com/dav/', 'https://u:p@dav.jianguoyun.com/dav/', ''])(
    'refuses %j',
    (raw) => expect(normalizeDavUrl(raw)).toBeNull(),
  );

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfter('120', 1000)).toBe(121_000);
    expect(retryAfter('Fri, 04 Dec 2026 18:30:00 GMT', 0)).toBe(Date.UTC(2026, 11, 4, 18, 30));
    expect(retryAfter('soon', 0)).toBeUndefined();
  });

  it('reads a multistatus with another prefix, relative hrefs and escaped names', () => {
    const xml = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>/dav/%E5%89%AA%E6%8A%A5/</d:href>
      <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
      <d:response><d:href>/dav/%E5%89%AA%E6%8A%A5/a&amp;b.json.gz</d:href><d:propstat><d:prop><d:resourcetype/>
      <d:getcontentlength>42</d:getcontentlength><d:getetag>&quot;x1&quot;</d:getetag>
      <d:getlastmodified>Fri, 04 Dec 2026 18:30:00 GMT</d:getlastmodified></d:prop></d:propstat></d:response></d:multistatus>`;
    expect(parseMultistatus(xml, 'https://dav.example/dav/剪报/')).toEqual([
      { path: '/dav/剪报', entry: { name: '剪报', isDir: true, size: 0 } },
      {
        path: '/dav/剪报/a&b.json.gz',
        entry: {
          name: 'a&b.json.gz',
          isDir: false,
          size: 42,
          etag: '"x1"',
          modified: Date.UTC(2026, 11, 4, 18, 30),
        },
      },
    ]);
  });
});

describe.skipIf(!HAS_RCLONE)('against rclone serve webdav', () => {
  let server: DavServer;
  let proxy: FaultProxy;
  const dav = (o: { url?: string; password?: string; timeoutMs?: number } = {}) =>
    new WebDav({
      url: o.url ?? proxy.url,
      user: server.user,
      password: o.password ?? server.pass,
      timeoutMs: o.timeoutMs,
    });

  beforeAll(async () => {
    server = await startRclone();
    proxy = await startFaultProxy(server.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });
  beforeEach(() => {
    proxy.faults.length = 0;
  });

  it('makes folders, writes, lists, reads and deletes files with Chinese names', async () => {
    const d = dav();
    await d.mkcol('剪报');
    await d.mkcol('剪报'); // again: not an error
    const body = new TextEncoder().encode('海南日报 A1');
    await d.put('剪报/第一版.txt', body, 'text/plain');
    expect(readFileSync(join(server.dir, '剪报', '第一版.txt'), 'utf8')).toBe('海南日报 A1');
    const [entry, ...more] = await d.list('剪报');
    expect([entry, more]).toEqual([
      expect.objectContaining({ name: '第一版.txt', isDir: false, size: body.length }),
      [],
    ]);
    // Its last-modified time as rclone says (whole seconds): what compaction dates a file by.
    expect(Math.abs(entry!.modified! - Date.now())).toBeLessThan(60_000);
    expect(new TextDecoder().decode(await d.get('剪报/第一版.txt'))).toBe('海南日报 A1');
    await d.remove('剪报/第一版.txt');
    expect(await d.list('剪报')).toEqual([]);
    expect(d.requests).toBe(7);
  });

  it('「测试连接」 passes on a good account and leaves no file behind', async () => {
    expect(await testConnection(dav())).toEqual({ ok: true, requests: 5 }); // PROPFIND, MKCOL, PUT, DELETE, GET crypto.json
    expect((await dav().list('epaper-reader')).map((e) => e.name)).toEqual([]);
  });

  it.each([
    ['a wrong password', { password: 'wrong' }, [], { code: 'auth', status: 401 }],
    ['no such folder', { path: 'no/such/folder/' }, [], { code: 'no-folder', status: 404 }],
    ['a full quota', {}, [{ method: 'PUT', status: 507, times: 1 }], { code: 'quota', status: 507 }],
    [
      'a rate limit with Retry-After',
      {},
      [{ method: 'PROPFIND', status: 429, headers: { 'Retry-After': '600' }, times: 1 }],
      { code: 'rate-limit', status: 429 },
    ],
    ['a 503 with no Retry-After', {}, [{ status: 503, times: 1 }], { code: 'rate-limit', status: 503 }],
    ['the server going away', {}, [{ method: 'PUT', cut: true, times: 1 }], { code: 'offline' }],
  ])('「测试连接」 names %s', async (_, o: { password?: string; path?: string }, faults, error) => {
    proxy.faults.push(...(faults as typeof proxy.faults));
    const r = await testConnection(dav({ password: o.password, url: proxy.url + (o.path ?? '') }));
    expect(r).toEqual({ ok: false, error: expect.objectContaining(error) });
    if (error.code === 'rate-limit' && !r.ok) expect(r.error.retryAt).toBeGreaterThan(Date.now() + 500_000);
  });

  it('a server that stops answering is offline after the timeout, not a hang', async () => {
    proxy.faults.push({ method: 'PROPFIND', hang: true, times: 1 });
    const r = await testConnection(dav({ timeoutMs: 300 }));
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'offline' }) });
  });

  it('rclone itself gone is offline', async () => {
    await server.stop();
    try {
      expect(await testConnection(new WebDav({ url: server.url, user: 'u', password: 'p' }))).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'offline' }),
      });
    } finally {
      await server.start();
    }
  });
});

if (!HAS_RCLONE) console.warn(NO_RCLONE);
