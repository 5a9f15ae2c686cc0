import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  EpaperDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  MAX_CACHE_CHARS,
  MAX_PAGE_CHARS,
  type ClipRowV1,
  type ClipRowV6,
  type HighlightRowV1,
  type PackRow,
  type PageRowV1,
} from '../../lib/db/index.ts';
import { parseRev } from '../../lib/db/clock.ts';
import { bigrams } from '../../lib/text/bigrams.ts';
import { freshName, makeArticle, makeClip, makeHighlight, ok, testLibrary } from './factories.ts';
import { libraryDb } from '../../lib/db/library.ts';

/** The schema version every upgrade ends at (lib/db/schema.ts). */
const LATEST = 7;

/** A version-1 row exactly as the first release wrote it. */
function v1Row(id: string, exact: string, articleKey: string): HighlightRowV1 {
  return {
    ...makeHighlight(exact, { articleKey }),
    id,
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    title: '',
    terms: bigrams(exact),
  };
}

/** A clip row of an earlier release (made at time 1, from the 株洲日报 seed), with the given terms. */
function legacyClipRow(clip: ReturnType<typeof makeClip>, id: string, terms: string[]): ClipRowV1 {
  return {
    ...clip,
    id,
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    paper: '株洲日报',
    date: '2022-02-07',
    terms,
  };
}

describe('v1 → v2', () => {
  it('fills paper and date of existing highlights from their article, else from the key', async () => {
    const name = freshName();
    const v1 = legacyDb(name, 1);
    const article = makeArticle({ key: 'hndaily-19688151', paper: '海南日报', date: '2026-07-09' });
    await v1.table('articles').put({
      key: article.key,
      article,
      urls: ['http://news.hndaily.cn/html/2026-07/09/content_58464_19688151.htm'],
      firstSeenAt: 1,
      lastSeenAt: 1,
      paper: '海南日报',
      date: '2026-07-09',
    });
    await v1
      .table('highlights')
      .bulkPut([
        v1Row('a', '45亿元自贸港外贸账', 'hndaily-19688151'),
        v1Row('b', '防止规模性返贫是底线', '株洲日报|2022-02-07|A1|0'),
        v1Row('c', '无从查起', 'unknown-id'),
      ]);
    expect(v1.verno).toBe(1);
    v1.close();

    const v2 = new EpaperDB(name);
    await v2.open();
    // The upgrade runs every version after the file's: v1 → v2 → … → v6.
    expect(v2.verno).toBe(LATEST);
    const rows = await v2.highlights.orderBy('id').toArray();
    expect(rows.map((r) => [r.id, r.paper, r.date])).toEqual([
      ['a', '海南日报', '2026-07-09'],
      ['b', '株洲日报', '2022-02-07'],
      ['c', '', ''],
    ]);
    v2.close();
  });

  it('the library works on the upgraded data (search, filters)', async () => {
    const name = freshName();
    const v1 = legacyDb(name, 1);
    await v1.table('highlights').put(v1Row('z', '防止规模性返贫是底线', '株洲日报|2022-02-07|A1|0'));
    v1.close();
    const l = testLibrary(name);
    const r = ok(await l.search('返贫', { paper: '株洲日报', dateFrom: '2022-02-01' }));
    expect(r.hits.map((h) => h.item.id)).toEqual(['z']);
    l.close();
  });

  it('a database left by a newer release (downgrade) still opens and saves: Dexie 4 adopts its version', async () => {
    const name = freshName();
    const v9 = new Dexie(name);
    v9.version(9).stores({ ...SCHEMA_V1, extra: 'id' });
    await v9.open();
    v9.close();
    const l = testLibrary(name);
    const h = ok(await l.saveHighlight(makeHighlight()));
    expect(ok(await l.listForArticle(h.articleKey)).highlights).toEqual([h]);
    l.close();
  });
});

