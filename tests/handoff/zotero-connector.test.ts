/**
 * 「存入 Zotero」 end to end in Node against the stand-in connector (./zotero-connector-standin.ts,
 * written from Zotero's server.js and server_connector.js): the round trip, what Zotero would store,
 * a resend, and each failure (not running, outdated, refused, 409, timeout) with nothing recorded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { groupByArticle, type ArticleGroup } from '../../lib/export/selection';
import type { SentRecord } from '../../lib/handoff/sent';
import { ping, saveItems } from '../../lib/handoff/zotero-client';
import { sendToZotero, type SentStore, type ZoteroSendDeps } from '../../lib/handoff/zotero-send';
import { hainanLibrary } from '../export/hainan';
import { startZoteroStandin, type Standin } from './zotero-connector-standin';

/** The storage.local stand-in: a Map, as the extension's store keeps one record per article. */
function memoryStore(): SentStore & { records: Map<string, SentRecord> } {
  const records = new Map<string, SentRecord>();
  return {
    records,
    get: async (keys) => new Map(keys.filter((k) => records.has(k)).map((k) => [k, records.get(k)!])),
    set: async (next) => next.forEach((v, k) => records.set(k, v)),
  };
}

let servers: Standin[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function standin(opts?: Parameters<typeof startZoteroStandin>[0]): Promise<Standin> {
  const s = await startZoteroStandin(opts);
  servers.push(s);
  return s;
}

let n = 0;
function deps(base: string, store: SentStore, extra: Partial<ZoteroSendDeps> = {}): ZoteroSendDeps {
  return {
    client: { fetch, base, timeoutMs: 2_000 },
    store,
    now: () => new Date(2026, 11, 4, 12),
    sessionId: () => `s${++n}`,
    requestPermission: async () => true,
    ...extra,
  };
}

function groups(): ArticleGroup[] {
  return groupByArticle(hainanLibrary());
}

describe('Zotero connector round trip', () => {
  it('pings and saves one newspaperArticle that Zotero keeps whole', async () => {
    const z = await standin();
    const store = memoryStore();
    expect(await ping({ fetch, base: z.base })).toEqual({ ok: true });
    const r = await sendToZotero(groups(), deps(z.base, store));
    expect(r).toEqual({ ok: true, value: { sent: 1, notes: 7, already: [] } });
    expect(z.saved).toHaveLength(1);
    const saved = z.saved[0];
    expect(saved.itemType).toBe('newspaperArticle');
    expect(saved.droppedFields).toEqual([]);
    expect(saved.droppedCreators).toBe(0);
    expect(saved.creators.every((c) => c.name && c.creatorType === 'author')).toBe(true);
    expect(saved.fields).toMatchObject({ publicationTitle: '海南日报', pages: '1-2', language: 'zh-CN' });
    expect(saved.uri).toMatch(/^https?:\/\//);
    expect(saved.notes).toHaveLength(7);
    expect(saved.tags).toEqual(['脑机接口', '海南', '科技金融']);
    expect([...store.records.keys()]).toEqual([groups()[0].key]);
  });

  it('a second send says it is there; only what is new goes when asked', async () => {
    const z = await standin();
    const store = memoryStore();
    await sendToZotero(groups(), deps(z.base, store));
    const again = await sendToZotero(groups(), deps(z.base, store));
    expect(again).toMatchObject({ ok: true, value: { sent: 0, already: [{ fresh: 0 }] } });
    const lib = hainanLibrary();
    lib.highlights[0] = {
      ...lib.highlights[0],
      note: '新写的批注',
      updatedAt: lib.highlights[0].updatedAt + 1,
    };
    const edited = groupByArticle(lib);
    const told = await sendToZotero(edited, deps(z.base, store));
    expect(told).toMatchObject({ ok: true, value: { sent: 0, already: [{ fresh: 1 }] } });
    const onlyNew = await sendToZotero(edited, deps(z.base, store), { onlyNew: true });
    expect(onlyNew).toEqual({ ok: true, value: { sent: 1, notes: 1, already: [] } });
    expect(z.saved).toHaveLength(2);
    expect(z.saved[1].notes).toHaveLength(1);
    expect(z.saved[1].notes[0]).toContain('新写的批注');
  });
});

describe('Zotero failures: a clear reason, nothing marked as sent', () => {
  it('not running: nothing listens on the port', async () => {
    const z = await standin();
    await z.close();
    servers = [];
    const store = memoryStore();
    const r = await sendToZotero(groups(), deps(z.base, store));
    expect(r).toMatchObject({ ok: false, failure: 'notRunning' });
    expect(store.records.size).toBe(0);
  });

  it('outdated: Zotero speaks a newer connector API (400 CONNECTOR_VERSION_OUTDATED)', async () => {
    const z = await standin({ apiVersion: 4 });
    const store = memoryStore();
    const r = await sendToZotero(groups(), deps(z.base, store));
    expect(r).toEqual({ ok: false, failure: 'outdated', detail: 'CONNECTOR_VERSION_OUTDATED' });
    expect(z.saved).toEqual([]);
    expect(store.records.size).toBe(0);
  });

  it('refused: the permission for 127.0.0.1:23119 was declined, so nothing is asked of Zotero', async () => {
    const z = await standin();
    const store = memoryStore();
    const r = await sendToZotero(groups(), deps(z.base, store, { requestPermission: async () => false }));
    expect(r).toMatchObject({ ok: false, failure: 'refused' });
    expect(z.saved).toEqual([]);
  });

  it('409: a session id Zotero has seen', async () => {
    const z = await standin();
    const store = memoryStore();
    const d = deps(z.base, store, { sessionId: () => 'same' });
    expect((await sendToZotero(groups(), d)).ok).toBe(true);
    store.records.clear();
    const r = await sendToZotero(groups(), d);
    expect(r).toEqual({ ok: false, failure: 'sessionExists', detail: 'SESSION_EXISTS' });
    expect(store.records.size).toBe(0);
  });

  it('timeout: Zotero takes the request and never answers', async () => {
    const z = await standin({ hang: true });
    const store = memoryStore();
    const r = await sendToZotero(
      groups(),
      deps(z.base, store, { client: { fetch, base: z.base, timeoutMs: 300 } }),
    );
    expect(r).toMatchObject({ ok: false, failure: 'timeout' });
    expect(store.records.size).toBe(0);
  });

  it('a browser request without the API version header is dropped like a dead port', async () => {
    const z = await standin();
    const r = await fetch(z.base + '/connector/ping', {
      method: 'POST',
      headers: { 'User-Agent': 'Mozilla/5.0', 'Content-Type': 'application/json' },
      body: '{}',
    }).then(
      () => 'answered',
      () => 'dropped',
    );
    expect(r).toBe('dropped');
    expect(z.cancelled).toBe(1);
    // The client always sends the header, so the same request from it is answered.
    const ok = await saveItems(
      {
        fetch: (u, i) =>
          fetch(u, { ...i, headers: { ...(i?.headers as object), 'User-Agent': 'Mozilla/5.0' } }),
        base: z.base,
      },
      { sessionID: 'x', uri: 'about:blank', items: [] },
    );
    expect(ok).toEqual({ ok: true });
  });
});
