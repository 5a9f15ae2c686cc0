/**
 * Two browser profiles with the extension sync through a real WebDAV server (Debian's rclone on
 * 127.0.0.1): a clip made in A shows in B, a delete in A stays deleted in B, a wrong password says
 * so and loses nothing, a third, fresh profile gets the whole library, and with a passphrase the
 * server's folder holds only ciphertext (a wrong passphrase says so in the panel). The build is the e2e
 * inspect build with `http://127.0.0.1/*` granted at install (`EPAPER_E2E_HOSTS`, wxt.config.ts):
 * a test cannot click the permission prompt the panel raises. Figures (requests and time of an
 * incremental sync of 10 changes; with `E2E_PERF=1` a first sync of 50,000 clips up from one
 * profile and down into a fresh one) go to bench/e2e-sync.json → docs/benchmarks-browser.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeBackup } from '../../lib/export';
import { sourceOf } from '../../lib/model/index.ts';
import { WebDav } from '../../lib/sync/webdav.ts';
import { makeArticle } from '../db/factories.ts';
import { HAS_RCLONE, NO_RCLONE, startRclone, type DavServer } from '../sync/server.ts';
import { buildEnv } from './global-setup.ts';
import { launchWithExtension, type ExtensionBrowser } from './launch.ts';
import { bigLibrary } from './library-data.ts';
import { openExtensionPage, sendFrom } from './library-helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SYNC_BUILD = `${ROOT}.output-e2e-sync/chrome-mv3`;
const PERF = process.env.E2E_PERF === '1';
const N = Number(process.env.E2E_SYNC_N ?? 50_000);
const OUT = new URL('../../bench/e2e-sync.json', import.meta.url);

interface Profile {
  browser: ExtensionBrowser;
  page: Page;
}

/** storage.local of the extension, read or written from its library page. */
const storageGet = (page: Page, key: string) =>
  page.evaluate((k) => (globalThis as any).chrome.storage.local.get(k).then((r: any) => r[k]), key);
const storageSet = (page: Page, items: Record<string, unknown>) =>
  page.evaluate((i) => (globalThis as any).chrome.storage.local.set(i), items);

/** Ask the background for a sync and wait for the status it writes after it; returns that status and the wall time. */
async function syncNow(p: Profile, timeout = 60_000): Promise<{ status: any; ms: number }> {
  const t0 = Date.now();
  // As 「立即同步」 asks (lib/extension/shared/sync-settings.ts requestSync).
  await storageSet(p.page, { 'sync.request': { at: t0, manual: true } });
  return untilSynced(p, t0, timeout);
}

