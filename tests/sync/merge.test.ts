// The merge rules of docs/sync.md, on two or three in-memory stores that exchange records the way
// the engine does (every record of one applied to the other). Clocks are injected so that tests
// can put a device's wall clock hours off.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareClocks, formatClock, Hlc, parseClock } from '../../lib/sync/hlc';
import { MemoryStore } from '../../lib/sync/memory-store';
import { mergeRecord } from '../../lib/sync/merge';

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);

/** A device whose wall clock reads `offset` ms off the shared time `t.now`. */
function device(id: string, t: { now: number }, offset = 0): MemoryStore {
  return new MemoryStore(id, () => t.now + offset);
}

/** What the engine does for a pull: every record `from` holds, applied to `to`. */
async function send(from: MemoryStore, to: MemoryStore) {
  return to.applyRemote((await from.changesSince(null)).records);
}

const clip = (note: string, extra: object = {}) => ({ note, paragraphs: ['海口市民游客…'], ...extra });

describe('hybrid logical clock', () => {
  it('formats as a string that sorts like the clock', () => {
    const a = formatClock({ wall: 9, counter: 2, device: 'b' });
    const b = formatClock({ wall: 10, counter: 0, device: 'a' });
    expect(compareClocks(a, b)).toBe(-1);
    expect(parseClock(b)).toEqual({ wall: 10, counter: 0, device: 'a' });
    expect(parseClock('yesterday')).toBeNull();
  });

  it('never goes backwards when the wall clock does', () => {
    const t = { now: T0 };
    const c = new Hlc('laptop', () => t.now);
    const first = c.tick();
    t.now -= 2 * HOUR; // the machine's clock is set back
    const second = c.tick();
    expect(compareClocks(second, first)).toBe(1);
  });

  it('stamps an edit after every clock it has received, whatever its wall clock says', () => {
    const office = new Hlc('office', () => T0);
    const laptop = new Hlc('laptop', () => T0 - 3 * HOUR);
    laptop.receive(office.tick());
    expect(compareClocks(laptop.tick(), office.latest())).toBe(1);
  });

  it('refuses a device id that cannot be a path segment', () => {
    expect(() => new Hlc('a/b')).toThrow(/bad device id/);
  });
});

