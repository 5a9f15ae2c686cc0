// End-to-end encryption through a real WebDAV server (rclone on 127.0.0.1): what the server holds
// is read back from its folder on disk and must show no record text, id or title; a wrong
// passphrase and a device without one stop before anything is sent or applied; a folder that held
// plain files ends holding only ciphertext once every device has the passphrase.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConnection } from '../../lib/sync/connection';
import { isSealed, saltOf } from '../../lib/sync/crypto';
import { freshState, syncOnce, type SyncDeps } from '../../lib/sync/engine';
import { MemoryStore } from '../../lib/sync/memory-store';
import { WebDav } from '../../lib/sync/webdav';
import { HAS_RCLONE, startRclone, type DavServer } from './server';

const PASS = '我的同步口令 2026';
const TITLE = '海南自贸港封关运作一周年';
const clip = (note: string) => ({ title: TITLE, note, paragraphs: ['本报讯 记者从省交通运输厅获悉…'] });

/** Every file under the folder on the server's disk, path relative to it. */
function filesOf(dir: string, at = ''): string[] {
  return readdirSync(join(dir, at)).flatMap((n) => {
    const p = at ? `${at}/${n}` : n;
    return statSync(join(dir, p)).isDirectory() ? filesOf(dir, p) : [p];
  });
}

/** Bytes as the server holds them, and as gzip would give them (plain files): a needle is found in either. */
function holds(bytes: Uint8Array, needle: string): boolean {
  const texts = [Buffer.from(bytes).toString('utf8')];
  try {
    texts.push(Buffer.from(gunzipSync(bytes)).toString('utf8'));
  } catch {
    // not gzip: ciphertext (or crypto.json, which is plain JSON)
  }
  return texts.some((t) => t.includes(needle));
}

