// Today's Library (fake-indexeddb) synced through the ledger store: local changes found by
// comparing with the ledger, remote versions written whatever their updatedAt, deletes both ways,
// and two libraries converging through a real rclone server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../lib/db/index.ts';
import { isVersioned } from '../../lib/sync/db-store';
import { freshState, syncOnce } from '../../lib/sync/engine';
import { emptyLedger, LedgerStore, type Ledger } from '../../lib/sync/ledger-store';
import { WebDav } from '../../lib/sync/webdav';
import { makeArticle, makeClip, makeHighlight, testLibrary } from '../db/factories';
import { HAS_RCLONE, startRclone, type DavServer } from './server';

/** A library and its ledger store; `saved` is the ledger as last persisted. */
function device(id: string, now = () => Date.now()) {
  const library = testLibrary();
  const box: { saved?: Ledger } = {};
  const ledger = emptyLedger();
  const store = new LedgerStore(library, ledger, id, async (l) => void (box.saved = structuredClone(l)), now);
  return { id, library, store, ledger, box };
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

async function clips(l: Library) {
  return ok(await l.dumpAll()).clips.map((c) => [c.id, c.note]);
}

// The ledger is for the library without a change feed; once lib/db is versioned the runner uses
// lib/sync/db-store.ts instead (tests/sync/db-store.test.ts) and these have nothing to test.
const UNVERSIONED = !isVersioned(testLibrary());

describe.runIf(UNVERSIONED)('ledger store over today’s Library', () => {
  it('finds new, edited and deleted records as local changes, once', async () => {
    const a = device('a');
    const c = ok(await a.library.saveClip(makeClip(), makeArticle()));
    const h = ok(await a.library.saveHighlight(makeHighlight(), makeArticle()));
    const first = await a.store.changesSince(null);
    expect(first.records.map((r) => r.kind).sort()).toEqual(['article', 'clip', 'highlight']);
    expect(await a.store.changesSince(first.cursor)).toEqual({ records: [], cursor: first.cursor });
    ok(await a.library.updateClip(c.id, { note: '要写进综述' }));
    ok(await a.library.deleteHighlight(h.id));
    const next = await a.store.changesSince(first.cursor);
    expect(next.records.map((r) => [r.kind, r.deleted])).toEqual([
      ['clip', false],
      ['highlight', true],
    ]);
    expect(await a.store.pending(next.cursor)).toBe(0);
    expect(a.box.saved?.seq).toBe(5);
  });

  it('writes the winning remote version even when its updatedAt is older, and applies deletes', async () => {
    const [a, b] = [device('a'), device('b', () => Date.now() - 3 * 3600_000)];
    const c = ok(await a.library.saveClip(makeClip(), makeArticle()));
    await b.store.applyRemote((await a.store.changesSince(null)).records);
    expect(await clips(b.library)).toEqual([[c.id, '']]);
    // B's clock is three hours slow: its edit has an older updatedAt, but came after it saw A's.
    ok(await b.library.updateClip(c.id, { note: 'B 后改' }));
    const fromB = await b.store.changesSince('0');
    await a.store.applyRemote(fromB.records);
    expect(await clips(a.library)).toEqual([[c.id, 'B 后改']]);
    ok(await a.library.deleteClip(c.id));
    await b.store.applyRemote((await a.store.changesSince('2')).records);
    expect(await clips(b.library)).toEqual([]);
    // What came from A is not sent back by B as its own change.
    expect((await b.store.changesSince(fromB.cursor)).records).toEqual([]);
  });
});

describe.runIf(UNVERSIONED)('ledger store, records the library refuses', () => {
  it('a clip dated days ahead is reported, not stored, and never comes back as a delete', async () => {
    const [a, b] = [device('a'), device('b')];
    const c = ok(await a.library.saveClip(makeClip(), makeArticle()));
    const records = (await a.store.changesSince(null)).records.map((r) =>
      r.kind === 'clip'
        ? { ...r, data: { ...(r.data as object), updatedAt: Date.now() + 3 * 86_400_000 } }
        : r,
    );
    const report = await b.store.applyRemote(records);
    expect(report.invalid).toEqual([expect.stringMatching(/from the future/)]);
    expect(report.changed.map((r) => r.kind)).toEqual(['article']);
    expect(await clips(b.library)).toEqual([]);
    expect((await b.store.changesSince('0')).records).toEqual([]);
    expect(c.id).toBeTruthy();
  });
});

describe.skipIf(!HAS_RCLONE || !UNVERSIONED)('two of today’s libraries through rclone', () => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startRclone();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a clip made in A shows in B, and a delete in B is gone in A', async () => {
    const [a, b] = [device('a'), device('b')];
    const run = (d: ReturnType<typeof device>, state: ReturnType<typeof freshState>) =>
      syncOnce(state, {
        store: d.store,
        dav: new WebDav({ url: server.url, user: server.user, password: server.pass }),
        save: async () => undefined,
      });
    const [sa, sb] = [freshState('a'), freshState('b')];
    const c = ok(await a.library.saveClip(makeClip(), makeArticle()));
    expect(await run(a, sa)).toMatchObject({ ok: true, pushed: 2 });
    expect(await run(b, sb)).toMatchObject({ ok: true, pulled: 2, applied: 2 });
    expect(await clips(b.library)).toEqual([[c.id, '']]);
    expect(ok(await b.library.allArticles()).map((x) => x.key)).toEqual([makeArticle().key]);
    ok(await b.library.deleteClip(c.id));
    expect(await run(b, sb)).toMatchObject({ ok: true, pushed: 1 });
    expect(await run(a, sa)).toMatchObject({ ok: true, applied: 1 });
    expect(await clips(a.library)).toEqual([]);
  });
});