/** The status of the first sync that started at or after `t0`, and the time from `t0` to it. */
async function untilSynced(p: Profile, t0: number, timeout = 60_000): Promise<{ status: any; ms: number }> {
  for (;;) {
    const s = await storageGet(p.page, 'sync.status');
    // A sync that started after the request (one already running when it came does not count).
    if (s && !s.running && (s.last?.at ?? 0) >= t0) return { status: s, ms: Date.now() - t0 };
    if (Date.now() - t0 > timeout) throw new Error(`no sync finished in ${timeout} ms: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const clipOf = (i: number, note = '') => {
  const article = makeArticle();
  return {
    type: 'saveClip',
    article,
    clip: {
      articleKey: article.key,
      paragraphs: [`${article.paragraphs[1]!.text}（${i}）`],
      paragraphIndexes: [1],
      note,
      tags: ['乡村振兴'],
      source: sourceOf(article),
    },
  };
};

async function clipsOf(p: Profile): Promise<Array<{ id: string; note: string }>> {
  const r = await sendFrom(p.page, { type: 'listForArticle', articleKey: makeArticle().key });
  expect(r.error).toBeUndefined();
  return r.value.clips.map((c: { id: string; note: string }) => ({ id: c.id, note: c.note }));
}

describe.skipIf(!HAS_RCLONE)('sync between browser profiles through rclone', () => {
  let server: DavServer;
  const profiles: Profile[] = [];
  const cases: Array<{ key: string; name: string; ours_ms: number; target: null | number }> = [];
  let folder = 0;

  /** A fresh profile set up for `url`, returned once the sync that saving the settings starts is over. */
  async function profile(
    url: string,
    password = server.pass,
    timeout = 60_000,
    more: { passphrase?: string } = {},
  ): Promise<Profile & { first: Awaited<ReturnType<typeof untilSynced>> }> {
    const browser = await launchWithExtension({ extensionDir: SYNC_BUILD });
    const page = await openExtensionPage(browser, 'library.html');
    const p = { browser, page };
    profiles.push(p);
    const t0 = Date.now();
    await storageSet(page, { 'sync.settings': { url, user: server.user, password, enabled: true, ...more } });
    return { ...p, first: await untilSynced(p, t0, timeout) };
  }
  async function newFolder(): Promise<string> {
    folder += 1;
    await new WebDav({ url: server.url, user: server.user, password: server.pass }).mkcol(`f${folder}`);
    return `${server.url}f${folder}/`;
  }

  beforeAll(async () => {
    if (!(process.env.E2E_NO_BUILD === '1' && existsSync(`${SYNC_BUILD}/manifest.json`)))
      execFileSync('npx', ['wxt', 'build'], {
        stdio: 'inherit',
        cwd: ROOT,
        env: buildEnv({ EPAPER_E2E_INSPECT: '1', EPAPER_E2E_HOSTS: 'http://127.0.0.1/*' }),
      });
    server = await startRclone();
  }, 180_000);
  // Each test's profiles closed after it, so a run never holds a dozen Chromiums open on the
  // machine's two shared cores.
  afterEach(async () => {
    for (const p of profiles.splice(0)) await p.browser.close();
  });
  afterAll(async () => {
    await server?.close();
    // A run of some of the cases keeps the figures of the others (same `key`: replaced).
    if (cases.length) {
      const old = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')).cases as typeof cases) : [];
      const kept = old.filter((c) => c.key && !cases.some((n) => n.key === c.key));
      const out = { measured_at: new Date().toISOString(), cases: [...kept, ...cases] };
      writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
    }
  });

  it('a clip made in A shows in B; a delete in A stays deleted in B', async () => {
    const url = await newFolder();
    const [a, b] = [await profile(url), await profile(url)];
    const saved = await sendFrom(a.page, clipOf(0, 'A 的笔记'));
    expect(saved.error).toBeUndefined();
    expect((await syncNow(a)).status).toMatchObject({ pending: 0, last: { pushed: 2 } });
    // B's own first sync (started when its page opened) may still be under way and answer the
    // request with a pass that listed the folder before A's file was there; the next one reads it.
    // So: at most three syncs, and between them B pulls A's two records exactly once.
    let pulled = 0;
    for (let i = 0; i < 3 && pulled < 2; i++) {
      const { status } = await syncNow(b);
      expect(status).toMatchObject({ pending: 0 });
      pulled += status.last.pulled;
    }
    expect(pulled).toBe(2);
    expect(await clipsOf(b)).toEqual([{ id: saved.value.id, note: 'A 的笔记' }]);

    expect((await sendFrom(a.page, { type: 'deleteClip', id: saved.value.id })).error).toBeUndefined();
    await syncNow(a);
    await syncNow(b);
    await syncNow(b); // and again: B does not bring it back
    expect(await clipsOf(b)).toEqual([]);
    await syncNow(a);
    expect(await clipsOf(a)).toEqual([]);
  });

  it('an incremental sync of 10 changes: requests and time, both ways', async () => {
    const url = await newFolder();
    const [a, b] = [await profile(url), await profile(url)];
    await syncNow(a);
    await syncNow(b);
    for (let i = 0; i < 10; i++) expect((await sendFrom(a.page, clipOf(i))).error).toBeUndefined();
    const up = await syncNow(a);
    const down = await syncNow(b);
    expect(up.status.last).toMatchObject({ pushed: 11, requests: 3 }); // 10 clips + their article's lastSeenAt
    expect(down.status.last).toMatchObject({ pulled: 11, requests: 3 });
    expect(await clipsOf(b)).toHaveLength(10);
    cases.push(
      {
        key: 'up10',
        name: `sync up 10 new clips (${up.status.last.requests} requests: 2 PROPFIND + PUT), request → status`,
        ours_ms: up.ms,
        target: null,
      },
      {
        key: 'down10',
        name: `sync down 10 new clips (${down.status.last.requests} requests: 2 PROPFIND + GET), request → status`,
        ours_ms: down.ms,
        target: null,
      },
      {
        key: 'up10-engine',
        name: 'sync up 10 new clips: the engine alone (status.last.ms)',
        ours_ms: up.status.last.ms,
        target: null,
      },
      {
        key: 'down10-engine',
        name: 'sync down 10 new clips: the engine alone (status.last.ms)',
        ours_ms: down.status.last.ms,
        target: null,
      },
    );
  });

  it('both edit offline, then both sync at once: each ends with every change', async () => {
    const url = await newFolder();
    const [a, b] = [await profile(url), await profile(url)];
    const shared = await sendFrom(a.page, clipOf(0, '原文'));
    await syncNow(a);
    await syncNow(b);
    const [fromA, fromB] = [
      await sendFrom(a.page, clipOf(1, 'A 离线')),
      await sendFrom(b.page, clipOf(2, 'B 离线')),
    ];
    expect(
      (await sendFrom(a.page, { type: 'updateClip', id: shared.value.id, patch: { note: 'A 改' } })).error,
    ).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(
      (await sendFrom(b.page, { type: 'updateClip', id: shared.value.id, patch: { note: 'B 后改' } })).error,
    ).toBeUndefined();
    await Promise.all([syncNow(a), syncNow(b)]);
    await Promise.all([syncNow(a), syncNow(b)]);
    const want = [
      { id: shared.value.id, note: 'B 后改' },
      { id: fromA.value.id, note: 'A 离线' },
      { id: fromB.value.id, note: 'B 离线' },
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    for (const p of [a, b]) expect((await clipsOf(p)).sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(want);
  });

  it('the server gone (rclone stopped) says so in words; once it is back the next sync finishes the job', async () => {
    const url = await newFolder();
    const [a, b] = [await profile(url), await profile(url)];
    await sendFrom(a.page, clipOf(0));
    await syncNow(a);
    await server.stop();
    try {
      await sendFrom(b.page, clipOf(1, 'B'));
      const { status } = await syncNow(b);
      expect(status).toMatchObject({ pending: 2, lastError: { code: 'offline' } });
      await b.page.reload();
      await expect
        .poll(() => b.page.locator('[data-testid="sync-error"]').textContent())
        .toMatch(/连不上|cannot be reached/);
    } finally {
      await server.start();
    }
    // The engine waits a minute after "offline" before asking again, but not when the reader asks.
    expect((await syncNow(b)).status).toMatchObject({ pending: 0, last: { pulled: 2 } });
    await syncNow(a);
    expect(await clipsOf(a)).toHaveLength(2);
    expect(await clipsOf(b)).toHaveLength(2);
  });

  it('a wrong password says so in the status and loses nothing', async () => {
    const url = await newFolder();
    const a = await profile(url, 'wrong');
    const saved = await sendFrom(a.page, clipOf(1));
    const { status } = await syncNow(a);
    expect(status).toMatchObject({ pending: 2, lastError: { code: 'auth', status: 401 } });
    expect(await clipsOf(a)).toEqual([{ id: saved.value.id, note: '' }]);
    // The panel says it in words.
    await a.page.reload();
    await expect
      .poll(() => a.page.locator('[data-testid="sync-error"]').textContent())
      .toMatch(/密码|password/);
  });

  it('a third, fresh profile gets the whole library, deletes included', async () => {
    const url = await newFolder();
    const [a, b] = [await profile(url), await profile(url)];
    const kept = await sendFrom(a.page, clipOf(0, 'A 留下的'));
    const gone = await sendFrom(a.page, clipOf(1, 'A 删掉的'));
    const fromB = await sendFrom(b.page, clipOf(2, 'B 的'));
    await syncNow(a);
    await syncNow(b);
    expect((await sendFrom(b.page, { type: 'deleteClip', id: gone.value.id })).error).toBeUndefined();
    await syncNow(b);
    await syncNow(a);
    const c = await profile(url); // saving the settings is its first sync
    expect(c.first.status).toMatchObject({ pending: 0 });
    expect(c.first.status.lastError).toBeUndefined();
    const want = [
      { id: kept.value.id, note: 'A 留下的' },
      { id: fromB.value.id, note: 'B 的' },
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    for (const p of [a, b, c])
      expect((await clipsOf(p)).sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(want);
  });

  it(
    'with a passphrase the server holds only ciphertext; a wrong passphrase says so in words',
    { timeout: 180_000 },
    async () => {
      const url = await newFolder();
      const dir = `${server.dir}/f${folder}/epaper-reader`;
      const passphrase = '剪报同步口令';
      const [a, b] = [
        await profile(url, server.pass, 60_000, { passphrase }),
        await profile(url, server.pass, 60_000, { passphrase }),
      ];
      const saved = await sendFrom(a.page, clipOf(0, '只给自己看的笔记'));
      expect((await syncNow(a)).status).toMatchObject({ pending: 0, last: { pushed: 2 } });
      expect((await syncNow(b)).status).toMatchObject({ pending: 0, last: { pulled: 2 } });
      expect(await clipsOf(b)).toEqual([{ id: saved.value.id, note: '只给自己看的笔记' }]);
      const files = execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
      expect(files.filter((f) => !f.endsWith('.enc')).map((f) => f.slice(dir.length))).toEqual([
        '/crypto.json',
      ]);
      for (const f of files) {
        const raw = readFileSync(f);
        for (const needle of [saved.value.id, '只给自己看的笔记', makeArticle().title, passphrase])
          expect(raw.includes(needle), `${needle} in ${f}`).toBe(false);
      }
      const c = await profile(url, server.pass, 60_000, { passphrase: '另一个口令' });
      expect(c.first.status).toMatchObject({ lastError: { code: 'passphrase' } });
      await c.page.reload();
      await expect
        .poll(() => c.page.locator('[data-testid="sync-error"]').textContent())
        .toMatch(/加密口令打不开|passphrase does not open/);
    },
  );

  // Plain, and with a passphrase: every file sealed on the way up and opened on the way down.
  for (const [label, passphrase] of [
    ['', undefined],
    [', encrypted', '大库口令'],
  ] as const)
    it.runIf(PERF)(
      `a first sync of ${N.toLocaleString('en')} clips up, then into a fresh profile${label}`,
      { timeout: 1_800_000 },
      async () => {
        const url = await newFolder();
        const more = passphrase ? { passphrase } : {};
        const a = await profile(url, server.pass, 60_000, more);
        const backup = `${a.browser.profileDir}/big-backup.json`;
        writeFileSync(
          backup,
          makeBackup(bigLibrary(N, 'http://127.0.0.1/perf/first.htm'), new Date(Date.UTC(2026, 10, 29))),
        );
        await a.page.locator('[data-testid="restore-file"]').setInputFiles(backup);
        await a.page.locator('[data-testid="lib-status"]').waitFor({ timeout: 300_000 });
        const up = await syncNow(a, 900_000);
        expect(up.status).toMatchObject({ pending: 0 });
        expect(up.status.lastError).toBeUndefined();
        const c = await profile(url, server.pass, 900_000, more);
        const down = c.first; // saving the settings starts its first sync
        expect(down.status.last.pulled).toBe(N + N / 10);
        const key = passphrase ? '-encrypted' : '';
        cases.push(
          {
            key: `first-up${key}`,
            name: `first sync up of ${N} clips + ${N / 10} articles${label} (${up.status.last.requests} requests), request → status`,
            ours_ms: up.ms,
            target: null,
          },
          {
            key: `first-down${key}`,
            name: `first sync of a fresh profile, ${N} clips down${label} (${down.status.last.requests} requests), request → status`,
            ours_ms: down.ms,
            target: null,
          },
        );
      },
    );
});

if (!HAS_RCLONE) console.warn(NO_RCLONE);
