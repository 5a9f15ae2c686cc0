import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  EpaperDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  MAX_CACHE_CHARS,
  MAX_PAGE_CHARS,
  type ClipRow,
  type HighlightRowV1,
  type PageRowV1,
} from '../../lib/db/index.ts';
import { postingRows } from '../../lib/db/postings.ts';
import { bigrams } from '../../lib/text/bigrams.ts';
import { freshName, makeArticle, makeClip, makeHighlight, ok, testLibrary } from './factories.ts';
import { libraryDb } from '../../lib/db/library.ts';

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
function legacyClipRow(clip: ReturnType<typeof makeClip>, id: string, terms: string[]): ClipRow {
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
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
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
    // The upgrade runs every version after the file's: v1 → v2 → … → v5.
    expect(v2.verno).toBe(5);
    const rows = await v2.highlights.orderBy('id').toArray();
    expect(rows.map((r) => [r.id, r.paper, r.date])).toEqual([
      ['a', '海南日报', '2026-07-09'],
      ['b', '株洲日报', '2022-02-07'],
      ['c', '', ''],
    ]);
    // The new indexes answer queries.
    expect(await v2.highlights.where('paper').equals('海南日报').primaryKeys()).toEqual(['a']);
    expect(
      await v2.highlights.where('date').between('2022-01-01', '2022-12-31', true, true).primaryKeys(),
    ).toEqual(['b']);
    v2.close();
  });

  it('the library works on the upgraded data (search, filters)', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
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
  it('keeps v2 rows searchable through their *terms, and a restore on top adds posting lists', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const clip = makeClip('沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。');
    // A v2 clip row as the last release wrote it (run-final characters indexed alone too).
    const row = legacyClipRow(clip, 'old', [...bigrams(clip.paragraphs[0]), '底', '线']);
    await v2.table('clips').put(row);
    v2.close();

    const l = testLibrary(name);
    expect(ok(await l.search('返贫')).hits.map((h) => h.item.id)).toEqual(['old']);
    expect(libraryDb(l).verno).toBe(5);
    ok(
      await l.restore({
        articles: [],
        highlights: [],
        clips: [{ ...clip, id: 'new', note: '', tags: [], createdAt: 2, updatedAt: 2 }],
      }),
    );
    expect(await libraryDb(l).postings.count()).toBeGreaterThan(10);
    expect(ok(await l.search('返贫')).hits.map((h) => h.item.id)).toEqual(['new', 'old']);
    l.close();
  });
});

describe('v3 → v4', () => {
  it('clip rows of a v3 restore (no terms, posting lists) stay listed, searchable and editable beside packs', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const clip = makeClip('沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。');
    // As a v3 restore wrote it: a row with `terms: []`, its terms in the posting lists.
    const row = legacyClipRow(clip, 'v3', []);
    await v3.table('clips').put(row);
    const terms = bigrams(clip.paragraphs[0]);
    await v3.table('postings').bulkPut(postingRows('c', 'old-restore', [{ id: 'v3', terms, createdAt: 1 }]));
    v3.close();

    const l = testLibrary(name);
    ok(
      await l.restore({
        articles: [],
        highlights: [],
        clips: [{ ...clip, id: 'v4', note: '', tags: [], createdAt: 2, updatedAt: 2 }],
      }),
    );
    expect(libraryDb(l).verno).toBe(5);
    expect(await libraryDb(l).clips.count()).toBe(1); // the v3 row stays a row; the new clip is packed
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
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    const fit = Math.floor(MAX_CACHE_CHARS / MAX_PAGE_CHARS);
    // What an issue scan of the last release could leave: an 8 MB page and more than the total cap.
    const rows = [v4Page(0, 100_000, 8 * 1024 * 1024), v4Page(1, 10, 100)];
    for (let i = 0; i < fit; i++) rows.push(v4Page(2 + i, 20 + i, MAX_PAGE_CHARS));
    await v4.table('pages').bulkPut(rows);
    v4.close();

    const l = testLibrary(name);
    // The least recently used page (the 100-character one) made room; the full-size ones fit.
    expect(ok(await l.getCachedPage(rows[1].url))).toBeNull();
    expect(libraryDb(l).verno).toBe(5);
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