describe('v2 → v3', () => {
  it('keeps v2 rows searchable, and a restore on top is found with them', async () => {
    const name = freshName();
    const v2 = legacyDb(name, 2);
    const clip = makeClip('沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。');
    // A v2 clip row as the last release wrote it (run-final characters indexed alone too).
    const row = legacyClipRow(clip, 'old', [...bigrams(clip.paragraphs[0]), '底', '线']);
    await v2.table('clips').put(row);
    v2.close();

    const l = testLibrary(name);
    expect(ok(await l.search('返贫')).hits.map((h) => h.item.id)).toEqual(['old']);
    expect(libraryDb(l).verno).toBe(LATEST);
    ok(
      await l.restore({
        articles: [],
        highlights: [],
        clips: [{ ...clip, id: 'new', note: '', tags: [], createdAt: 2, updatedAt: 2 }],
      }),
    );
    expect(ok(await l.search('返贫')).hits.map((h) => h.item.id)).toEqual(['new', 'old']);
    l.close();
  });
});

describe('v3 → v4', () => {
  it('clip rows of a v3 restore (no terms, posting lists) stay listed, searchable and editable', async () => {
    const name = freshName();
    const v3 = legacyDb(name, 3);
    const clip = makeClip('沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。');
    // As a v3 restore wrote it: a row with `terms: []`, its terms in the posting lists.
    const row = legacyClipRow(clip, 'v3', []);
    await v3.table('clips').put(row);
    // Its posting lists as v3 wrote them (the segment row; v6 drops the table).
    await v3.table('postings').put({ k: 'C old-restore', ids: ['v3'], ts: new Float64Array([1]) });
    v3.close();

    const l = testLibrary(name);
    ok(
      await l.restore({
        articles: [],
        highlights: [],
        clips: [{ ...clip, id: 'v4', note: '', tags: [], createdAt: 2, updatedAt: 2 }],
      }),
    );
    expect(libraryDb(l).verno).toBe(LATEST);
    expect(await libraryDb(l).clips.count()).toBe(2); // one row per clip
    expect(ok(await l.search('返贫')).hits.map((h) => h.item.id)).toEqual(['v4', 'v3']);
    expect(ok(await l.search('')).total).toBe(2);
    ok(await l.updateClip('v3', { note: '旧的' }));
    expect(ok(await l.search('旧的')).hits.map((h) => h.item.id)).toEqual(['v3']);
    l.close();
  });
});

describe('v4 → v5', () => {
  /** A page row as v1–v4 stored it (no usedAt, no size). */
  const v4Page = (n: number, fetchedAt: number, size: number): PageRowV1 => ({
    url: `http://news.hndaily.cn/html/2026-07/09/node_${58464 + n}.htm`,
    fetchedAt,
    contentType: 'text/html; charset=utf-8',
    text: 'x'.repeat(size),
  });

  it('fills usedAt and size of cached pages, drops entries over the cap, and evicts the oldest past the total', async () => {
    const name = freshName();
    const v4 = legacyDb(name, 4);
    const fit = Math.floor(MAX_CACHE_CHARS / MAX_PAGE_CHARS);
    // What an issue scan of the last release could leave: an 8 MB page and more than the total cap.
    const rows = [v4Page(0, 100_000, 8 * 1024 * 1024), v4Page(1, 10, 100)];
    for (let i = 0; i < fit; i++) rows.push(v4Page(2 + i, 20 + i, MAX_PAGE_CHARS));
    await v4.table('pages').bulkPut(rows);
    v4.close();

    const l = testLibrary(name);
    // The least recently used page (the 100-character one) made room; the full-size ones fit.
    expect(ok(await l.getCachedPage(rows[1].url))).toBeNull();
    expect(libraryDb(l).verno).toBe(LATEST);
    const left = await libraryDb(l).pages.orderBy('url').toArray();
    expect(left.map((r) => r.url)).toEqual(rows.slice(2).map((r) => r.url));
    for (const r of left) {
      expect(r.usedAt).toBe(r.fetchedAt);
      expect(r.size).toBe(r.text.length);
    }
    expect(left.reduce((n, r) => n + r.size, 0)).toBeLessThanOrEqual(MAX_CACHE_CHARS);
    // The new index answers, and a put evicts the least recently used page.
    expect((await libraryDb(l).pages.orderBy('[usedAt+size]').first())?.url).toBe(rows[2].url);
    ok(await l.putCachedPage(v4Page(99, 1000, MAX_PAGE_CHARS)));
    expect(ok(await l.getCachedPage(rows[2].url))).toBeNull();
    expect(ok(await l.getCachedPage(rows[3].url))?.text.length).toBe(MAX_PAGE_CHARS);
    l.close();
  });
});

