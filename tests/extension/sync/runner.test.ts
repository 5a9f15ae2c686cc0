// The background's sync runner over the library and storage, against a real rclone server:
// not set up, no permission, two profiles syncing, one sync at a time, and the permission pattern
// kept apart from the popup's site switch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncRunner } from '../../../lib/extension/background/sync/runner';
import { sitePatterns } from '../../../lib/extension/shared/site-switch';
import {
  originPattern,
  SYNC_KEYS,
  type StorageLike,
  type SyncStatus,
} from '../../../lib/extension/shared/sync-settings';
import { makeArticle, makeClip, ok, testLibrary } from '../../db/factories';
import { WebDav } from '../../../lib/sync/webdav';
import { HAS_RCLONE, startRclone, type DavServer } from '../../sync/server';

/** storage.local as a Map, with structured cloning like the browser's. */
function memoryStorage(): StorageLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys])
        if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}

describe('the permission asked for sync', () => {
  it.each([
    [
      'https://dav.jianguoyun.com/dav/剪报/',
      'https://dav.jianguoyun.com/dav/%E5%89%AA%E6%8A%A5/epaper-reader/*',
    ],
    ['http://192.168.1.5:5005', 'http://192.168.1.5:5005/epaper-reader/*'],
  ])('%s → %s, which the site switch does not take for a newspaper', (url, pattern) => {
    expect(originPattern(url)).toBe(pattern);
    expect(sitePatterns([pattern])).toEqual([]);
  });
});

describe.skipIf(!HAS_RCLONE)('sync runner', () => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startRclone();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A profile syncing to its own folder on the server (`folder` shared by profiles that sync together). */
  async function profile(id: string, granted = true, folder = id, passphrase?: string) {
    await new WebDav({ url: server.url, user: server.user, password: server.pass }).mkcol(folder);
    const storage = memoryStorage();
    const library = testLibrary();
    const runner = new SyncRunner({
      storage,
      library,
      fetch: (u, i) => fetch(u, i),
      granted: async () => granted,
    });
    const settings = {
      url: `${server.url}${folder}/`,
      user: server.user,
      password: server.pass,
      enabled: true,
      ...(passphrase ? { passphrase } : {}),
    };
    return { storage, library, runner, setUp: () => storage.set({ [SYNC_KEYS.settings]: settings }) };
  }

  it('does nothing until set up', async () => {
    const p = await profile('p0');
    expect(await p.runner.run()).toBeNull();
    expect(p.storage.data.has(SYNC_KEYS.status)).toBe(false);
  });

  it('says so when the origin was not granted, and counts what waits', async () => {
    const p = await profile('p1', false);
    await p.setUp();
    ok(await p.library.saveClip(makeClip(), makeArticle()));
    expect(await p.runner.run()).toEqual({
      running: false,
      pending: 2,
      lastError: expect.objectContaining({ code: 'permission' }),
    });
  });

  it('a clip made in profile A shows in profile B; the status says when and how much', async () => {
    const [a, b] = [await profile('profile-a', true, 'ab'), await profile('profile-b', true, 'ab')];
    await Promise.all([a.setUp(), b.setUp()]);
    const clip = ok(await a.library.saveClip(makeClip(), makeArticle()));
    const sa = (await a.runner.run()) as SyncStatus;
    expect(sa).toMatchObject({ running: false, pending: 0, last: { pushed: 2, pulled: 0, conflicts: 0 } });
    expect(sa.lastSyncedAt).toBeGreaterThan(0);
    expect(await b.runner.run()).toMatchObject({ pending: 0, last: { pulled: 2 } });
    expect(ok(await b.library.dumpAll()).clips.map((c) => c.id)).toEqual([clip.id]);
    // Saved for the page: the status; and the password only ever under sync.settings.
    expect(b.storage.data.get(SYNC_KEYS.status)).toMatchObject({ pending: 0 });
    // Each profile syncs under the library's own device id (its folder and every rev's last field).
    for (const p of [a, b])
      expect(p.storage.data.get(SYNC_KEYS.state)).toMatchObject({ deviceId: ok(await p.library.deviceId()) });
    const elsewhere = [...b.storage.data].filter(([k]) => k !== SYNC_KEYS.settings);
    expect(JSON.stringify(elsewhere)).not.toContain(server.pass);
  });

  it('with a passphrase both profiles sync encrypted; it stays in sync.settings only, never in a backup', async () => {
    const passphrase = '同步口令-e2e';
    const [a, b] = [
      await profile('enc-a', true, 'enc', passphrase),
      await profile('enc-b', true, 'enc', passphrase),
    ];
    await Promise.all([a.setUp(), b.setUp()]);
    const clip = ok(await a.library.saveClip(makeClip(), makeArticle()));
    expect(await a.runner.run()).toMatchObject({ last: { pushed: 2 } });
    expect(await b.runner.run()).toMatchObject({ pending: 0, last: { pulled: 2 } });
    expect(ok(await b.library.dumpAll()).clips.map((c) => c.id)).toEqual([clip.id]);
    const raw = readFileSync(
      join(
        server.dir,
        'enc',
        'epaper-reader',
        'devices',
        ok(await a.library.deviceId()),
        'c-00000001.json.gz.enc',
      ),
    );
    expect(raw.includes(clip.id)).toBe(false);
    for (const p of [a, b]) {
      const elsewhere = [...p.storage.data].filter(([k]) => k !== SYNC_KEYS.settings);
      expect(JSON.stringify(elsewhere)).not.toContain(passphrase);
      // A backup and an export read the library (IndexedDB): all of it, as the backup file holds it.
      expect(JSON.stringify(ok(await p.library.dumpAll()))).not.toContain(passphrase);
    }
    // A third profile with another passphrase: the status says so, its library is whole.
    const c = await profile('enc-c', true, 'enc', 'another one');
    await c.setUp();
    ok(await c.library.saveClip(makeClip('C 的摘录。'), makeArticle()));
    expect(await c.runner.run()).toMatchObject({ pending: 2, lastError: { code: 'passphrase' } });
    expect(ok(await c.library.dumpAll()).clips).toHaveLength(1);
  });

  it('after a network error waits a minute, unless the reader presses 「立即同步」', async () => {
    const p = await profile('p4');
    let requests = 0;
    const offline = new SyncRunner({
      storage: p.storage,
      library: p.library,
      fetch: (u, i) => (requests++, fetch(u, i)),
      granted: async () => true,
    });
    // The address of a port nothing listens on: no answer.
    const settings = { url: 'http://127.0.0.1:9/dav/', user: 'u', password: 'p', enabled: true };
    await p.storage.set({ [SYNC_KEYS.settings]: settings });
    expect(await offline.run()).toMatchObject({
      lastError: { code: 'offline', retryAt: expect.any(Number) },
    });
    expect(requests).toBe(1);
    await offline.run();
    expect(requests).toBe(1); // waited
    await offline.run({ manual: true });
    expect(requests).toBe(2); // asked again
  });

  it('runs one sync at a time: calls during a sync make one more after it', async () => {
    const p = await profile('p3');
    await p.setUp();
    let requests = 0;
    const counting = new SyncRunner({
      storage: p.storage,
      library: p.library,
      fetch: (u, i) => (requests++, fetch(u, i)),
      granted: async () => true,
    });
    const first = counting.run();
    const second = counting.run();
    const third = counting.run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    await first;
    await new Promise((r) => setTimeout(r, 300));
    // First sync: 3 MKCOL + PROPFIND of its own folder (numbers used) + PROPFIND of devices
    // (nothing to push); the one more: 1 PROPFIND.
    expect(requests).toBe(6);
  });
});
