/**
 * The counts of clips and highlights kept in the clock row (lib/db/counts.ts): after each write
 * path that adds or removes a record (save, re-save, delete, bulk delete, undo, restore, sync's
 * applyRemote), the stored counts equal `count()` of the tables, and the listing's total is them.
 * A library whose clock row has no counts (a build before them) is counted once and completed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../../lib/db/index.ts';
import { libraryDb } from '../../lib/db/library.ts';
import type { Clip, Highlight } from '../../lib/model/index.ts';
import { fakeClock, freshName, makeArticle, makeClip, makeHighlight, ok } from './factories.ts';

const T = Date.UTC(2026, 11, 4, 9);

/** The stored counts, count() of the tables, and the listing's total. */
async function counts(l: Library) {
  const db = libraryDb(l);
  const listed = ok(await l.search('', { limit: 1 })).total;
  const clock = await db.meta.get('clock');
  return {
    stored: [clock?.clips, clock?.highlights],
    counted: [await db.clips.count(), await db.highlights.count()],
    listed,
  };
}

/** The state each operation starts from: two clips and a highlight saved in library `a`. */
interface World {
  a: Library;
  /** Another device, for sync. */
  b: Library;
  clips: Clip[];
  highlight: Highlight;
}

let w: World;
beforeEach(async () => {
  const a = openLibrary({ name: freshName(), clock: fakeClock(T) });
  const b = openLibrary({ name: freshName(), clock: fakeClock(T + 60_000) });
  const c1 = ok(await a.saveClip(makeClip('沙土上不能盖房子。'), makeArticle()));
  const c2 = ok(await a.saveClip(makeClip('乡村振兴，防止规模性返贫是底线。')));
  const highlight = ok(await a.saveHighlight(makeHighlight()));
  w = { a, b, clips: [c1, c2], highlight };
});

/** Each write path, and the counts [clips, highlights] it must leave in `a`. */
const cases: Array<[string, (w: World) => Promise<unknown>, [number, number]]> = [
  ['nothing written after the saves', async () => undefined, [2, 1]],
  ['save a clip', ({ a }) => a.saveClip(makeClip('巩固拓展脱贫攻坚成果是基石。')), [3, 1]],
  [
    'save a highlight with its article',
    ({ a }) => a.saveHighlight(makeHighlight('乡愁'), makeArticle()),
    [2, 2],
  ],
  [
    'save again under a stored id (no new row)',
    ({ a, clips }) => a.saveClip({ ...clips[0], note: '再存' }),
    [2, 1],
  ],
  [
    'edit a clip and a highlight',
    async ({ a, clips, highlight }) => {
      ok(await a.updateClip(clips[0].id, { note: '底线' }));
      ok(await a.updateHighlight(highlight.id, { color: 'pink' }));
    },
    [2, 1],
  ],
  ['delete a clip', ({ a, clips }) => a.deleteClip(clips[0].id), [1, 1]],
  ['delete a highlight', ({ a, highlight }) => a.deleteHighlight(highlight.id), [2, 0]],
  ['delete a missing clip (an error, nothing changes)', ({ a }) => a.deleteClip('no-such-id'), [2, 1]],
  [
    'undo of a single delete (save the returned clip)',
    async ({ a, clips }) => {
      const gone = ok(await a.deleteClip(clips[1].id));
      ok(await a.saveClip(gone));
    },
    [2, 1],
  ],
  [
    'bulk delete, ids listed twice and unknown ids passed over',
    ({ a, clips, highlight }) =>
      a.deleteMany({ clips: [clips[0].id, clips[0].id, 'nope'], highlights: [highlight.id] }),
    [1, 0],
  ],
  [
    'bulk delete then its undo',
    async ({ a, clips, highlight }) => {
      const gone = ok(await a.deleteMany({ clips: clips.map((c) => c.id), highlights: [highlight.id] }));
      ok(await a.restoreDeleted(gone));
    },
    [2, 1],
  ],
  [
    'an undo run twice adds nothing the second time',
    async ({ a, clips }) => {
      const gone = ok(await a.deleteMany({ clips: [clips[0].id] }));
      ok(await a.restoreDeleted(gone));
      ok(await a.restoreDeleted(gone));
    },
    [2, 1],
  ],
  [
    'an undo refused by a bad record writes nothing',
    async ({ a, clips }) => {
      const gone = ok(await a.deleteMany({ clips: [clips[0].id] }));
      await a.restoreDeleted({ clips: [...gone.clips, { id: 'bad' } as Clip], highlights: [] });
    },
    [1, 1],
  ],
  [
    'restore a backup: its own records unchanged, one new clip, one deleted clip back',
    async ({ a, clips }) => {
      const dump = ok(await a.dumpAll());
      const extra = ok(await w.b.saveClip(makeClip('将乡愁栖居之地建设成为“强富美”。')));
      ok(await a.deleteClip(clips[0].id));
      ok(await a.restore({ ...dump, clips: [...dump.clips, extra, extra] }));
    },
    [3, 1],
  ],
  [
    'restore into itself changes nothing',
    async ({ a }) => ok(await a.restore(ok(await a.dumpAll()))),
    [2, 1],
  ],
  [
    'sync: another device’s new clip, highlight and a newer edit',
    async ({ a, b }) => {
      ok(await b.saveClip(makeClip('巩固拓展脱贫攻坚成果是基石。'), makeArticle()));
      ok(await b.saveHighlight(makeHighlight('乡愁')));
      const mine = ok(await a.changesSince(0)).records;
      ok(await b.applyRemote(mine));
      ok(await b.updateClip(w.clips[0].id, { note: 'b 的笔记' }));
      ok(await a.applyRemote(ok(await b.changesSince(0)).records));
      // Applied twice: nothing new the second time.
      ok(await a.applyRemote(ok(await b.changesSince(0)).records));
    },
    [3, 2],
  ],
  [
    'sync: deletes from another device, and an older edit after them',
    async ({ a, b, clips, highlight }) => {
      const before = ok(await a.changesSince(0)).records;
      ok(await b.applyRemote(before));
      ok(await b.deleteMany({ clips: [clips[0].id], highlights: [highlight.id] }));
      ok(await a.applyRemote(ok(await b.changesSince(0)).records));
      // The copies from before the delete do not bring the records back.
      ok(await a.applyRemote(before));
    },
    [1, 0],
  ],
  [
    'sync: a record deleted here and made again there is back',
    async ({ a, b, clips }) => {
      ok(await b.applyRemote(ok(await a.changesSince(0)).records));
      ok(await a.deleteClip(clips[0].id));
      ok(await b.updateClip(clips[0].id, { note: '后来的编辑' }));
      ok(await a.applyRemote(ok(await b.changesSince(0)).records));
    },
    [2, 1],
  ],
];

