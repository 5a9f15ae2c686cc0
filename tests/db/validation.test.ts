/**
 * Every write checks its record with the schemas restore uses (lib/model/schemas.ts), so a library
 * that met hostile pages still backs up and restores whole; a backup with bad records restores the
 * rest and says which; undo of a bulk delete is one transaction.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../../lib/db/index.ts';
import { libraryHandlers } from '../../lib/extension/background/library-handlers.ts';
import type { DeletedItems } from '../../lib/db/types.ts';
import { makeBackup, parseBackup, readBackup } from '../../lib/export/index.ts';
import type { Result } from '../../lib/model/index.ts';
import { fakeClock, freshName, makeArticle, makeClip, makeHighlight, ok, testLibrary } from './factories.ts';
import { libraryDb } from '../../lib/db/library.ts';

const open: Library[] = [];
function lib(): Library {
  const l = testLibrary();
  open.push(l);
  return l;
}
afterEach(() => {
  for (const l of open.splice(0)) l.close();
  vi.restoreAllMocks();
});

/** A library with one article, one highlight and one clip saved the honest way. */
async function honest(): Promise<{ l: Library; hId: string; cId: string }> {
  const l = lib();
  const h = ok(await l.saveHighlight(makeHighlight(), makeArticle()));
  const c = ok(await l.saveClip(makeClip()));
  return { l, hId: h.id, cId: c.id };
}

const long = '长'.repeat(1_000_001);
type Call = (l: Library, ids: { hId: string; cId: string }) => Promise<Result<unknown>>;
const as = <T>(x: unknown) => x as T;

