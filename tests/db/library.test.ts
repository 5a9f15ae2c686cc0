import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, type DeletedItems, type Library } from '../../lib/db/index.ts';
import { libraryHandlers } from '../../lib/extension/background/library-handlers.ts';
import type { Result } from '../../lib/model/index.ts';
import {
  failClipPut,
  fakeClock,
  freshName,
  makeArticle,
  makeClip,
  makeHighlight,
  ok,
  testLibrary,
} from './factories.ts';
import { libraryDb } from '../../lib/db/library.ts';

const open: Library[] = [];
function lib(name?: string): Library {
  const l = testLibrary(name);
  open.push(l);
  return l;
}
afterEach(() => {
  for (const l of open.splice(0)) l.close();
  vi.restoreAllMocks();
});

describe('articles', () => {
  it('keeps the parsed text and every URL it was seen under', async () => {
    const l = lib();
    const a = makeArticle();
    ok(await l.saveArticle(a, 'https://epaper.zhuzhou.com/html/2022-02/07/content_1.htm?div=-1'));
    const again = ok(await l.saveArticle(a, 'https://m.zhuzhou.com/a/1'));
    expect(again.urls).toEqual([
      'https://epaper.zhuzhou.com/html/2022-02/07/content_1.htm',
      'https://epaper.zhuzhou.com/html/2022-02/07/content_1.htm?div=-1',
      'https://m.zhuzhou.com/a/1',
    ]);
    expect(again.lastSeenAt).toBeGreaterThan(again.firstSeenAt);
    expect(ok(await l.findArticleByUrl('https://m.zhuzhou.com/a/1'))?.article.title).toBe(
      '乡村振兴“开卷” 株洲这样作答',
    );
    expect(ok(await l.findArticleByUrl('https://example.com/none'))).toBeNull();
  });
});

describe('highlights', () => {
  it('save fills a random id and clock timestamps; update and delete (with undo) work', async () => {
    const l = openLibrary({ name: freshName(), clock: fakeClock(1000) });
    open.push(l);
    const h = ok(await l.saveHighlight(makeHighlight(), makeArticle()));
    expect(h.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(h).toMatchObject({ createdAt: 1001, updatedAt: 1001, note: '', tags: [] });
    const u = ok(await l.updateHighlight(h.id, { color: 'green', note: '底线思维', tags: ['乡村振兴'] }));
    expect(u).toMatchObject({ color: 'green', note: '底线思维', tags: ['乡村振兴'], createdAt: 1001 });
    expect(u.updatedAt).toBeGreaterThan(1001);
    const deleted = ok(await l.deleteHighlight(h.id));
    expect(deleted).toEqual(u);
    expect(ok(await l.listForArticle(h.articleKey)).highlights).toEqual([]);
    // Undo: saving the returned record brings it back with its id and creation time.
    const back = ok(await l.saveHighlight(deleted));
    expect(back).toMatchObject({ id: h.id, createdAt: 1001, color: 'green' });
  });

  it('editing a highlight that is gone reports it', async () => {
    const r = await lib().updateHighlight('nope', { note: 'x' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/not in the library/) });
  });

  it('listForArticle gives the article, its highlights and clips in the order made', async () => {
    const l = lib();
    const a = makeArticle();
    ok(await l.saveHighlight(makeHighlight('防止规模性返贫是底线'), a));
    ok(await l.saveHighlight(makeHighlight('巩固拓展脱贫攻坚成果是基石')));
    ok(await l.saveClip(makeClip()));
    ok(await l.saveHighlight(makeHighlight('别的文章', { articleKey: '海南日报|2026-07-09|001|1' })));
    const items = ok(await l.listForArticle(a.key));
    expect(items.article?.article.title).toBe(a.title);
    expect(items.highlights.map((h) => h.selectors.exact)).toEqual([
      '防止规模性返贫是底线',
      '巩固拓展脱贫攻坚成果是基石',
    ]);
    expect(items.clips).toHaveLength(1);
    expect(items.highlights[0]).not.toHaveProperty('terms');
  });
});

describe('clips', () => {
  it('keeps paragraphs, indexes and the full source; update and delete', async () => {
    const l = lib();
    const c = ok(
      await l.saveClip(makeClip(undefined, { note: '防返贫', tags: ['乡村振兴'] }), makeArticle()),
    );
    expect(c.source).toMatchObject({
      paper: '株洲日报',
      date: '2022-02-07',
      pages: ['A1'],
      title: '乡村振兴“开卷” 株洲这样作答',
    });
    expect(ok(await l.updateClip(c.id, { note: '底线' })).note).toBe('底线');
    expect(ok(await l.deleteClip(c.id)).id).toBe(c.id);
    expect(ok(await l.dumpAll()).clips).toEqual([]);
  });

  it('recentClips groups the newest clips by article, with each article’s count', async () => {
    const l = lib();
    const hn = '海南日报|2026-07-09|001|4';
    ok(await l.saveClip(makeClip('第一段')));
    ok(await l.saveClip(makeClip('一张“纸”里的45亿元自贸港外贸账', { articleKey: hn })));
    ok(await l.saveClip(makeClip('第二段')));
    ok(await l.saveClip(makeClip('第三段')));
    const groups = ok(await l.recentClips(3));
    expect(groups.map((g) => [g.articleKey, g.clips.map((c) => c.paragraphs[0]), g.count])).toEqual([
      ['株洲日报|2022-02-07|A1|0', ['第三段', '第二段'], 3],
      [hn, ['一张“纸”里的45亿元自贸港外贸账'], 1],
    ]);
  });
});

