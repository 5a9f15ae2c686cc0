import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../lib/db/index.ts';
import {
  afterNextPaint,
  FIRST_ROWS,
  LibraryService,
  sourceFromKey,
} from '../../../lib/extension/pages/library/listing';
import { makeArticle, makeClip, ok, testLibrary } from '../../db/factories';
import type { ListQuery } from '../../../lib/extension/pages/library/types';
import { HAINAN, seededLibrary } from './fixtures';

let l: Library;
let s: LibraryService;
beforeAll(async () => {
  l = await seededLibrary();
  s = new LibraryService(l);
});
afterAll(() => l.close());

const q = (init: Partial<ListQuery>): ListQuery => ({
  query: '',
  filters: {},
  sort: 'read',
  view: 'items',
  ...init,
});
const quotes = async (init: Partial<ListQuery>) => {
  const r = await s.list(q(init));
  if (!r.ok) throw new Error(r.error);
  return r.value.items.map((it) => (it.kind === 'clip' ? it.item.paragraphs[0] : it.item.selectors.exact));
};

describe('LibraryService.list', () => {
  it('lists every clip and highlight, newest read first', async () => {
    const all = await quotes({});
    expect(all).toHaveLength(8);
    expect(all[0]).toBe('意念控制');
    expect(all[7]).toBe('沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。');
  });

  it.each([
    [
      '返贫',
      [
        '防止规模性返贫是底线',
        '“电力大数据+防返贫”模式在全省推广。',
        '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。',
      ],
    ],
    ['刘成友', ['人民日报记者 刘成友 报道']],
    ['底线思维', ['防止规模性返贫是底线']],
    ['意念', ['意念控制', '“电力大数据+防返贫”模式在全省推广。']],
  ])('search %s finds quotes, notes and titles', async (query, expected) => {
    expect(await quotes({ query })).toEqual(expected);
  });

  it.each([
    [{ paper: '海南日报' }, ['意念控制', '“电力大数据+防返贫”模式在全省推广。']],
    [{ dateFrom: '2024-01-01', dateTo: '2024-12-31' }, ['一段普通的文字。']],
    [{ colors: ['pink' as const, 'green' as const] }, ['强富美', '防止规模性返贫是底线']],
    [
      { tags: ['乡村振兴'] },
      ['强富美', '“电力大数据+防返贫”模式在全省推广。', '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。'],
    ],
    [{ kinds: ['highlight' as const], paper: '株洲日报' }, ['强富美', '防止规模性返贫是底线']],
    [{ articleKey: HAINAN.key }, ['意念控制', '“电力大数据+防返贫”模式在全省推广。']],
  ])('filters %j', async (filters, expected) => {
    expect(await quotes({ filters })).toEqual(expected);
  });

  it('sorts by publication date, newest paper first', async () => {
    const r = await s.list(q({ sort: 'published' }));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.items.map((it) => it.source.date)).toEqual([
      '2026-07-13',
      '2026-07-13',
      '2024-01-02',
      '2022-02-07',
      '2022-02-07',
      '2022-02-07',
      '2022-02-07',
      '2022-02-07',
    ]);
  });

  it('groups articles with their counts, and highlights take their article title', async () => {
    const r = await s.list(q({ view: 'articles' }));
    if (!r.ok) throw new Error(r.error);
    const hainan = r.value.articles.find((a) => a.key === HAINAN.key)!;
    expect([hainan.source.title, hainan.clips, hainan.highlights]).toEqual([HAINAN.title, 1, 1]);
    expect(r.value.articles.map((a) => [a.clips, a.highlights])).toEqual([
      [1, 1],
      [3, 2],
      [1, 0],
    ]);
  });

  it('gives the filter choices with counts', async () => {
    const f = await s.facets();
    if (!f.ok) throw new Error(f.error);
    expect(f.value.papers).toEqual([
      { value: '株洲日报', count: 5 },
      { value: '海南日报', count: 2 },
      { value: '测试报', count: 1 },
    ]);
    expect(f.value.tags[0]).toEqual({ value: '乡村振兴', count: 3 });
    expect([f.value.firstDate, f.value.lastDate, f.value.items]).toEqual(['2022-02-07', '2026-07-13', 8]);
  });

  it('answers again from memory until invalidated', async () => {
    const a = await s.list(q({ query: '返贫' }));
    const b = await s.list(q({ query: '返贫' }));
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    s.invalidate();
    const c = await s.list(q({ query: '返贫' }));
    expect(a.ok && c.ok && a.value !== c.value).toBe(true);
  });
});