// The stores of each released version, in order: a test opens an old database by declaring them all.
const SCHEMAS = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6];

/** A database at `version` (1–6) with the tables of every version up to it, as that release declared them. */
function legacyDb(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= version; v++) db.version(v).stores(SCHEMAS[v - 1]);
  return db;
}

/** A pack as v4–v5 restores wrote it: up to 20 clip rows (no terms), newest first. */
function pack(segment: string, n: number, clips: ClipRowV1[]): PackRow {
  return {
    k: `p ${segment} ${String(n).padStart(6, '0')}`,
    ids: clips.map((c) => c.id),
    articleKeys: [...new Set(clips.map((c) => c.articleKey))],
    created: Math.max(...clips.map((c) => c.createdAt)),
    updated: Math.max(...clips.map((c) => c.updatedAt)),
    clips,
  };
}

describe.each([4, 5] as const)('v%i → v6', (version) => {
  const at = (id: string, t: number, text: string): ClipRowV1 => ({
    ...legacyClipRow(makeClip(text), id, []),
    createdAt: t,
    updatedAt: t,
  });

  it('unpacks restored clips into rows (a row and a packed copy keep the newer), versions every record, drops terms', async () => {
    const name = freshName();
    const old = legacyDb(name, version);
    const article = makeArticle();
    await old.table('articles').put({
      key: article.key,
      article,
      urls: [],
      firstSeenAt: 5,
      lastSeenAt: 7,
      paper: '株洲日报',
      date: '2022-02-07',
    });
    // Saved one at a time (with *terms), one of them also in a pack with an older copy.
    const saved = {
      ...at('saved', 30, '巩固拓展脱贫攻坚成果是基石。'),
      terms: bigrams('巩固拓展脱贫攻坚成果是基石。'),
    };
    const edited = {
      ...at('both', 40, '沙土上不能盖房子，编辑过。'),
      terms: bigrams('沙土上不能盖房子，编辑过。'),
    };
    await old.table('clips').bulkPut([saved, edited]);
    const packed = Array.from({ length: 25 }, (_, i) =>
      at(`p${i}`, 100 + i, `乡村振兴第${i}条，防止规模性返贫是底线。`),
    );
    await old
      .table('packs')
      .bulkPut([
        pack('seg', 0, packed.slice(0, 20)),
        pack('seg', 1, [...packed.slice(20), at('both', 10, '沙土上不能盖房子。')]),
        { k: '#count', n: 26 },
      ]);
    await old
      .table('highlights')
      .put({ ...v1Row('h', '防止规模性返贫是底线', article.key), paper: '株洲日报', date: '2022-02-07' });
    old.close();

    const l = testLibrary(name);
    const db = libraryDb(l);
    await db.open();
    expect(db.verno).toBe(LATEST); // through v6 and on to the latest
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'articles',
      'clips',
      'highlights',
      'meta',
      'pages',
      'tombstones',
    ]);
    const rows = await db.clips.toArray();
    expect(rows).toHaveLength(27);
    // The counts, computed once by the upgrade (lib/db/counts.ts keeps them from then on).
    const counted = await db.meta.get('clock');
    expect([counted?.clips, counted?.highlights]).toEqual([27, 1]);
    expect(rows.find((r) => r.id === 'both')?.paragraphs).toEqual(['沙土上不能盖房子，编辑过。']);
    for (const r of rows) {
      expect(r).not.toHaveProperty('terms');
      expect(parseRev(r.rev)).toEqual({ t: r.updatedAt, c: 0, device: r.device });
    }
    const clock = await db.meta.get('clock');
    expect(clock?.seq).toBe(29); // 27 clips, 1 highlight, 1 article
    // Everything is in the change feed (a first sync sends it all), in one device's name.
    const feed = ok(await l.changesSince(0));
    expect(feed.records).toHaveLength(29);
    expect(new Set(feed.records.map((r) => r.device))).toEqual(new Set([ok(await l.deviceId())]));
    // Search and listing read the rows.
    expect(ok(await l.search('返贫')).total).toBe(26); // 25 packed clips and the highlight
    expect(ok(await l.search('编辑过')).hits.map((h) => h.item.id)).toEqual(['both']);
    expect(ok(await l.search('')).total).toBe(28);
    expect(ok(await l.listForArticle(article.key)).clips).toHaveLength(27);
    // New writes continue the feed and the clock.
    const c = ok(await l.saveClip(makeClip('新的摘录')));
    const next = ok(await l.changesSince(feed.cursor));
    expect(next.records.map((r) => r.id)).toEqual([c.id]);
    expect(next.records[0].rev > feed.records.at(-1)!.rev).toBe(true);
    l.close();
  });
});

