/**
 * The sync contract (lib/db/README.md): the change feed and the merge, between two real libraries
 * on fake-indexeddb standing for two devices, with clocks set apart on purpose.
 */
import { describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../lib/db/index.ts';
import { formatRev } from '../../lib/db/clock.ts';
import type { SyncRecord } from '../../lib/db/types.ts';
import { fakeClock, freshName, makeArticle, makeClip, makeHighlight, ok } from './factories.ts';

const T = Date.UTC(2026, 11, 4, 9);
const HOUR = 3_600_000;

/** A device: a library with its own clock (`skew` ms ahead of the others). */
function device(skew = 0): Library {
  return openLibrary({ name: freshName(), clock: fakeClock(T + skew) });
}

/** Everything `from` wrote since `cursor`, applied to `to`; the report and the next cursor. */
async function push(from: Library, to: Library, cursor = 0) {
  const batch = ok(await from.changesSince(cursor));
  return { report: ok(await to.applyRemote(batch.records)), cursor: batch.cursor };
}

describe('changesSince', () => {
  it('gives every write in order, tombstones included, in batches with a cursor', async () => {
    const a = device();
    const c1 = ok(await a.saveClip(makeClip('沙土上不能盖房子。'), makeArticle()));
    const h = ok(await a.saveHighlight(makeHighlight()));
    ok(await a.updateClip(c1.id, { note: '底线' }));
    ok(await a.deleteHighlight(h.id));
    const all = ok(await a.changesSince(0));
    expect(all.more).toBe(false);
    // The article, the highlight's tombstone, the clip's second version (each record once, latest).
    expect(all.records.map((r) => [r.kind, r.deleted])).toEqual([
      ['article', false],
      ['clip', false],
      ['highlight', true],
    ]);
    const clip = all.records[1] as Extract<SyncRecord, { kind: 'clip'; deleted: false }>;
    expect(clip.data).toEqual({ ...c1, note: '底线', updatedAt: clip.updatedAt });
    expect(clip.device).toBe(ok(await a.deviceId()));
    expect(all.records[2]).toEqual({
      kind: 'highlight',
      id: h.id,
      rev: expect.any(String),
      updatedAt: expect.any(Number),
      device: clip.device,
      deleted: true,
    });
    // Batches: two at a time, then the rest; nothing after the last cursor.
    const first = ok(await a.changesSince(0, 2));
    expect([first.records.length, first.more]).toEqual([2, true]);
    const rest = ok(await a.changesSince(first.cursor, 2));
    expect(rest.records.map((r) => r.id)).toEqual([h.id]);
    expect(ok(await a.changesSince(all.cursor))).toEqual({ records: [], cursor: all.cursor, more: false });
  });

  it('never shows tombstones to reads: search, listing, counts, backups', async () => {
    const a = device();
    const c = ok(await a.saveClip(makeClip('乡村振兴，防止规模性返贫是底线。')));
    ok(await a.search('返贫'));
    ok(await a.deleteClip(c.id));
    expect(ok(await a.search('返贫')).total).toBe(0);
    expect(ok(await a.search('')).total).toBe(0);
    expect(ok(await a.listForArticle(c.articleKey)).clips).toEqual([]);
    expect(ok(await a.dumpAll()).clips).toEqual([]);
    expect(ok(await a.getClip(c.id))).toBeNull();
  });
});

describe('applyRemote: the merge rules', () => {
  it('edits to different records both survive', async () => {
    const [a, b] = [device(), device()];
    ok(await a.saveClip(makeClip('甲设备的摘录')));
    ok(await b.saveClip(makeClip('乙设备的摘录')));
    await push(a, b);
    await push(b, a);
    for (const l of [a, b]) expect(ok(await l.search('设备的摘录')).total).toBe(2);
  });

  it('the same record edited on two devices keeps the later edit and says so, on both', async () => {
    const [a, b] = [device(), device(60_000)]; // b's edit is a minute later
    const c = ok(await a.saveClip(makeClip('沙土上不能盖房子。')));
    await push(a, b);
    ok(await a.updateClip(c.id, { note: '甲的笔记' }));
    ok(await b.updateClip(c.id, { note: '乙的笔记' }));
    const [ab, ba] = [ok(await a.changesSince(0)), ok(await b.changesSince(0))];
    const onA = ok(await a.applyRemote(ba.records));
    const onB = ok(await b.applyRemote(ab.records));
    expect(ok(await a.getClip(c.id))?.note).toBe('乙的笔记');
    expect(ok(await b.getClip(c.id))?.note).toBe('乙的笔记');
    const bRev = ba.records.find((r) => r.id === c.id)?.rev;
    const aRev = ab.records.find((r) => r.id === c.id)?.rev;
    expect(onA.replaced).toEqual([{ kind: 'clip', id: c.id, kept: bRev, dropped: aRev }]);
    expect(onB.replaced).toEqual([{ kind: 'clip', id: c.id, kept: bRev, dropped: aRev }]);
    expect(onB.changed).toEqual([]);
  });

  it('a delete is not undone by an older edit from another device', async () => {
    const [a, b] = [device(), device()];
    const c = ok(await a.saveClip(makeClip('沙土上不能盖房子。')));
    await push(a, b);
    const oldEdit = ok(await b.updateClip(c.id, { note: '早一些的编辑' }));
    const edits = ok(await b.changesSince(0));
    ok(await a.deleteClip(c.id)); // after b's edit by the clock
    await push(a, b);
    expect(ok(await b.getClip(c.id))).toBeNull();
    const r = ok(await a.applyRemote(edits.records));
    expect(r.changed).toEqual([]);
    expect(ok(await a.getClip(c.id))).toBeNull();
    expect(oldEdit.note).toBe('早一些的编辑');
  });

  it('clocks hours apart do not reorder edits: the edit made after seeing the other wins', async () => {
    // b's clock runs three hours fast; a edits after receiving b's edit, so a's edit is the later one.
    const [a, b] = [device(), device(3 * HOUR)];
    const c = ok(await b.saveClip(makeClip('沙土上不能盖房子。')));
    ok(await b.updateClip(c.id, { note: '乙，先' }));
    await push(b, a);
    ok(await a.updateClip(c.id, { note: '甲，后' }));
    const { report } = await push(a, b);
    expect(report.changed.map((r) => r.id)).toEqual([c.id]);
    for (const l of [a, b]) expect(ok(await l.getClip(c.id))?.note).toBe('甲，后');
    // The same edit stamped by a's wall clock alone would have lost by three hours.
    const mine = ok(await a.changesSince(0)).records.find((r) => r.id === c.id);
    expect(mine && mine.rev > formatRev(T + 3 * HOUR, 0, 'z')).toBe(true);
  });

  it('the same article stored from two devices is one article, URLs unioned, and the feed says the merge', async () => {
    const [a, b] = [device(), device()];
    const urlA = 'https://epaper.zhuzhou.com/html/2022-02/07/content_1_3.htm';
    const urlB = 'https://epaper.zhuzhou.com/html/2022-02/07/content_1_2.htm';
    ok(await a.saveArticle(makeArticle(), urlA));
    ok(await b.saveArticle(makeArticle(), urlB));
    const { report } = await push(a, b);
    const merged = ok(await b.getArticle(makeArticle().key));
    expect(merged?.urls.sort()).toEqual([...makeArticle().urls, urlA, urlB].sort());
    expect(ok(await b.allArticles())).toHaveLength(1);
    // Neither copy as it was: a new version of b, which b then sends back; a ends the same.
    expect(report.changed[0].device).toBe(ok(await b.deviceId()));
    const back = await push(b, a);
    expect(back.report.changed.map((r) => r.rev)).toEqual([report.changed[0].rev]);
    expect(ok(await a.getArticle(makeArticle().key))?.urls.sort()).toEqual(merged?.urls.sort());
  });

  it('applying the same batch twice changes nothing the second time', async () => {
    const [a, b] = [device(), device()];
    ok(await a.saveClip(makeClip('沙土上不能盖房子。'), makeArticle()));
    ok(await a.saveHighlight(makeHighlight()));
    const batch = ok(await a.changesSince(0));
    const first = ok(await b.applyRemote(batch.records));
    expect(first.changed).toHaveLength(3);
    const again = ok(await b.applyRemote(batch.records));
    expect([again.changed, again.ignored]).toEqual([[], 3]);
    // Applied records keep a's version and device: b would not upload them as its own.
    const fromB = ok(await b.changesSince(0)).records;
    expect(fromB.map((r) => r.rev).sort()).toEqual(batch.records.map((r) => r.rev).sort());
    expect(new Set(fromB.map((r) => r.device))).toEqual(new Set([ok(await a.deviceId())]));
    expect(ok(await b.search('返贫')).total).toBe(1); // the highlight, found by b's index
  });

  it('a tombstone from another device deletes the record and is kept', async () => {
    const [a, b] = [device(), device()];
    const h = ok(await a.saveHighlight(makeHighlight()));
    const { cursor } = await push(a, b);
    expect(ok(await b.search('返贫')).total).toBe(1);
    ok(await a.deleteHighlight(h.id));
    // Only what changed since the first push: the tombstone.
    expect((await push(a, b, cursor)).report.changed.map((r) => r.deleted)).toEqual([true]);
    expect(ok(await b.getHighlight(h.id))).toBeNull();
    expect(ok(await b.search('返贫')).total).toBe(0);
    const gone = ok(await b.changesSince(0)).records.find((r) => r.id === h.id);
    expect(gone?.deleted).toBe(true);
  });
});

describe('restore and sync', () => {
  it('an old copy restored from a backup does not beat a later edit made on another device', async () => {
    const [a, b] = [device(), device(HOUR)];
    const c = ok(await a.saveClip(makeClip('沙土上不能盖房子。')));
    const backup = ok(await a.dumpAll()); // the clip as it was
    await push(a, b);
    ok(await b.updateClip(c.id, { note: '乙后来写的笔记' }));
    // a loses the clip, then restores the old backup: its copy comes back, versioned at its own time.
    ok(await a.deleteClip(c.id));
    ok(await a.restore(backup));
    const restored = ok(await a.changesSince(0)).records.find((r) => r.id === c.id);
    expect(restored?.deleted).toBe(false);
    await push(b, a);
    expect(ok(await a.getClip(c.id))?.note).toBe('乙后来写的笔记');
  });

  it('a record deleted, synced as deleted, then restored from a backup comes back on every device', async () => {
    const [a, b] = [device(), device()];
    const c = ok(await a.saveClip(makeClip('沙土上不能盖房子。')));
    const backup = ok(await a.dumpAll());
    ok(await a.deleteClip(c.id));
    const { cursor } = await push(a, b); // b holds the tombstone
    ok(await a.restore(backup));
    await push(a, b, cursor);
    expect(ok(await b.getClip(c.id))?.id).toBe(c.id);
  });

  it('keeps its device id across connections; a restored backup does not carry one', async () => {
    const a = device();
    const id = ok(await a.deviceId());
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    const again = openLibrary({ name: (a as unknown as { db: { name: string } }).db.name });
    expect(ok(await again.deviceId())).toBe(id);
    const b = device();
    ok(await b.restore(ok(await a.dumpAll())));
    expect(ok(await b.deviceId())).not.toBe(id);
    again.close();
  });
});

describe('applyRemote: bad input', () => {
  const good = async () => {
    const a = device();
    ok(await a.saveClip(makeClip('沙土上不能盖房子。')));
    return ok(await a.changesSince(0)).records[0] as Extract<SyncRecord, { kind: 'clip'; deleted: false }>;
  };

  it.each([
    ['not an object', () => 42, /records\[0\]: Invalid type/],
    ['an unknown kind', (r: SyncRecord) => ({ ...r, kind: 'note' }), /records\[0\]: kind: Invalid type/],
    [
      'a broken version stamp',
      (r: SyncRecord) => ({ ...r, rev: '2026-12-04' }),
      /records\[0\]: rev: not a version stamp/,
    ],
    ['a stamp of another device', (r: SyncRecord) => ({ ...r, device: 'ffff' }), /not made by device ffff/],
    [
      'a stamp in the year 2999',
      (r: SyncRecord) => ({ ...r, rev: formatRev(Date.UTC(2999, 0, 1), 0, r.device) }),
      /more than a day ahead/,
    ],
    [
      'data failing its schema',
      (r: SyncRecord) => ({ ...r, data: { ...r.data, note: 123 } }),
      /records\[0\]\.data\.note: Invalid type/,
    ],
    [
      'data under another id',
      (r: SyncRecord) => ({ ...r, id: 'someone-else' }),
      /its id is not someone-else/,
    ],
  ])('skips %s and says why, writing nothing of it', async (_, bad, why) => {
    const r = await good();
    const b = device();
    const report = ok(await b.applyRemote([bad(r)]));
    expect(report.invalid).toEqual([expect.stringMatching(why)]);
    expect(report.changed).toEqual([]);
    expect(ok(await b.dumpAll()).clips).toEqual([]);
    // The good record in the same batch is still applied.
    expect(ok(await b.applyRemote([bad(r), r])).changed).toHaveLength(1);
  });

  it('a batch that is not a list applies nothing', async () => {
    const b = device();
    expect(ok(await b.applyRemote('nope' as unknown as unknown[]))).toEqual({
      changed: [],
      ignored: 0,
      replaced: [],
      invalid: [],
    });
  });

  it('a closed database applies nothing and says so', async () => {
    const r = await good();
    const b = device();
    b.close();
    expect(await b.applyRemote([r])).toEqual({ ok: false, error: expect.stringMatching(/closed/) });
  });
});
