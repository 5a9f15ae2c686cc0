import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../lib/db/index.ts';
import { libraryDb } from '../../lib/db/library.ts';
import { SLICE } from '../../lib/db/restore.ts';
import type { Clip, LibraryData } from '../../lib/model/index.ts';
import { checkRecords, mergeLibrary, type BackupData } from '../../lib/export/index.ts';
import { failClipPut, makeArticle, makeClip, makeHighlight, ok, testLibrary } from './factories.ts';

const open: Library[] = [];
function lib(): Library {
  const l = testLibrary();
  open.push(l);
  return l;
}
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

async function filled(): Promise<Library> {
  const l = lib();
  ok(
    await l.saveHighlight(
      makeHighlight('防止规模性返贫是底线', { note: '底线', tags: ['乡村振兴'] }),
      makeArticle(),
    ),
  );
  ok(await l.saveClip(makeClip(undefined, { tags: ['防返贫'] })));
  ok(
    await l.saveClip(makeClip('一张“纸”里的45亿元自贸港外贸账', { articleKey: '海南日报|2026-07-09|001|4' })),
  );
  return l;
}

const byId = (d: LibraryData) => ({
  articles: [...d.articles].sort((a, b) => a.key.localeCompare(b.key)),
  highlights: [...d.highlights].sort((a, b) => a.id.localeCompare(b.id)),
  clips: [...d.clips].sort((a, b) => a.id.localeCompare(b.id)),
});

describe('dumpAll / restore', () => {
  it('backup → restore into an empty library gives identical data', async () => {
    const data = ok(await (await filled()).dumpAll());
    expect(data.clips[0]).not.toHaveProperty('terms');
    const empty = lib();
    const report = ok(await empty.restore(data));
    expect(report.added).toEqual({ articles: 1, highlights: 1, clips: 2 });
    expect(byId(ok(await empty.dumpAll()))).toEqual(byId(data));
    // Restored records are searchable: the derived index is rebuilt.
    expect(ok(await empty.search('返贫')).total).toBe(2);
  });

  it('restoring twice adds nothing the second time', async () => {
    const l = await filled();
    const data = ok(await l.dumpAll());
    const report = ok(await l.restore(data));
    expect(report.added).toEqual({ articles: 0, highlights: 0, clips: 0 });
    expect(report.unchanged).toBe(4);
    expect(byId(ok(await l.dumpAll()))).toEqual(byId(data));
  });

  it('a newer copy wins, an older one does not; duplicate ids inside the file count once', async () => {
    const l = await filled();
    const data = ok(await l.dumpAll());
    const h = data.highlights[0];
    const incoming: LibraryData = {
      articles: [],
      highlights: [
        { ...h, note: '旧的', updatedAt: h.updatedAt - 1 },
        { ...h, note: '新的', updatedAt: h.updatedAt + 100 },
      ],
      clips: [{ ...data.clips[0], note: '更早', updatedAt: 0 }],
    };
    const report = ok(await l.restore(incoming));
    expect(report.updated.highlights).toBe(1);
    expect(report.unchanged).toBe(1);
    const after = ok(await l.dumpAll());
    expect(after.highlights[0].note).toBe('新的');
    expect(after.clips.find((c) => c.id === data.clips[0].id)?.note).toBe(data.clips[0].note);
  });

  it('articles merge their URLs; records without ids are skipped', async () => {
    const l = await filled();
    const a = ok(await l.dumpAll()).articles[0];
    const report = ok(
      await l.restore({
        articles: [{ ...a, urls: ['https://mirror.example/zzrb/1'], lastSeenAt: a.lastSeenAt + 5 }],
        highlights: [{ id: '' } as never, null as never],
        clips: 'nonsense' as never,
      }),
    );
    expect(report.skipped).toBe(2);
    expect(report.updated.articles).toBe(1);
    const merged = ok(await l.dumpAll()).articles[0];
    expect(merged.urls).toEqual([...a.urls, 'https://mirror.example/zzrb/1']);
  });

  it("an article copy seen at the same moment keeps the library's text, as mergeLibrary does", async () => {
    const l = await filled();
    const before = ok(await l.dumpAll());
    const a = before.articles[0];
    const retitled = { ...a, article: { ...a.article, title: '另一个标题' } };
    ok(await l.restore({ articles: [retitled], highlights: [], clips: [] }));
    const stored = ok(await l.dumpAll()).articles[0];
    const pure = mergeLibrary(before, { articles: [retitled], highlights: [], clips: [] }).merged.articles[0];
    expect(stored.article.title).toBe(a.article.title);
    expect(pure).toEqual(stored);
  });
});

/**
 * The whole-file rule a restore follows (the one restore.ts had before it wrote slice by slice):
 * check every record, keep one copy per id (the newest, the first of equal ones), write it only
 * when newer than the stored row.
 */
