// Compaction through a real WebDAV server (rclone on 127.0.0.1): a device removes its own change
// files once its snapshot covers them and they are older than two weeks (by rclone's own
// last-modified times: the test dates the files on rclone's disk back instead of waiting). A device that was
// offline across it still ends with every change and every delete, encrypted or not; one that kept
// up reads no snapshot; a device whose sync state was lost never reuses a file number.
import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshState, syncOnce, type SyncDeps } from '../../lib/sync/engine';
import { MemoryStore } from '../../lib/sync/memory-store';
import { WebDav } from '../../lib/sync/webdav';
import { HAS_RCLONE, startRclone, type DavServer } from './server';

const DAY = 86_400_000;
const clip = (note: string) => ({ note, paragraphs: ['本报讯 记者从省交通运输厅获悉…'] });

describe.skipIf(!HAS_RCLONE)('compaction of old change files through rclone serve webdav', () => {
  let server: DavServer;
  let folder = 0;
  let url = '';
  const filesOf = (device: string) =>
    readdirSync(join(server.dir, `compact-${folder}`, 'epaper-reader', 'devices', device)).sort();

  function device(id: string, passphrase?: string) {
    const store = new MemoryStore(id);
    const state = freshState(id);
    const dav = new WebDav({ url, user: server.user, password: server.pass, timeoutMs: 5000 });
    return {
      store,
      state,
      sync: (o: Partial<SyncDeps> = {}) =>
        syncOnce(state, {
          store,
          dav,
          save: async () => undefined,
          ...(passphrase ? { passphrase } : {}),
          ...o,
        }),
    };
  }

  beforeAll(async () => {
    // Listings read from disk every time: the test dates files back on rclone's disk.
    server = await startRclone(undefined, undefined, ['--dir-cache-time', '0s']);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    folder += 1;
    url = `${server.url}compact-${folder}/`;
    await new WebDav({ url: server.url, user: server.user, password: server.pass }).mkcol(
      `compact-${folder}`,
    );
  });

  it.each([
    ['plain', undefined],
    ['encrypted', '口令'],
  ])('a device offline across a compaction ends with every change and every delete (%s)', async (_, pass) => {
    const [a, b, c] = [device('a', pass), device('b', pass), device('c', pass)];
    for (let i = 0; i < 3; i++) {
      a.store.put('clip', `c${i}`, clip(`第${i}条`));
      await a.sync({ snapshotEvery: 100 });
    }
    await b.sync(); // b reads a's files 1–3, then goes offline
    b.store.put('clip', 'b-offline', clip('B 离线时写的'));
    a.store.put('clip', 'c0', clip('第0条 改过'));
    await a.sync({ snapshotEvery: 100 });
    a.store.delete('clip', 'c1');
    await a.sync({ snapshotEvery: 100 });
    await c.sync(); // c keeps up: files 1–5
    // Young files stay: a snapshot now removes no change file.
    expect(await a.sync({ snapshotEvery: 0 })).toMatchObject({ ok: true, snapshot: true });
    expect(filesOf('a').filter((f) => f.startsWith('c-'))).toHaveLength(5);
    // Files 1–5 as if written fifteen days ago (rclone lists the times on its disk).
    const old = (Date.now() - 15 * DAY) / 1000;
    for (const f of filesOf('a').filter((f) => f.startsWith('c-')))
      utimesSync(join(server.dir, `compact-${folder}`, 'epaper-reader', 'devices', 'a', f), old, old);
    // a's next snapshot removes the five old change files it covers and keeps its new one.
    a.store.put('clip', 'c3', clip('第3条'));
    expect(await a.sync({ snapshotEvery: 1 })).toMatchObject({ ok: true, snapshot: true });
    const ext = pass ? '.json.gz.enc' : '.json.gz';
    expect(filesOf('a')).toEqual([`c-00000006${ext}`, `s-00000006${ext}`]);
    a.store.put('clip', 'c4', clip('第4条'));
    await a.sync({ snapshotEvery: 100 });
    // b comes back: files 4 and 5 (the edit, the delete) are gone, so it reads the snapshot, then file 7.
    expect(await b.sync()).toMatchObject({ ok: true, filesRead: 2, problems: [] });
    expect(b.state.marks).toEqual({ a: 7 });
    // c kept up: it reads a's files 6 and 7 and b's first, no snapshot.
    expect(await c.sync()).toMatchObject({ ok: true, filesRead: 3, problems: [] });
    await a.sync({ snapshotEvery: 100 });
    for (const d of [a, b, c]) {
      expect(d.store.live('clip').map((r) => r.id)).toEqual(['b-offline', 'c0', 'c2', 'c3', 'c4']);
      expect(d.store.get('clip', 'c0')?.data).toEqual(clip('第0条 改过'));
      expect(d.store.get('clip', 'c1')?.deleted).toBe(true);
    }
  });

  it('a fresh device after a compaction starts from the snapshot and misses nothing', async () => {
    const a = device('a');
    for (let i = 0; i < 4; i++) {
      a.store.put('clip', `c${i}`, clip(`${i}`));
      await a.sync({ snapshotEvery: 100 });
    }
    a.store.delete('clip', 'c0');
    await a.sync({ snapshotEvery: 1, now: () => Date.now() + 15 * DAY });
    expect(filesOf('a')).toEqual(['s-00000005.json.gz']);
    const n = device('n');
    expect(await n.sync()).toMatchObject({ ok: true, filesRead: 1 });
    expect(n.store.live('clip').map((r) => r.id)).toEqual(['c1', 'c2', 'c3']);
    expect(n.store.get('clip', 'c0')?.deleted).toBe(true);
  });

  it('a device whose sync state was lost goes on numbering after its files, so readers miss nothing', async () => {
    const [a, b] = [device('a'), device('b')];
    for (let i = 0; i < 3; i++) {
      a.store.put('clip', `c${i}`, clip(`${i}`));
      await a.sync();
    }
    await b.sync();
    expect(b.state.marks).toEqual({ a: 3 });
    // The same library (device id) with a fresh state: its first push is everything, as file 4.
    const again = freshState('a');
    a.store.put('clip', 'c9', clip('丢了状态之后'));
    expect(
      await syncOnce(again, {
        store: a.store,
        dav: new WebDav({ url, user: server.user, password: server.pass }),
        save: async () => undefined,
      }),
    ).toMatchObject({ ok: true, filesWritten: 1 });
    expect(again.seq).toBe(4);
    expect(filesOf('a')).toEqual([
      'c-00000001.json.gz',
      'c-00000002.json.gz',
      'c-00000003.json.gz',
      'c-00000004.json.gz',
    ]);
    await b.sync();
    expect(b.store.live('clip').map((r) => r.id)).toEqual(['c0', 'c1', 'c2', 'c9']);
  });
});
