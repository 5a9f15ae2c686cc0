import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '../../lib/db/index.ts';
import type { LibraryData } from '../../lib/model/index.ts';
import { mergeLibrary } from '../../lib/export/index.ts';
import { makeArticle, makeClip, makeHighlight, ok, testLibrary } from './factories.ts';

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