describe('the stored counts over every write path', () => {
  it.each(cases)('%s', async (_name, op, expected) => {
    await op(w);
    const c = await counts(w.a);
    expect(c.counted).toEqual(expected);
    expect(c.stored).toEqual(c.counted);
    expect(c.listed).toBe(expected[0] + expected[1]);
    w.a.close();
    w.b.close();
  });
});

describe('a clock row without counts (a library of an earlier build)', () => {
  it('is counted once on the first listing and kept from then on', async () => {
    const db = libraryDb(w.a);
    const clock = (await db.meta.get('clock'))!;
    delete clock.clips;
    delete clock.highlights;
    await db.meta.put(clock);
    expect(ok(await w.a.search('', { limit: 1 })).total).toBe(3);
    const after = await db.meta.get('clock');
    expect([after?.clips, after?.highlights]).toEqual([2, 1]);
    ok(await w.a.saveClip(makeClip('巩固拓展脱贫攻坚成果是基石。')));
    expect((await counts(w.a)).stored).toEqual([3, 1]);
  });

  it('is counted by the first write that adds a row, in that write', async () => {
    const db = libraryDb(w.a);
    const clock = (await db.meta.get('clock'))!;
    delete clock.clips;
    await db.meta.put(clock);
    ok(await w.a.saveClip(makeClip('巩固拓展脱贫攻坚成果是基石。')));
    expect((await db.meta.get('clock'))?.clips).toBe(3);
  });

  it('a new library counts from its first write', async () => {
    const l = openLibrary({ name: freshName(), clock: fakeClock(T) });
    expect(ok(await l.search('')).total).toBe(0);
    ok(await l.saveHighlight(makeHighlight(), makeArticle()));
    const c = await counts(l);
    expect(c).toEqual({ stored: [0, 1], counted: [0, 1], listed: 1 });
  });
});

describe('the listing reads the stored counts', () => {
  it('a listing of every row that finds a stored count wrong answers right and recounts', async () => {
    const db = libraryDb(w.a);
    const clock = (await db.meta.get('clock'))!;
    await db.meta.put({ ...clock, clips: 99 });
    // The quick answer (50 rows) trusts the stored counts; the library page's listing reads all.
    expect(ok(await w.a.search('', { limit: 50 })).total).toBe(100);
    const all = ok(await w.a.search('', { limit: 2 ** 31 - 1 }));
    expect([all.hits.length, all.total]).toEqual([3, 3]);
    expect((await counts(w.a)).stored).toEqual([2, 1]);
  });

  it('calls no count() on a library kept current, nor does a restore into a new library', async () => {
    const dump = ok(await w.a.dumpAll());
    const l = openLibrary({ name: freshName(), clock: fakeClock(T) });
    const db = libraryDb(l);
    // A library never written to has no clock row: its listing counts the (empty) tables.
    expect(ok(await l.search('')).total).toBe(0);
    const spies = [vi.spyOn(db.clips, 'count'), vi.spyOn(db.highlights, 'count')];
    ok(await l.restore(dump));
    expect(ok(await l.search('', { limit: 1 })).total).toBe(3);
    ok(await l.deleteClip(w.clips[0].id));
    expect(ok(await l.search('', { limit: 1 })).total).toBe(2);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    for (const s of spies) s.mockRestore();
    expect((await counts(l)).counted).toEqual([1, 1]);
  });
});