describe('failures leave nothing half-written', () => {
  it('a quota error while saving a clip also undoes its article and says so', async () => {
    const l = lib();
    await libraryDb(l).open();
    vi.spyOn(libraryDb(l).clips, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const r = await l.saveClip(makeClip(), makeArticle());
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/Storage is full.*Nothing was saved/) });
    vi.restoreAllMocks();
    expect(ok(await l.dumpAll())).toEqual({ articles: [], highlights: [], clips: [] });
  });

  it('a quota error in the middle of a restore writes none of it', async () => {
    const l = lib();
    ok(await l.saveClip(makeClip('已有的摘录')));
    const before = ok(await l.dumpAll());
    failClipPut(1);
    const incoming = {
      articles: [{ key: 'k', article: makeArticle({ key: 'k' }), urls: [], firstSeenAt: 1, lastSeenAt: 1 }],
      highlights: [{ ...makeHighlight(), id: 'h1', note: '', tags: [], createdAt: 1, updatedAt: 1 }],
      clips: ['c1', 'c2'].map((id) => ({
        ...makeClip('新的'),
        id,
        note: '',
        tags: [],
        createdAt: 1,
        updatedAt: 1,
      })),
    };
    expect(await l.restore(incoming)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Storage is full.*Nothing was saved/),
    });
    vi.restoreAllMocks();
    expect(ok(await l.dumpAll())).toEqual(before);
    // Nor its versions: the change feed holds only the clip saved before.
    expect(ok(await l.changesSince(0)).records.map((r) => r.kind)).toEqual(['clip']);
  });

  it('a closed database reports a clear message instead of throwing', async () => {
    const l = lib();
    ok(await l.saveArticle(makeArticle()));
    l.close();
    const r = await l.saveHighlight(makeHighlight());
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/database is closed/) });
  });
});

describe('two tabs at once', () => {
  it('two connections saving at the same moment lose nothing', async () => {
    const name = freshName();
    const a = lib(name);
    const b = lib(name);
    const article = makeArticle({ urls: [] });
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => a.saveClip(makeClip(`甲${i}`))),
      ...Array.from({ length: 20 }, (_, i) => b.saveClip(makeClip(`乙${i}`))),
      a.saveArticle(article, 'https://a.example/1'),
      b.saveArticle(article, 'https://b.example/1'),
      a.saveHighlight(makeHighlight('防止规模性返贫')),
      b.saveHighlight(makeHighlight('巩固拓展脱贫攻坚成果')),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const all = ok(await a.dumpAll());
    expect(all.clips).toHaveLength(40);
    expect(all.highlights).toHaveLength(2);
    expect(all.articles).toHaveLength(1);
    expect(all.articles[0].urls.sort()).toEqual(['https://a.example/1', 'https://b.example/1']);
  });
});

describe('deleteMany (the library page’s bulk delete)', () => {
  it('deletes clips and highlights in one transaction, returns them, and undo puts them back', async () => {
    const l = testLibrary();
    const c1 = ok(await l.saveClip(makeClip('沙土上不能盖房子。'), makeArticle()));
    const c2 = ok(await l.saveClip(makeClip('防止规模性返贫是底线。')));
    const h = ok(await l.saveHighlight(makeHighlight('防止规模性返贫')));
    const changes: string[] = [];
    const handlers = libraryHandlers(l, (key, what) => changes.push(`${what} ${key}`));
    const r = ok(
      await (handlers.deleteMany as (m: unknown) => Promise<Result<DeletedItems>>)({
        type: 'deleteMany',
        clips: [c1.id, 'missing'],
        highlights: [h.id],
      }),
    );
    expect(r).toEqual({ clips: [c1], highlights: [h] });
    expect(changes).toEqual([`clip ${c1.articleKey}`, `highlight ${h.articleKey}`]);
    expect(ok(await l.search('')).hits.map((x) => x.item.id)).toEqual([c2.id]);
    ok(await l.saveClip(r.clips[0]));
    ok(await l.saveHighlight(r.highlights[0]));
    expect(ok(await l.search('返贫')).total).toBe(2);
    expect(ok(await l.search('盖房子')).hits.map((x) => x.item.createdAt)).toEqual([c1.createdAt]);
    l.close();
  });

  it('a closed database deletes nothing and says so', async () => {
    const l = testLibrary();
    const c = ok(await l.saveClip(makeClip()));
    l.close();
    const r = await l.deleteMany({ clips: [c.id] });
    expect(r.ok).toBe(false);
  });
});
