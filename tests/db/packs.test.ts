/**
 * Restored clips live in packs of 20 (lib/db/packs.ts); every read and write of the library must see
 * them exactly like clip rows, and a clip must never be in two places.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '../../lib/db/index.ts';
import { PACK_SIZE, packedNewest } from '../../lib/db/packs.ts';
import type { Clip, LibraryData } from '../../lib/model/index.ts';
import { makeClip, ok, testLibrary } from './factories.ts';
import { libraryDb } from '../../lib/db/library.ts';

const open: Library[] = [];
function lib(): Library {
  const l = testLibrary();
  open.push(l);
  return l;
}
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

// Real 海南日报 / 株洲日报 sentences; clip i belongs to article i % 7 and is made at time 1000 + i.
const TEXTS = [
  '海南自由贸易港建设总体方案发布以来，海南坚持以制度集成创新为核心。',
  '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。',
  '一张“纸”里的45亿元自贸港外贸账',
  '人民日报记者 刘成友 报道',
];
const PAPERS = ['海南日报', '株洲日报'];

function backupOf(n: number): LibraryData {
  const clips: Clip[] = Array.from({ length: n }, (_, i) => {
    const paper = PAPERS[i % 2];
    const articleKey = `${paper}|2026-07-0${(i % 7) + 1}|1|${i % 7}`;
    const input = makeClip(`${TEXTS[i % TEXTS.length]}（${i}）`, { articleKey });
    return {
      ...input,
      source: { ...input.source, paper, date: `2026-07-0${(i % 7) + 1}` },
      id: `c${String(i).padStart(3, '0')}`,
      note: i % 10 === 0 ? `笔记 ${i}` : '',
      tags: [],
      createdAt: 1000 + i,
      updatedAt: 1000 + i,
    };
  });
  return { articles: [], highlights: [], clips };
}

const ids = (clips: Array<{ id: string }>) => clips.map((c) => c.id).sort();

async function restored(n: number): Promise<{ l: Library; data: LibraryData }> {
  const l = lib();
  const data = backupOf(n);
  ok(await l.restore(data));
  return { l, data };
}

describe('a restore packs its clips', () => {
  it('writes packs of 20, not clip rows, and every read sees them', async () => {
    const { l, data } = await restored(95);
    expect(await libraryDb(l).clips.count()).toBe(0);
    // 5 packs (20+20+20+20+15) and the counter row.
    expect(await libraryDb(l).packs.count()).toBe(Math.ceil(95 / PACK_SIZE) + 1);
    expect(ids(ok(await l.dumpAll()).clips)).toEqual(ids(data.clips));
    const listing = ok(await l.search('', { limit: 10 }));
    expect(listing.total).toBe(95);
    expect(listing.hits.map((h) => h.item.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `c${String(94 - i).padStart(3, '0')}`),
    );
    const items = ok(await l.listForArticle('海南日报|2026-07-01|1|0'));
    const expected = data.clips.filter((c) => c.articleKey === '海南日报|2026-07-01|1|0');
    expect(items.clips.map((c) => c.id)).toEqual(expected.map((c) => c.id)); // oldest first
    expect(items.clips[0]).toEqual(expected[0]); // the model's shape, no derived fields
  });

  it('search, filters and recent clips find packed clips', async () => {
    const { l, data } = await restored(60);
    const liu = data.clips.filter((c) => c.paragraphs[0].includes('刘成友'));
    expect(ids(ok(await l.search('刘成友')).hits.map((h) => h.item))).toEqual(ids(liu));
    const paper = ok(await l.search('', { paper: '株洲日报' }));
    expect(paper.total).toBe(30);
    const dated = ok(await l.search('返贫', { dateFrom: '2026-07-02', dateTo: '2026-07-03' }));
    const want = data.clips.filter(
      (c) => c.paragraphs[0].includes('返贫') && ['2026-07-02', '2026-07-03'].includes(c.source.date),
    );
    expect(ids(dated.hits.map((h) => h.item))).toEqual(ids(want));
    const recent = ok(await l.recentClips(5));
    expect(recent.flatMap((g) => g.clips.map((c) => c.id))).toEqual(['c059', 'c058', 'c057', 'c056', 'c055']);
    const g = recent.find((x) => x.articleKey === data.clips[59].articleKey);
    expect(g?.count).toBe(data.clips.filter((c) => c.articleKey === data.clips[59].articleKey).length);
  });

  it('an edited packed clip leaves its pack and becomes a row; a deleted one is gone; undo brings it back once', async () => {
    const { l } = await restored(45);
    const edited = ok(await l.updateClip('c010', { note: '改过的笔记' }));
    expect(edited.note).toBe('改过的笔记');
    expect(await libraryDb(l).clips.count()).toBe(1);
    expect(ok(await l.search('改过')).hits.map((h) => h.item.id)).toEqual(['c010']);
    const gone = ok(await l.deleteClip('c020'));
    expect(ok(await l.search('')).total).toBe(44);
    expect(ok(await l.dumpAll()).clips.some((c) => c.id === 'c020')).toBe(false);
    ok(await l.saveClip(gone)); // undo
    expect(ok(await l.search('')).total).toBe(45);
    expect(ok(await l.dumpAll()).clips.filter((c) => c.id === 'c020')).toHaveLength(1);
    // Deleting a whole pack's worth removes the pack row.
    const packsBefore = await libraryDb(l).packs.count();
    const many = Array.from({ length: 5 }, (_, i) => `c00${i}`); // the oldest pack (45 = 20 + 20 + 5)
    const removed = ok(await l.deleteMany({ clips: [...many, 'c010', 'nope'] }));
    expect(ids(removed.clips)).toEqual(ids([...many, 'c010'].map((id) => ({ id }))));
    expect(await libraryDb(l).packs.count()).toBe(packsBefore - 1);
    expect(ok(await l.search('')).total).toBe(39);
  });

  it('restoring a newer copy of a packed clip replaces it; restoring the same backup again adds nothing', async () => {
    const { l, data } = await restored(30);
    const again = ok(await l.restore(data));
    expect(again.added.clips).toBe(0);
    expect(again.unchanged).toBe(30);
    const newer = { ...data.clips[3], note: '新版本', updatedAt: 99_999 };
    const report = ok(await l.restore({ articles: [], highlights: [], clips: [newer] }));
    expect(report.updated.clips).toBe(1);
    const all = ok(await l.dumpAll()).clips;
    expect(all).toHaveLength(30);
    expect(all.find((c) => c.id === newer.id)).toEqual(newer);
    expect(ok(await l.search('新版本')).hits.map((h) => h.item.id)).toEqual([newer.id]);
  });
});

describe('packedNewest', () => {
  it('is the newest N of all packed clips, for any times and any N', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 0, maxLength: 70 }),
        fc.integer({ min: 0, max: 80 }),
        async (times, limit) => {
          const l = lib();
          const clips = times.map((t, i) => ({
            ...makeClip(`第${i}条`),
            id: `x${i}`,
            note: '',
            tags: [],
            createdAt: t,
            updatedAt: t + (i % 3),
          }));
          ok(await l.restore({ articles: [], highlights: [], clips }));
          for (const by of ['createdAt', 'updatedAt'] as const) {
            const got = await libraryDb(l).transaction('r', libraryDb(l).packs, () =>
              packedNewest(libraryDb(l), by, limit),
            );
            const want = [...clips].sort((a, b) => b[by] - a[by]).slice(0, limit);
            expect(got.map((c) => c[by])).toEqual(want.map((c) => c[by]));
          }
          l.close();
        },
      ),
      { numRuns: 25 },
    );
  });
});
