// The versioned library (issue 14's first half, lib/db's changesSince / applyRemote) synced
// through a real rclone server. Skips, saying so, on a branch where the library has no change feed yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbStore, isVersioned } from '../../lib/sync/db-store';
import { freshState, syncOnce } from '../../lib/sync/engine';
import { WebDav } from '../../lib/sync/webdav';
import { makeArticle, makeClip, ok, testLibrary } from '../db/factories';
import { HAS_RCLONE, startRclone, type DavServer } from './server';

const VERSIONED = isVersioned(testLibrary());
if (!VERSIONED)
  console.warn('lib/db has no changesSince/applyRemote on this branch: tests/sync/db-store.test.ts skipped');

describe.skipIf(!HAS_RCLONE || !VERSIONED)('the versioned library through rclone', () => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startRclone();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function device() {
    const library = testLibrary();
    if (!isVersioned(library)) throw new Error('not versioned');
    const id = ok(await library.deviceId());
    const store = new DbStore(library, id);
    const state = freshState(id);
    const dav = new WebDav({ url: server.url, user: server.user, password: server.pass });
    return { library, sync: () => syncOnce(state, { store, dav, save: async () => undefined }) };
  }

  it('a clip made in A shows in B, an edit in B comes back to A, a delete in A is gone in B', async () => {
    const [a, b] = [await device(), await device()];
    const clip = ok(await a.library.saveClip(makeClip(), makeArticle()));
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 2 });
    expect(await b.sync()).toMatchObject({ ok: true, pulled: 2, applied: 2 });
    expect(ok(await b.library.getClip(clip.id))?.note).toBe('');
    ok(await b.library.updateClip(clip.id, { note: 'B 的笔记' }));
    expect(await b.sync()).toMatchObject({ ok: true, pushed: 1 }); // only its own change, not what it received
    await a.sync();
    expect(ok(await a.library.getClip(clip.id))?.note).toBe('B 的笔记');
    ok(await a.library.deleteClip(clip.id));
    await a.sync();
    await b.sync();
    expect(ok(await b.library.getClip(clip.id))).toBeNull();
  });
});