describe('sourceFromKey', () => {
  it.each([
    ['海南日报|2026-07-13|1|3', ['海南日报', '2026-07-13', ['1']]],
    ['site-article-19688151', ['', '', []]],
  ])('%s', (key, [paper, date, pages]) => {
    const src = sourceFromKey(key);
    expect([src.paper, src.date, src.pages]).toEqual([paper, date, pages]);
  });
});

describe('LibraryService.quick', () => {
  it('answers the first screen (newest matches) with the total, then list gives every match', async () => {
    const big = testLibrary();
    const article = makeArticle();
    for (let i = 0; i < FIRST_ROWS + 5; i++)
      ok(await big.saveClip(makeClip(`第${i}段：防止规模性返贫是底线。`), article));
    const svc = new LibraryService(big);
    const first = ok((await svc.quick(q({ query: '返贫' })))!);
    expect([first.items.length, first.total, first.complete]).toEqual([FIRST_ROWS, FIRST_ROWS + 5, false]);
    expect(first.items[0].kind === 'clip' && first.items[0].item.paragraphs[0]).toBe(
      `第${FIRST_ROWS + 4}段：防止规模性返贫是底线。`,
    );
    const all = ok(await svc.list(q({ query: '返贫' })));
    expect([all.items.length, all.total, all.complete]).toEqual([FIRST_ROWS + 5, FIRST_ROWS + 5, true]);
    // Known now: no quick answer needed; and none for an order that needs every match.
    expect(await svc.quick(q({ query: '返贫' }))).toBeNull();
    expect(await svc.quick(q({ sort: 'published' }))).toBeNull();
    big.close();
  });

  it('starts the full listing only once the first screen is drawn', async () => {
    const limits: Array<number | undefined> = [];
    const spied = Object.create(l) as Library;
    spied.search = (query, f) => (limits.push(f?.limit), l.search(query, f));
    let drawn = () => {};
    const svc = new LibraryService(spied, undefined, () => new Promise<void>((r) => (drawn = r)));
    ok((await svc.quick(q({})))!);
    const full = svc.list(q({}));
    await new Promise((r) => setTimeout(r, 30));
    expect(limits).toEqual([FIRST_ROWS]);
    drawn();
    expect(ok(await full)).toMatchObject({ total: 8, complete: true });
    expect(limits).toEqual([FIRST_ROWS, 2 ** 31 - 1]);
    // Without a quick answer first (facets, a dump) nothing waits.
    ok(await new LibraryService(spied, undefined, () => new Promise(() => {})).list(q({ query: '返贫' })));
  });

  it('afterNextPaint: after a frame and a task, or by the fallback in a tab that draws no frames', async () => {
    const order: string[] = [];
    const frames: Array<() => void> = [];
    const win = { requestAnimationFrame: (f: () => void) => frames.push(f), setTimeout } as never;
    const painted = afterNextPaint(win, 1000).then(() => order.push('painted'));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    frames[0]();
    await painted;
    expect(order).toEqual(['painted']);
    const hidden = { requestAnimationFrame: () => 0, setTimeout } as never;
    await expect(afterNextPaint(hidden, 20)).resolves.toBeUndefined();
  });

  it('is complete when every match fits', async () => {
    const first = ok((await new LibraryService(l).quick(q({})))!);
    expect([first.items.length, first.total, first.complete]).toEqual([8, 8, true]);
  });
});

describe('LibraryService.dump', () => {
  const sorted = (d: {
    articles: Array<{ key: string }>;
    clips: Array<{ id: string }>;
    highlights: Array<{ id: string }>;
  }) => ({
    articles: d.articles.map((a) => a.key).sort(),
    clips: d.clips.map((c) => c.id).sort(),
    highlights: d.highlights.map((h) => h.id).sort(),
  });

  it('gives what dumpAll gives, from the listing the page holds (and from the database before it)', async () => {
    const fresh = new LibraryService(l);
    const direct = ok(await l.dumpAll());
    expect(sorted(ok(await fresh.dump()))).toEqual(sorted(direct));
    ok(await fresh.facets()); // the whole listing is now held
    const held = ok(await fresh.dump());
    expect(sorted(held)).toEqual(sorted(direct));
    const byId = new Map(direct.clips.map((c) => [c.id, c]));
    expect(held.clips.every((c) => JSON.stringify(c) === JSON.stringify(byId.get(c.id)))).toBe(true);
    expect(held.articles).toEqual(direct.articles);
  });

  it('after a write and invalidate() it reads the database again', async () => {
    const lib = testLibrary();
    const svc = new LibraryService(lib);
    ok(await lib.saveClip(makeClip('第一条'), makeArticle()));
    ok(await svc.facets());
    ok(await lib.saveClip(makeClip('第二条')));
    svc.invalidate();
    expect(ok(await svc.dump()).clips).toHaveLength(2);
    lib.close();
  });
});