// What hostile pages send (by message, so any shape), and the field the refusal must name.
const hostile: Array<[string, Call, RegExp]> = [
  [
    'a clip paragraph of 1,000,001 characters',
    (l) => l.saveClip(makeClip(long)),
    /^The clip was not saved: paragraphs\[0\]: longer than 50000 characters\. Nothing was saved\.$/,
  ],
  [
    'an article paragraph of 1,000,001 characters, with a good clip',
    (l) => l.saveClip(makeClip(), makeArticle({ paragraphs: [{ text: long, kind: 'text' }] })),
    /^The article was not saved: article\.paragraphs\[0\]\.text: longer than 50000/,
  ],
  [
    "highlight colour 'red'",
    (l) => l.saveHighlight(makeHighlight(undefined, { color: as('red') })),
    /^The highlight was not saved: color: Invalid type: Expected \("yellow" \|.*received "red"/,
  ],
  [
    'note 123',
    (l) => l.saveHighlight(makeHighlight(undefined, { note: as(123) })),
    /^The highlight was not saved: note: Invalid type: Expected string but received 123/,
  ],
  [
    'tags [1, 2]',
    (l) => l.saveClip(makeClip(undefined, { tags: as([1, 2]) })),
    /^The clip was not saved: tags\[0\]: Invalid type: Expected string but received 1/,
  ],
  [
    'createdAt 1e308',
    (l) => l.saveHighlight(makeHighlight(undefined, { createdAt: 1e308 })),
    /^The highlight was not saved: createdAt: Invalid value: Expected <=253402300799999/,
  ],
  [
    'createdAt in the year 2999',
    (l) => l.saveClip(makeClip(undefined, { createdAt: Date.UTC(2999, 0, 1) })),
    /^The clip was not saved: createdAt: from the future \(2999-01-01T00:00:00\.000Z/,
  ],
  [
    'selectors missing',
    (l) => l.saveHighlight(as({ articleKey: 'k', color: 'yellow' })),
    /^The highlight was not saved: selectors: Invalid key: Expected "selectors" but received undefined/,
  ],
  [
    'a clip without its source',
    (l) => l.saveClip(as({ ...makeClip(), source: undefined })),
    /^The clip was not saved: source: Invalid type/,
  ],
  ['not an object at all', (l) => l.saveClip(as(null)), /^The clip was not saved: articleKey: /],
  [
    "an edit to colour 'red'",
    (l, { hId }) => l.updateHighlight(hId, { color: as('red') }),
    /^The highlight was not changed: color: Invalid type/,
  ],
  [
    'an edit to note 123',
    (l, { cId }) => l.updateClip(cId, { note: as(123) }),
    /^The clip was not changed: note: Invalid type: Expected string but received 123/,
  ],
  [
    'an edit to tags [1, 2]',
    (l, { hId }) => l.updateHighlight(hId, { tags: as([1, 2]) }),
    /^The highlight was not changed: tags\[0\]: /,
  ],
  [
    'an article with 1e308 as its order',
    (l) => l.saveArticle(makeArticle({ order: 1e308 })),
    /^The article was not saved: article\.order: /,
  ],
];

describe('every write checks its record', () => {
  it.each(hostile)('refuses %s, naming the field, and stores nothing', async (_name, call, message) => {
    const { l, hId, cId } = await honest();
    const before = ok(await l.dumpAll());
    const r = await call(l, { hId, cId });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect(ok(await l.dumpAll())).toEqual(before);
  });

  it('refuses the same payloads sent as messages', async () => {
    const { l } = await honest();
    const before = ok(await l.dumpAll());
    const handlers = libraryHandlers(l) as Record<string, (m: unknown) => Promise<Result<unknown>>>;
    const sent = [
      { type: 'saveHighlight', highlight: { ...makeHighlight(), color: 'red' } },
      { type: 'saveHighlight', highlight: { ...makeHighlight(), note: 123 } },
      { type: 'saveClip', clip: { ...makeClip(), tags: [1, 2] } },
      { type: 'saveClip', clip: makeClip(long) },
      { type: 'saveArticle', article: { ...makeArticle(), paragraphs: 'x' } },
    ];
    for (const m of sent) expect((await handlers[m.type](m)).ok).toBe(false);
    expect(ok(await l.dumpAll())).toEqual(before);
  });

  it('drops unknown fields a page adds instead of storing them', async () => {
    const l = lib();
    const extra = { terms: ['x'.repeat(100)], script: '<img src=x onerror=alert(1)>' };
    const h = ok(await l.saveHighlight({ ...makeHighlight(), ...as<object>(extra) }, makeArticle()));
    const c = ok(await l.saveClip({ ...makeClip(), ...as<object>(extra) }));
    const all = ok(await l.dumpAll());
    for (const x of [h, c, all.highlights[0], all.clips[0], all.articles[0]]) {
      expect(x).not.toHaveProperty('script');
    }
    expect(Object.keys(all.clips[0]).sort()).toEqual(
      [
        'articleKey',
        'createdAt',
        'id',
        'note',
        'paragraphIndexes',
        'paragraphs',
        'source',
        'tags',
        'updatedAt',
      ].sort(),
    );
  });

  it('a library that met every hostile page above backs up and restores whole', async () => {
    const { l, hId, cId } = await honest();
    for (const [, call] of hostile) await call(l, { hId, cId });
    ok(await l.saveClip(makeClip('一张“纸”里的45亿元自贸港外贸账', { tags: ['自贸港'] })));
    const data = ok(await l.dumpAll());
    const file = parseBackup(makeBackup(data, new Date()), { now: Date.now() });
    expect(file.ok && [file.value.skipped, file.value.problems]).toEqual([0, []]);
    const fresh = lib();
    const report = ok(await fresh.restore(ok(readBackup(makeBackup(data, new Date())))));
    expect(report).toMatchObject({ skipped: 0, problems: [] });
    expect(report.added).toEqual({
      articles: data.articles.length,
      highlights: data.highlights.length,
      clips: data.clips.length,
    });
    expect(report.added).toEqual({ articles: 1, highlights: 1, clips: 2 });
  });
});

describe('restore skips bad records and says which', () => {
  it('restores the 3 good records of a hand-made file and reports the 2 bad ones with paths', async () => {
    const { l } = await honest();
    const good = ok(await l.dumpAll());
    const text = JSON.stringify({
      format: 'epaper-reader-backup',
      version: 1,
      data: {
        articles: good.articles,
        highlights: [...good.highlights, { ...good.highlights[0], id: 'h-bad', color: 'red' }],
        clips: [good.clips[0], { ...good.clips[0], id: 'c-bad', updatedAt: 1e308 }],
      },
    });
    const fresh = lib();
    const report = ok(await fresh.restore(ok(readBackup(text))));
    expect(report.added).toEqual({ articles: 1, highlights: 1, clips: 1 });
    expect(report.skipped).toBe(2);
    expect(report.problems).toEqual([
      expect.stringMatching(/^data\.highlights\[1\]\.color: Invalid type: .*"red"$/),
      expect.stringMatching(/^data\.clips\[1\]\.updatedAt: Invalid value: Expected <=253402300799999/),
    ]);
    expect(ok(await fresh.dumpAll())).toEqual(good);
  });

  it("skips records dated more than a day after the library's clock, and keeps those a little ahead", async () => {
    const now = Date.UTC(2026, 10, 29, 12);
    const l = openLibrary({ name: freshName(), clock: fakeClock(now) });
    open.push(l);
    const h = {
      ...makeHighlight(),
      id: 'h1',
      note: '',
      tags: [],
      createdAt: now,
      updatedAt: now + 3_600_000,
    };
    const c = {
      ...makeClip(),
      id: 'c1',
      note: '',
      tags: [],
      createdAt: now,
      updatedAt: Date.UTC(2099, 0, 1),
    };
    const report = ok(await l.restore({ articles: [], highlights: [h], clips: [c] }));
    expect(report.added).toEqual({ articles: 0, highlights: 1, clips: 0 });
    expect(report.problems).toEqual([
      expect.stringMatching(/^data\.clips\[0\]\.updatedAt: from the future \(2099-01-01T00:00:00\.000Z/),
    ]);
  });

  it('keeps at most 20 reasons but counts every skipped record', async () => {
    const bad = Array.from({ length: 30 }, (_, i) => ({ id: `x${i}` }));
    const report = ok(await lib().restore(as({ articles: [], highlights: bad, clips: [] })));
    expect([report.skipped, report.problems.length]).toEqual([30, 20]);
  });
});

describe('restoreDeleted (undo of a bulk delete)', () => {
  async function deleted(l: Library): Promise<DeletedItems> {
    const c1 = ok(await l.saveClip(makeClip('沙土上不能盖房子。'), makeArticle()));
    const c2 = ok(
      await l.saveClip(
        makeClip('一张“纸”里的45亿元自贸港外贸账', { articleKey: '海南日报|2026-07-09|001|4' }),
      ),
    );
    const h = ok(await l.saveHighlight(makeHighlight('防止规模性返贫')));
    return ok(await l.deleteMany({ clips: [c1.id, c2.id], highlights: [h.id] }));
  }

  it('puts everything back in one message, ids and creation times kept, and tells each article', async () => {
    const l = lib();
    const gone = await deleted(l);
    const changes: string[] = [];
    const handlers = libraryHandlers(l, (key, what) => changes.push(`${what} ${key}`));
    const r = await (handlers.restoreDeleted as (m: unknown) => Promise<Result<unknown>>)({
      type: 'restoreDeleted',
      ...gone,
    });
    expect(r).toEqual({ ok: true, value: { clips: 2, highlights: 1 } });
    expect(changes.sort()).toEqual(
      [
        'clip 株洲日报|2022-02-07|A1|0',
        'clip 海南日报|2026-07-09|001|4',
        'highlight 株洲日报|2022-02-07|A1|0',
      ].sort(),
    );
    const all = ok(await l.dumpAll());
    const kept = (x: { id: string; createdAt: number }) => [x.id, x.createdAt];
    expect(all.clips.map(kept).sort()).toEqual(gone.clips.map(kept).sort());
    expect(all.highlights.map(kept)).toEqual(gone.highlights.map(kept));
    expect(ok(await l.search('盖房子')).total).toBe(1);
  });

  it('puts back restored clips: their tombstones go, and search finds them again', async () => {
    const source = lib();
    const c = ok(await source.saveClip(makeClip('乡村振兴，防止规模性返贫是底线。')));
    const l = lib();
    ok(await l.restore(ok(await source.dumpAll())));
    const gone = ok(await l.deleteMany({ clips: [c.id] }));
    expect(await libraryDb(l).tombstones.count()).toBe(1);
    expect(ok(await l.search('返贫')).total).toBe(0);
    ok(await l.restoreDeleted(gone));
    expect(ok(await l.dumpAll()).clips.map((x) => x.id)).toEqual([c.id]);
    expect(await libraryDb(l).tombstones.count()).toBe(0);
    expect(ok(await l.search('返贫')).total).toBe(1);
  });

  it('one invalid record refuses the whole undo and writes nothing', async () => {
    const l = lib();
    const gone = await deleted(l);
    const before = ok(await l.dumpAll());
    const broken = { ...gone, highlights: [{ ...gone.highlights[0], color: as<'yellow'>('red') }] };
    const r = await l.restoreDeleted(broken);
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^Nothing was put back: highlights\[0\]: color: Invalid type/),
    });
    expect(ok(await l.dumpAll())).toEqual(before);
  });

  it('a failing transaction writes none of it, and the same items can be put back later', async () => {
    const l = lib();
    const gone = await deleted(l);
    const before = ok(await l.dumpAll());
    vi.spyOn(libraryDb(l).highlights, 'bulkPut').mockRejectedValue(
      new DOMException('full', 'QuotaExceededError'),
    );
    const r = await l.restoreDeleted(gone);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/Storage is full.*Nothing was saved/) });
    vi.restoreAllMocks();
    expect(ok(await l.dumpAll())).toEqual(before);
    expect(ok(await l.restoreDeleted(gone))).toEqual({ clips: 2, highlights: 1 });
  });

  it('a closed database puts nothing back and says so', async () => {
    const l = lib();
    const gone = await deleted(l);
    l.close();
    expect(await l.restoreDeleted(gone)).toEqual({
      ok: false,
      error: expect.stringMatching(/database is closed/),
    });
  });
});