function oracle(stored: readonly Clip[], file: BackupData, now: number) {
  const checked = checkRecords(file, { now });
  const by = new Map<string, Clip>();
  for (const c of checked.data.clips) {
    const old = by.get(c.id);
    if (!old || c.updatedAt > old.updatedAt) by.set(c.id, c);
  }
  const have = new Map(stored.map((c) => [c.id, c]));
  const out = { added: 0, updated: 0, unchanged: 0, clips: new Map(have) };
  for (const c of by.values()) {
    const old = have.get(c.id);
    if (!old) out.added++;
    else if (c.updatedAt > old.updatedAt) out.updated++;
    else {
      out.unchanged++;
      continue;
    }
    out.clips.set(c.id, c);
  }
  return { ...out, skipped: checked.skipped, problems: checked.problems };
}

describe('a restore longer than a slice (clips checked and put slice by slice)', () => {
  it('gives what checking and deduplicating the whole file first gives', async () => {
    const l = await filled();
    const before = ok(await l.dumpAll());
    const [a, b] = before.clips;
    const clip = (i: number, at: number, note = `第 ${i} 条`): Clip => ({
      ...a,
      id: `c-${i}`,
      note,
      createdAt: at,
      updatedAt: at,
    });
    const n = SLICE * 2 + 20;
    const clips: unknown[] = Array.from({ length: n }, (_, i) => clip(i, 1_000 + i));
    // The same id in the first and the third slice, the later copy newer: the later one wins.
    clips[5] = clip(5, 10, '旧的');
    clips[SLICE * 2 + 5] = clip(5, 20, '新的');
    // The newer copy first: the older one later in the file is passed over.
    clips[7] = clip(7, 30, '新的');
    clips[SLICE + 7] = clip(7, 20, '旧的');
    // Equal stamps: the first copy wins.
    clips[9] = clip(9, 40, '第一份');
    clips[SLICE * 2 + 9] = clip(9, 40, '第二份');
    // Copies of stored clips: an older one (unchanged), a newer one (updated), in the last slice.
    clips[SLICE * 2 + 11] = { ...a, note: '更早', updatedAt: a.updatedAt - 1 };
    clips[SLICE * 2 + 12] = { ...b, note: '更新', updatedAt: b.updatedAt + 1 };
    // Bad records late in the file, reported with their index.
    clips[SLICE * 2 + 13] = { ...clip(13, 1), note: 123 };
    clips[SLICE * 2 + 14] = { ...clip(14, 1), updatedAt: Date.UTC(2999, 0, 1) };
    const file: BackupData = { articles: [], highlights: [], clips };
    const now = Date.UTC(2026, 6, 13, 8);
    const want = oracle(before.clips, file, now);

    const report = ok(await l.restore(file));
    expect(report.added.clips).toBe(want.added);
    expect(report.updated.clips).toBe(want.updated);
    expect(report.unchanged).toBe(want.unchanged);
    expect(report.skipped).toBe(2);
    // The reasons, but for the clock's reading (the library's clock moves on every call).
    const noClock = (ps: string[]) => ps.map((p) => p.replace(/, [0-9T:.-]+Z\)$/, ')'));
    expect(noClock(report.problems)).toEqual(noClock(want.problems));
    expect(report.problems[0]).toMatch(new RegExp(`^data\\.clips\\[${SLICE * 2 + 13}\\]\\.note: `));
    const after = ok(await l.dumpAll());
    const byIdAfter = new Map(after.clips.map((c) => [c.id, c]));
    expect(byIdAfter).toEqual(want.clips);
    expect(byIdAfter.get('c-5')?.note).toBe('新的');
    expect(byIdAfter.get('c-7')?.note).toBe('新的');
    expect(byIdAfter.get('c-9')?.note).toBe('第一份');
    // The stored count is the rows', and the change feed holds each clip once, as stored.
    const db = libraryDb(l);
    expect((await db.meta.get('clock'))?.clips).toBe(await db.clips.count());
    const feed = ok(await l.changesSince(0, 100_000)).records.filter((r) => r.kind === 'clip');
    expect(new Set(feed.map((r) => r.id)).size).toBe(feed.length);
    expect(new Map(feed.map((r) => [r.id, r.data]))).toEqual(want.clips);
  });

  it('a quota error in a later slice writes none of the restore', async () => {
    const l = await filled();
    const before = ok(await l.dumpAll());
    const feed = ok(await l.changesSince(0)).records;
    const a = before.clips[0];
    const clips = Array.from({ length: SLICE + 10 }, (_, i) => ({
      ...a,
      id: `c-${i}`,
      updatedAt: a.updatedAt,
    }));
    failClipPut(SLICE + 5);
    const r = await l.restore({ articles: [], highlights: [], clips });
    vi.restoreAllMocks();
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Storage is full.*Nothing was saved/) });
    expect(ok(await l.dumpAll())).toEqual(before);
    expect(ok(await l.changesSince(0)).records).toEqual(feed);
  });
});
