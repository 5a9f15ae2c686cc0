// Devices syncing through a real WebDAV server (rclone on 127.0.0.1): the journeys of issue 14 on
// the engine with in-memory stores. Faults rclone never makes itself (507, 429, a cut connection)
// come from the pass-through proxy in front of it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshState, syncOnce, type SyncDeps } from '../../lib/sync/engine';
import { MemoryStore } from '../../lib/sync/memory-store';
import type { SyncState } from '../../lib/sync/types';
import { WebDav } from '../../lib/sync/webdav';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { HAS_RCLONE, startRclone, type DavServer } from './server';

/** One device: its store, its remembered state (as saved), and a sync through the proxy. */
interface Device {
  store: MemoryStore;
  state: SyncState;
  saved: SyncState[];
  sync: (o?: Partial<SyncDeps>) => ReturnType<typeof syncOnce>;
}

const clip = (note: string) => ({ note, paragraphs: ['本报讯 记者从省交通运输厅获悉…'] });

describe.skipIf(!HAS_RCLONE)('sync through rclone serve webdav', () => {
  let server: DavServer;
  let proxy: FaultProxy;
  let folder = 0;
  let url = '';

  function device(id: string, o: { password?: string; now?: () => number } = {}): Device {
    const store = new MemoryStore(id, o.now);
    const state = freshState(id);
    const saved: SyncState[] = [];
    const dav = new WebDav({
      url,
      user: server.user,
      password: o.password ?? server.pass,
      timeoutMs: 2000,
      ...(o.now ? { now: o.now } : {}),
    });
    return {
      store,
      state,
      saved,
      sync: (deps = {}) =>
        syncOnce(state, {
          store,
          dav,
          save: async (s) => void saved.push(structuredClone(s)),
          ...o,
          ...deps,
        }),
    };
  }

  beforeAll(async () => {
    server = await startRclone();
    proxy = await startFaultProxy(server.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });
  beforeEach(async () => {
    // A fresh sync folder per test (the reader's folder on the account), made as a reader would.
    proxy.faults.length = 0;
    folder += 1;
    url = `${proxy.url}library-${folder}/`;
    await new WebDav({ url: proxy.url, user: server.user, password: server.pass }).mkcol(`library-${folder}`);
  });

  it('a clip made on A shows on B', async () => {
    const [a, b] = [device('a'), device('b')];
    a.store.put('clip', 'c1', clip('A 的摘录'));
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1, filesWritten: 1 });
    expect(await b.sync()).toMatchObject({ ok: true, pulled: 1, applied: 1 });
    expect(b.store.get('clip', 'c1')?.data).toEqual(clip('A 的摘录'));
    expect(readdirSync(join(server.dir, `library-${folder}`, 'epaper-reader', 'devices', 'a'))).toEqual([
      'c-00000001.json.gz',
    ]);
  });

  it('both edit offline, then both sync at the same moment: each ends with every change', async () => {
    const [a, b] = [device('a'), device('b')];
    a.store.put('clip', 'shared', clip('原文'));
    await a.sync();
    await b.sync();
    for (let i = 0; i < 5; i++) a.store.put('clip', `a${i}`, clip(`A ${i}`));
    for (let i = 0; i < 5; i++) b.store.put('highlight', `b${i}`, { color: 'yellow', i });
    a.store.put('clip', 'shared', clip('A 离线改'));
    b.store.put('clip', 'shared', clip('B 离线后改'));
    const [ra, rb] = await Promise.all([a.sync(), b.sync()]);
    expect([ra.ok, rb.ok]).toEqual([true, true]);
    // A sync that ran while the other was still writing sees the rest next time: no lock needed.
    const [ra2, rb2] = await Promise.all([a.sync(), b.sync()]);
    for (const d of [a, b]) {
      expect(d.store.live('clip').map((r) => r.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'shared']);
      expect(d.store.live('highlight')).toHaveLength(5);
      expect(d.store.get('clip', 'shared')?.data).toEqual(clip('B 离线后改'));
    }
    // Said by the sync that met the other's edit (each lists the folder before it sends).
    const conflicts = [ra, rb, ra2, rb2].flatMap((r) => r.conflicts);
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts.every((c) => c.id === 'shared' && c.kept.endsWith('.b'))).toBe(true);
  });

  it('a delete on A stays deleted on B, even when B edited the clip earlier', async () => {
    const [a, b] = [device('a'), device('b')];
    a.store.put('clip', 'c1', clip('原文'));
    await a.sync();
    await b.sync();
    b.store.put('clip', 'c1', clip('B 先改'));
    await new Promise((r) => setTimeout(r, 5));
    a.store.delete('clip', 'c1');
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) expect(d.store.get('clip', 'c1')?.deleted).toBe(true);
  });

  it('a third, fresh device gets the whole library from a snapshot and the files after it', async () => {
    const [a, b] = [device('a'), device('b')];
    for (let i = 0; i < 6; i++) {
      a.store.put('clip', `c${i}`, clip(`第${i}条`));
      await a.sync({ snapshotEvery: 3 });
    }
    b.store.put('highlight', 'h1', { color: 'blue', tags: ['交通'] });
    await b.sync({ snapshotEvery: 3 });
    a.store.delete('clip', 'c0');
    expect(await a.sync({ snapshotEvery: 1 })).toMatchObject({ ok: true, snapshot: true });
    const c = device('c');
    const r = await c.sync();
    expect(r).toMatchObject({ ok: true, problems: [] });
    // a's snapshot (all of a's seven files and b's one) and nothing else: not 8 change files.
    expect(r.filesRead).toBe(1);
    expect(c.store.live('clip').map((x) => x.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(c.store.live('highlight')).toHaveLength(1);
    expect(c.state.marks).toEqual({ a: 7, b: 1 });
    const files = readdirSync(join(server.dir, `library-${folder}`, 'epaper-reader', 'devices', 'a'));
    expect(files.filter((f) => f.startsWith('s-'))).toEqual(['s-00000007.json.gz']); // older snapshots gone
  });

  it('a wrong password says so and moves nothing', async () => {
    const a = device('a', { password: 'wrong' });
    a.store.put('clip', 'c1', clip('x'));
    const r = await a.sync();
    expect(r).toMatchObject({ ok: false, error: { code: 'auth', status: 401 }, pushed: 0 });
    expect(a.state).toMatchObject({ seq: 0, cursor: null, ready: false });
    expect(a.store.live('clip')).toHaveLength(1);
  });

  it('a folder that is not there says so', async () => {
    url = `${proxy.url}no-such-folder/`;
    const r = await device('a').sync();
    expect(r.error).toMatchObject({ code: 'no-folder' });
  });

  it('a full quota keeps the changes for the next sync', async () => {
    const [a, b] = [device('a'), device('b')];
    await a.sync();
    a.store.put('clip', 'c1', clip('x'));
    proxy.faults.push({ method: 'PUT', status: 507, times: 1 });
    expect(await a.sync()).toMatchObject({ ok: false, error: { code: 'quota', status: 507 }, pushed: 0 });
    expect(a.state.cursor).toBe('0'); // not moved past the unsent clip
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1 });
    await b.sync();
    expect(b.store.live('clip')).toHaveLength(1);
  });

  it('a rate limit waits for Retry-After without asking again, then carries on', async () => {
    let now = Date.now();
    const a = device('a', { now: () => now });
    const b = device('b');
    a.store.put('clip', 'c1', clip('x'));
    await b.sync();
    proxy.faults.push({ method: 'PROPFIND', status: 429, headers: { 'Retry-After': '900' }, times: 1 });
    const r = await a.sync();
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'rate-limit', status: 429, retryAt: now + 900_000 },
    });
    now += 60_000;
    expect(await a.sync()).toMatchObject({ ok: false, requests: 0, error: { code: 'rate-limit' } });
    now += 900_000;
    expect(await a.sync()).toMatchObject({ ok: true });
    await b.sync();
    expect(b.store.live('clip')).toHaveLength(1);
  });

  it('the server going away mid-sync loses nothing; the next sync finishes the job', async () => {
    const [a, b] = [device('a'), device('b')];
    for (let i = 0; i < 3; i++) {
      a.store.put('clip', `c${i}`, clip(`${i}`));
      await a.sync();
    }
    b.store.put('clip', 'b1', clip('B'));
    proxy.faults.push({ method: 'GET', path: 'c-00000002', cut: true, times: 1 });
    const r = await b.sync();
    expect(r).toMatchObject({ ok: false, error: { code: 'offline' }, pushed: 1 });
    expect(b.state.marks).toEqual({ a: 1 }); // file 1 was read and applied, file 2 not
    expect(b.state.lastError?.retryAt).toBeGreaterThan(Date.now());
    expect(await b.sync({ now: () => Date.now() + 120_000 })).toMatchObject({ ok: true, filesRead: 2 });
    expect(b.store.live('clip')).toHaveLength(4);
    await a.sync();
    expect(a.store.live('clip')).toHaveLength(4);
  });

  it('a damaged file on the server is reported and skipped; the rest syncs', async () => {
    const [a, b] = [device('a'), device('b')];
    a.store.put('clip', 'c1', clip('x'));
    await a.sync();
    // As a careless client (or a captive portal's page saved in its place) would leave it.
    await new WebDav({ url, user: server.user, password: server.pass }).put(
      'epaper-reader/devices/a/c-00000002.json.gz',
      new TextEncoder().encode('<html>'),
      'text/html',
    );
    a.store.put('clip', 'c2', clip('y'));
    a.state.seq = 2; // a's next file is 3
    await a.sync();
    const r = await b.sync();
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([expect.stringMatching(/^a\/c-00000002\.json\.gz: not a gzip JSON file/)]);
    expect(b.store.live('clip').map((x) => x.id)).toEqual(['c1', 'c2']);
  });

  it('an incremental sync of 10 changes: two listings and one PUT to send, two listings and one GET to receive', async () => {
    const [a, b] = [device('a'), device('b')];
    await a.sync();
    await b.sync();
    for (let i = 0; i < 10; i++) a.store.put('clip', `c${i}`, clip(`${i}`));
    const methods = (from: number) => proxy.log.slice(from).map((l) => l.split(' ')[0]);
    let before = proxy.log.length;
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 10, requests: 3 });
    // Listed first: a device must know the folder is not encrypted before it sends a plain file.
    expect(methods(before)).toEqual(['PROPFIND', 'PROPFIND', 'PUT']);
    before = proxy.log.length;
    expect(await b.sync()).toMatchObject({ ok: true, pulled: 10, requests: 3 });
    expect(methods(before)).toEqual(['PROPFIND', 'PROPFIND', 'GET']);
  });
});