describe.skipIf(!HAS_RCLONE)('end-to-end encryption through rclone serve webdav', () => {
  let server: DavServer;
  let folder = 0;
  let url = '';
  const dir = () => join(server.dir, `enc-${folder}`);

  function device(id: string, passphrase?: string) {
    const store = new MemoryStore(id);
    const state = freshState(id);
    const dav = new WebDav({ url, user: server.user, password: server.pass, timeoutMs: 5000 });
    const deps = (o: Partial<SyncDeps>): SyncDeps => ({
      store,
      dav,
      save: async () => undefined,
      ...(passphrase ? { passphrase } : {}),
      ...o,
    });
    return { store, state, sync: (o: Partial<SyncDeps> = {}) => syncOnce(state, deps(o)) };
  }

  beforeAll(async () => {
    server = await startRclone();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    folder += 1;
    url = `${server.url}enc-${folder}/`;
    await new WebDav({ url: server.url, user: server.user, password: server.pass }).mkcol(`enc-${folder}`);
  });

  it('the server sees only ciphertext: no record text, id or title in any file it holds', async () => {
    const [a, b] = [device('a', PASS), device('b', PASS)];
    a.store.put('clip', 'clip-7f3a', clip('A 的摘录：封关'));
    a.store.put('highlight', 'hl-42', { color: 'yellow', tags: ['自贸港'] });
    expect(await a.sync({ snapshotEvery: 1 })).toMatchObject({ ok: true, pushed: 2, snapshot: true });
    b.store.put('clip', 'clip-b1', clip('B 的笔记'));
    b.store.delete('clip', 'clip-7f3a');
    expect(await b.sync()).toMatchObject({ ok: true, pulled: 2, pushed: 2 });
    expect(await a.sync()).toMatchObject({ ok: true, pulled: 2, problems: [] });
    for (const d of [a, b]) {
      expect(d.store.live('clip').map((r) => r.id)).toEqual(['clip-b1']);
      expect(d.store.get('clip', 'clip-7f3a')?.deleted).toBe(true);
    }
    const files = filesOf(dir());
    expect(files.sort()).toEqual([
      'epaper-reader/crypto.json',
      'epaper-reader/devices/a/c-00000001.json.gz.enc',
      'epaper-reader/devices/a/s-00000001.json.gz.enc',
      'epaper-reader/devices/b/c-00000001.json.gz.enc',
    ]);
    for (const f of files) {
      const bytes = readFileSync(join(dir(), f));
      if (f !== 'epaper-reader/crypto.json') expect(isSealed(bytes)).toBe(true);
      for (const needle of ['clip-7f3a', 'hl-42', 'clip-b1', TITLE, '摘录', '自贸港', PASS, '"records"'])
        expect(holds(bytes, needle), `${needle} in ${f}`).toBe(false);
    }
    // crypto.json names the scheme and holds the salt and the key check, no secret.
    expect(JSON.parse(readFileSync(join(dir(), 'epaper-reader/crypto.json'), 'utf8'))).toEqual({
      format: 'epaper-reader-crypto',
      version: 1,
      scheme: 'epaper-reader-sync-enc/1 PBKDF2-SHA-256:600000 AES-GCM-256',
      salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      check: expect.any(String),
    });
  });

  it('a wrong passphrase says so: nothing sent, nothing applied, nothing lost; the right one then syncs', async () => {
    const a = device('a', PASS);
    a.store.put('clip', 'c1', clip('A'));
    await a.sync();
    const wrong = device('b', 'not the passphrase');
    wrong.store.put('clip', 'b1', clip('B 的'));
    const r = await wrong.sync();
    expect(r).toMatchObject({ ok: false, error: { code: 'passphrase' }, pushed: 0, applied: 0 });
    expect(wrong.store.live('clip').map((x) => x.id)).toEqual(['b1']);
    expect(wrong.state).toMatchObject({ seq: 0, cursor: null, marks: {} });
    expect(readdirSync(join(dir(), 'epaper-reader/devices/b'))).toEqual([]);
    // The reader fixes the passphrase in the settings: the same state carries on.
    expect(await wrong.sync({ passphrase: PASS })).toMatchObject({ ok: true, pushed: 1, pulled: 1 });
    expect(wrong.store.live('clip').map((x) => x.id)).toEqual(['b1', 'c1']);
  });

  it('a device without the passphrase meeting encrypted files says so and adds no plain file', async () => {
    const a = device('a', PASS);
    a.store.put('clip', 'c1', clip('A'));
    await a.sync();
    const plain = device('b');
    plain.store.put('clip', 'b1', clip('B 的明文'));
    expect(await plain.sync()).toMatchObject({
      ok: false,
      error: { code: 'encrypted' },
      pushed: 0,
      applied: 0,
    });
    expect(readdirSync(join(dir(), 'epaper-reader/devices/b'))).toEqual([]);
    expect(plain.store.live('clip').map((x) => x.id)).toEqual(['b1']);
    // 「测试连接」 says the same before the settings are saved, and checks a passphrase typed there.
    const dav = new WebDav({ url, user: server.user, password: server.pass });
    expect(await testConnection(dav)).toMatchObject({ ok: false, error: { code: 'encrypted' } });
    expect(await testConnection(dav, Date.now, 'wrong')).toMatchObject({
      ok: false,
      error: { code: 'passphrase' },
    });
    expect(await testConnection(dav, Date.now, PASS)).toMatchObject({ ok: true, requests: 5 });
  });

  it('turned on in a folder of plain files: each device replaces its own with a sealed snapshot; a device behind loses nothing', async () => {
    const [a, b] = [device('a'), device('b')];
    for (let i = 0; i < 3; i++) a.store.put('clip', `a${i}`, clip(`A ${i}`));
    await a.sync();
    await b.sync();
    // The check the first test makes finds the text in a plain file.
    expect(holds(readFileSync(join(dir(), 'epaper-reader/devices/a/c-00000001.json.gz')), TITLE)).toBe(true);
    // B falls behind: A writes two more plain files (an edit and a delete) that B has not read.
    a.store.put('clip', 'a0', clip('A 改过'));
    await a.sync();
    a.store.delete('clip', 'a1');
    await a.sync();
    b.store.put('clip', 'b0', clip('B 的'));
    await b.sync({ passphrase: undefined }); // B still plain: reads A's two files
    a.store.put('clip', 'a3', clip('A 加密后'));
    // A turns encryption on: its five plain files give way to one sealed snapshot, then a sealed change file.
    expect(await a.sync({ passphrase: PASS })).toMatchObject({ ok: true, snapshot: true, pulled: 1 });
    expect(readdirSync(join(dir(), 'epaper-reader/devices/a'))).toEqual([
      'c-00000004.json.gz.enc',
      's-00000003.json.gz.enc',
    ]);
    // B without the passphrase stops; with it, B reads A's snapshot (A's plain files are gone) and the rest.
    expect(await b.sync()).toMatchObject({ ok: false, error: { code: 'encrypted' } });
    expect(await b.sync({ passphrase: PASS })).toMatchObject({ ok: true, problems: [] });
    await a.sync({ passphrase: PASS });
    for (const d of [a, b]) {
      expect(d.store.live('clip').map((x) => x.id)).toEqual(['a0', 'a2', 'a3', 'b0']);
      expect(d.store.get('clip', 'a0')?.data).toEqual(clip('A 改过'));
      expect(d.store.get('clip', 'a1')?.deleted).toBe(true);
    }
    for (const f of filesOf(dir()).filter((f) => f.includes('/devices/')))
      expect([f, isSealed(readFileSync(join(dir(), f)))]).toEqual([f, true]);
  });

  it('a crypto.json that is not ours says so and sends nothing', async () => {
    const dav = new WebDav({ url, user: server.user, password: server.pass });
    await dav.mkcol('epaper-reader');
    await dav.put('epaper-reader/crypto.json', new TextEncoder().encode('<html>登录</html>'), 'text/html');
    const a = device('a', PASS);
    a.store.put('clip', 'c1', clip('A'));
    expect(await a.sync()).toMatchObject({ ok: false, error: { code: 'bad-data' }, pushed: 0 });
    expect(filesOf(dir()).filter((f) => f.includes('/devices/'))).toEqual([]);
  });

  it('two devices turning encryption on at the same moment both end with the union', async () => {
    const [a, b] = [device('a', PASS), device('b', PASS)];
    // The shared folders made first: rclone answers two MKCOLs of one folder at once with 423 Locked
    // (a plain first sync meets that too; that device retries a minute later). The race here is crypto.json.
    const dav = new WebDav({ url, user: server.user, password: server.pass });
    for (const p of ['epaper-reader', 'epaper-reader/devices']) await dav.mkcol(p);
    a.store.put('clip', 'a1', clip('A'));
    b.store.put('clip', 'b1', clip('B'));
    const rs = await Promise.all([a.sync(), b.sync()]);
    // A real server may drop one of two syncs at once (a cut connection under load, once in a CI
    // run): that device says offline or server, loses nothing and tries again after its back-off.
    for (const r of rs) if (r.error) expect(['offline', 'server']).toContain(r.error.code);
    const later = { now: () => Date.now() + 11 * 60_000 };
    for (const d of [a, b, a]) expect((await d.sync(later)).error).toBeUndefined();
    for (const d of [a, b]) expect(d.store.live('clip').map((x) => x.id)).toEqual(['a1', 'b1']);
  });

  it('files sealed under two salts (a crypto.json lost to the race) are all read by every device', async () => {
    const [a, b, c] = [device('a', PASS), device('b', PASS), device('c', PASS)];
    a.store.put('clip', 'a1', clip('A'));
    await a.sync();
    // b writes its own crypto.json in place of a's, as after a race that left two salts.
    await new WebDav({ url, user: server.user, password: server.pass }).remove('epaper-reader/crypto.json');
    b.store.put('clip', 'b1', clip('B'));
    expect(await b.sync()).toMatchObject({ ok: true, pulled: 1 });
    expect(await a.sync()).toMatchObject({ ok: true, pulled: 1 });
    const saltIn = (d: string) =>
      saltOf(readFileSync(join(dir(), `epaper-reader/devices/${d}/c-00000001.json.gz.enc`)));
    expect(saltIn('a')).not.toEqual(saltIn('b'));
    expect(await c.sync()).toMatchObject({ ok: true, pulled: 2, problems: [] });
    for (const d of [a, b, c]) expect(d.store.live('clip').map((x) => x.id)).toEqual(['a1', 'b1']);
  });

  it('an encrypted incremental sync makes the requests a plain one makes: 3 to send, 3 to receive', async () => {
    const [a, b] = [device('a', PASS), device('b', PASS)];
    await a.sync();
    await b.sync(); // crypto.json read once, kept in b's state
    for (let i = 0; i < 10; i++) a.store.put('clip', `c${i}`, clip(`${i}`));
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 10, requests: 3 });
    expect(await b.sync()).toMatchObject({ ok: true, pulled: 10, requests: 3 });
    expect(b.store.live('clip')).toHaveLength(10);
  });

  it('a sealed file changed on the server is reported and skipped; the rest syncs', async () => {
    const [a, b] = [device('a', PASS), device('b', PASS)];
    a.store.put('clip', 'c1', clip('一'));
    await a.sync();
    a.store.put('clip', 'c2', clip('二'));
    await a.sync();
    const f = join(dir(), 'epaper-reader/devices/a/c-00000001.json.gz.enc');
    const bytes = readFileSync(f);
    bytes[bytes.length - 1]! ^= 0xff;
    writeFileSync(f, bytes);
    const r = await b.sync();
    expect(r).toMatchObject({ ok: true });
    expect(r.problems).toEqual([
      expect.stringMatching(/^a\/c-00000001\.json\.gz\.enc: encrypted file damaged or changed/),
    ]);
    expect(b.store.live('clip').map((x) => x.id)).toEqual(['c2']);
  });
});
