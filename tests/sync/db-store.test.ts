// The library (lib/db's changesSince / applyRemote) synced through a real rclone server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbStore } from '../../lib/sync/db-store';
import { freshState, syncOnce } from '../../lib/sync/engine';
import { WebDav } from '../../lib/sync/webdav';
import { makeArticle, makeClip, ok, testLibrary } from '../db/factories';
import { HAS_RCLONE, startRclone, type DavServer } from './server';

describe.skipIf(!HAS_RCLONE)('the library through rclone', () => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startRclone();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** A device syncing into `folder` on the server (the server's root when none). */
  async function device(folder = '') {
    const library = testLibrary();
    const id = ok(await library.deviceId());
    const store = new DbStore(library, id);
    const state = freshState(id);
    const login = { user: server.user, password: server.pass };
    if (folder) await new WebDav({ url: server.url, ...login }).mkcol(folder);
    const dav = new WebDav({ url: `${server.url}${folder ? `${folder}/` : ''}`, ...login });
    const pending = () => store.pending(state.cursor);
    return { library, pending, sync: () => syncOnce(state, { store, dav, save: async () => undefined }) };
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

  it('the same article stored on two devices under two URLs is one article on both, nothing left pending', async () => {
    const [a, b] = [await device('one-article'), await device('one-article')];
    ok(await a.library.saveArticle(makeArticle(), 'http://paper.test/a.html'));
    ok(await b.library.saveArticle(makeArticle(), 'http://paper.test/b.html'));
    await a.sync();
    // B sends its copy, receives A's, merges them into a copy neither had and sends that too.
    expect(await b.sync()).toMatchObject({ ok: true, pushed: 2, pulled: 1, filesWritten: 2 });
    expect(await b.pending()).toBe(0);
    // A takes B's two copies in the order B made them: the first merges into a new version of A's
    // (sent back once), the second is then already there. After that it settles: nothing more is sent.
    expect(await a.sync()).toMatchObject({ ok: true, pulled: 2 });
    await b.sync();
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 0 });
    expect(await b.sync()).toMatchObject({ ok: true, pushed: 0 });
    for (const d of [a, b]) {
      const stored = ok(await d.library.getArticle(makeArticle().key));
      expect(stored?.urls.sort()).toEqual(
        [...makeArticle().urls, 'http://paper.test/a.html', 'http://paper.test/b.html'].sort(),
      );
    }
    for (const d of [a, b]) expect(await d.pending()).toBe(0);
  });
});