describe('merge rules', () => {
  it('edits to different records both survive', async () => {
    const t = { now: T0 };
    const [a, b] = [device('a', t), device('b', t)];
    a.put('clip', 'c1', clip('A 的摘录'));
    b.put('clip', 'c2', clip('B 的摘录'));
    await send(a, b);
    await send(b, a);
    for (const s of [a, b]) expect(s.live('clip').map((r) => r.id)).toEqual(['c1', 'c2']);
  });

  it('the same record edited on two devices keeps the later edit on both and reports it', async () => {
    const t = { now: T0 };
    const [a, b] = [device('a', t), device('b', t)];
    a.put('clip', 'c1', clip('原文'));
    await send(a, b);
    t.now += 60_000;
    a.put('clip', 'c1', clip('A 改'));
    t.now += 60_000;
    b.put('clip', 'c1', clip('B 后改'));
    // Both push before either pulls, as two devices syncing at the same moment do.
    const fromA = (await a.changesSince(null)).records;
    const atA = await send(b, a);
    const atB = await b.applyRemote(fromA);
    for (const s of [a, b]) expect(s.get('clip', 'c1')?.data).toEqual(clip('B 后改'));
    const bRev = b.get('clip', 'c1')!.rev;
    const replaced = { kind: 'clip', id: 'c1', kept: bRev, dropped: fromA[0]!.rev };
    expect(atA.replaced).toEqual([replaced]); // A took B's later edit
    expect(atB.replaced).toEqual([replaced]); // B kept its own
    expect(atB.changed).toEqual([]);
  });

  it('an edit made on top of the other device’s version is no conflict', async () => {
    const t = { now: T0 };
    const [a, b] = [device('a', t), device('b', t)];
    a.put('highlight', 'h1', { color: 'yellow' });
    await send(a, b);
    t.now += 1000;
    b.put('highlight', 'h1', { color: 'green' });
    const r = await send(b, a);
    expect(r.replaced).toEqual([]);
    expect(a.get('highlight', 'h1')?.data).toEqual({ color: 'green' });
  });

  it.each([
    ['the delete came after the edit, without seeing it', 'edit-then-delete'],
    ['the delete saw the edit, which arrives again later', 'delete-after-sync'],
  ])('a delete is not undone by an older edit: %s', async (_, order) => {
    const t = { now: T0 };
    const [a, b] = [device('a', t), device('b', t)];
    a.put('clip', 'c1', clip('原文'));
    await send(a, b);
    t.now += 60_000;
    a.put('clip', 'c1', clip('A 改了笔记'));
    if (order === 'delete-after-sync') await send(a, b);
    t.now += 60_000;
    b.delete('clip', 'c1');
    await send(a, b); // A's (older) edit reaches B after the delete
    await send(b, a);
    for (const s of [a, b]) {
      expect(s.get('clip', 'c1')?.deleted).toBe(true);
      expect(s.live('clip')).toEqual([]);
    }
  });

  it('a later edit of a deleted record brings it back and is reported, so what was typed is kept', async () => {
    const t = { now: T0 };
    const [a, b] = [device('a', t), device('b', t)];
    a.put('clip', 'c1', clip('原文'));
    await send(a, b);
    a.delete('clip', 'c1');
    t.now += 60_000;
    b.put('clip', 'c1', clip('B 离线时写的笔记'));
    const r = await send(b, a);
    expect(a.get('clip', 'c1')).toMatchObject({ deleted: false, data: clip('B 离线时写的笔记') });
    expect(r.replaced).toHaveLength(1);
  });

  it('clocks three hours apart do not reorder an edit made after a sync', async () => {
    const t = { now: T0 };
    const office = device('office', t);
    const laptop = device('laptop', t, -3 * HOUR); // the laptop's clock is three hours slow
    office.put('clip', 'c1', clip('办公室'));
    await send(office, laptop);
    t.now += 5 * 60_000;
    laptop.put('clip', 'c1', clip('笔记本上后改')); // later in real time, earlier by the laptop's wall clock
    expect(laptop.get('clip', 'c1')!.updatedAt).toBeLessThan(office.get('clip', 'c1')!.updatedAt);
    const r = await send(laptop, office);
    expect(office.get('clip', 'c1')?.data).toEqual(clip('笔记本上后改'));
    expect(r.replaced).toEqual([]);
  });

  it('the same article stored on two devices is one article with every URL either saw', async () => {
    const t = { now: T0 };
    const [a, b] = [device('a', t), device('b', t)];
    const key = 'hnrb|2026-12-04|A1|0';
    a.put('article', key, { key, urls: ['http://hnrb.example/a1.htm'], firstSeenAt: T0, lastSeenAt: T0 });
    t.now += 1000;
    b.put('article', key, {
      key,
      urls: ['http://hnrb.example/a1.htm?div=1'],
      firstSeenAt: T0 + 1000,
      lastSeenAt: T0 + 1000,
    });
    await send(a, b);
    await send(b, a);
    for (const s of [a, b]) {
      expect(s.live('article')).toHaveLength(1);
      expect(s.get('article', key)?.data).toEqual({
        key,
        urls: ['http://hnrb.example/a1.htm?div=1', 'http://hnrb.example/a1.htm'],
        firstSeenAt: T0,
        lastSeenAt: T0 + 1000,
      });
    }
  });

  it('reading the same records again changes nothing', async () => {
    const t = { now: T0 };
    const [a, b] = [device('a', t), device('b', t)];
    a.put('clip', 'c1', clip('x'));
    a.delete('clip', 'c1');
    a.put('highlight', 'h1', { color: 'pink', tags: ['党建'] });
    expect((await send(a, b)).changed).toHaveLength(2);
    expect(await send(a, b)).toEqual({ changed: [], ignored: 2, replaced: [], invalid: [] });
  });

  it('records applied from another device are not sent back as local changes', async () => {
    const t = { now: T0 };
    const [a, b] = [device('a', t), device('b', t)];
    const { cursor } = await b.changesSince(null);
    a.put('clip', 'c1', clip('x'));
    await send(a, b);
    expect((await b.changesSince(cursor)).records).toEqual([]);
  });

  it('mergeRecord takes a record it has no copy of', () => {
    const r = new MemoryStore('a').put('highlight', 'h1', { note: '批注' });
    expect(mergeRecord(undefined, r)).toEqual({ store: r });
  });

  it('any edits on three devices, exchanged in any order, end the same everywhere', async () => {
    const op = fc.record({
      dev: fc.integer({ min: 0, max: 2 }),
      id: fc.constantFrom('c1', 'c2', 'c3'),
      del: fc.boolean(),
      note: fc.string({ maxLength: 3 }),
      skew: fc.integer({ min: -3, max: 3 }),
    });
    const exchange = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), exchange, async (ops, pairs) => {
        const t = { now: T0 };
        const devs = [device('a', t, -HOUR), device('b', t), device('c', t, 2 * HOUR)];
        for (const [i, o] of ops.entries()) {
          t.now += 1000 + o.skew * 100;
          if (o.del) devs[o.dev]!.delete('clip', o.id);
          else devs[o.dev]!.put('clip', o.id, clip(o.note));
          const pair = pairs[i];
          if (pair) await send(devs[pair[0]]!, devs[pair[1]]!);
        }
        for (const x of devs) for (const y of devs) await send(x, y);
        const views = devs.map((d) => JSON.stringify(d.live('clip').map((r) => [r.id, r.rev, r.data])));
        expect(new Set(views).size).toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