describe('v6 → v7', () => {
  it('indexes only the clips whose updatedAt is not their createdAt, as `edited`; the popup reads the same newest clips', async () => {
    const name = freshName();
    const old = legacyDb(name, 6);
    const device = '0193c4d2a1b2c3d4';
    // Made at `made`, last changed at `changed`: edited later, restored with an older updatedAt,
    // or never edited; two of them changed at the same moment (ties go to the higher id).
    const times: Array<[string, number, number]> = [
      ['a', 10, 10],
      ['b', 20, 90],
      ['c', 30, 30],
      ['d', 40, 5],
      ['e', 50, 50],
      ['f', 60, 90],
      ['g', 70, 70],
    ];
    const rows: ClipRowV6[] = times.map(([id, made, changed], i) => ({
      ...makeClip(`乡村振兴第${i}条，防止规模性返贫是底线。`),
      id,
      note: '',
      tags: [],
      createdAt: made,
      updatedAt: changed,
      rev: `${String(changed).padStart(18, '0')}.00000.${device}`,
      device,
      seq: i + 1,
    }));
    await old.table('clips').bulkPut(rows);
    await old
      .table('meta')
      .put({ k: 'clock', device, t: 90, c: 0, seq: rows.length, clips: rows.length, highlights: 0 });
    old.close();

    const l = testLibrary(name);
    const db = libraryDb(l);
    await db.open();
    expect(db.verno).toBe(LATEST);
    expect(db.clips.schema.indexes.map((i) => i.name).sort()).toEqual([
      'articleKey',
      'createdAt',
      'edited',
      'seq',
    ]);
    expect(db.highlights.schema.indexes.map((i) => i.name).sort()).toEqual([
      'articleKey',
      'createdAt',
      'seq',
    ]);
    expect(db.articles.schema.indexes.map((i) => i.name).sort()).toEqual(['seq', 'urls']);
    expect((await db.clips.orderBy('edited').primaryKeys()).sort()).toEqual(['b', 'd', 'f']);
    // No record changed: the change feed and the versions are as before.
    const after = await db.clips.toArray();
    expect(after.map(({ edited: _, ...r }) => r)).toEqual(rows);
    expect((await db.meta.get('clock'))?.seq).toBe(rows.length);
    // The newest by updatedAt, as the v6 `updatedAt` index gave them: f and b (90, f the higher id), g, e, c, a, d.
    const newest = async (n: number) => ok(await l.recentClips(n)).flatMap((g) => g.clips.map((c) => c.id));
    expect(await newest(10)).toEqual(['f', 'b', 'g', 'e', 'c', 'a', 'd']);
    expect(await newest(3)).toEqual(['f', 'b', 'g']);
    l.close();
  });
});
