import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../lib/db/index.ts';
import { libraryDb } from '../../lib/db/library.ts';
import { foldForSearch } from '../../lib/text/bigrams.ts';
import { emptyArticle, sourceOf } from '../../lib/model/index.ts';
import { hainanArticles, seedParagraphs } from '../anchor/fixtures.ts';
import { makeArticle, makeClip, makeHighlight, ok, testLibrary } from './factories.ts';

const hainan = emptyArticle({
  key: '海南日报|2026-07-09|001|2',
  paper: '海南日报',
  date: '2026-07-09',
  pages: ['1'],
  title: '国家科学技术奖励大会两院院士大会中国科协第十一次全国代表大会',
});
const seedTexts = seedParagraphs().filter((p) => p.length > 20);
const hainanTexts = hainanArticles().flatMap((a) => a.paragraphs);
let l: Library;

beforeAll(async () => {
  l = testLibrary();
  for (const p of seedTexts) ok(await l.saveClip(makeClip(p), makeArticle()));
  for (const p of hainanTexts.slice(0, 120)) {
    ok(await l.saveClip(makeClip(p, { articleKey: hainan.key, source: sourceOf(hainan) })));
  }
  ok(await l.saveClip(makeClip('人民日报记者 刘成友 报道', { tags: ['人物通讯'] })));
  ok(await l.saveClip(makeClip('刘成在会上说，成友们要团结。')));
  ok(
    await l.saveHighlight(
      makeHighlight('防止规模性返贫是底线', { color: 'pink', note: '底线思维' }),
      makeArticle(),
    ),
  );
  ok(
    await l.saveHighlight(
      makeHighlight('科技强国', { articleKey: hainan.key, color: 'blue', tags: ['科技'] }),
      hainan,
    ),
  );
});
afterAll(() => l.close());

/** What a plain full scan finds: every stored text that contains the folded query. */
async function bruteForce(q: string): Promise<string[]> {
  const all = ok(await l.dumpAll());
  const f = foldForSearch(q);
  const has = (s: string) => foldForSearch(s).includes(f);
  const title = new Map(
    all.articles.map((a) => [a.key, [a.article.leadTitle, a.article.title, a.article.subtitle].join(' ')]),
  );
  return [
    ...all.clips.filter((c) => [c.paragraphs.join('\n'), c.note, c.tags.join(' '), c.source.title].some(has)),
    ...all.highlights.filter((h) =>
      [h.selectors.exact, h.note, h.tags.join(' '), title.get(h.articleKey) ?? ''].some(has),
    ),
  ]
    .map((x) => x.id)
    .sort();
}

describe('search over real text', () => {
  it.each(['返贫', '防返贫', '乡村振兴', '株洲', '科技', '院士', '2021', '贫', '·', 'ＣＮ'])(
    '%s finds exactly what a full scan finds',
    async (q) => {
      const r = ok(await l.search(q));
      const ids = r.hits.map((h) => h.item.id).sort();
      expect(ids).toEqual(await bruteForce(q));
      expect(r.total).toBe(ids.length);
    },
  );

  it('返贫 finds 防返贫', async () => {
    const r = ok(await l.search('返贫'));
    expect(r.hits.some((h) => h.kind === 'clip' && h.item.paragraphs[0].includes('防返贫'))).toBe(true);
  });

  it('刘成友 is found whole, not as 刘成 + 成友 in different places', async () => {
    const r = ok(await l.search('刘成友'));
    expect(r.hits.map((h) => (h.kind === 'clip' ? h.item.paragraphs[0] : ''))).toEqual([
      '人民日报记者 刘成友 报道',
    ]);
  });

  it('searches notes, tags and titles too', async () => {
    expect(ok(await l.search('底线思维')).hits.map((h) => h.kind)).toEqual(['highlight']);
    expect(ok(await l.search('人物通讯')).total).toBe(1);
    const byTitle = ok(await l.search('中国科协第十一次', { kinds: ['highlight'] }));
    expect(byTitle.hits.map((h) => h.kind === 'highlight' && h.item.selectors.exact)).toEqual(['科技强国']);
  });
});

describe('filters', () => {
  it('by paper and date range', async () => {
    const r = ok(await l.search('', { paper: '海南日报', dateFrom: '2026-07-01', dateTo: '2026-07-31' }));
    expect(r.total).toBe(121);
    expect(r.hits.every((h) => h.item.articleKey === hainan.key)).toBe(true);
    expect(ok(await l.search('', { dateTo: '2022-12-31', kinds: ['highlight'] })).total).toBe(1);
    // One article: its 120 clips and its highlight, read through the articleKey index.
    expect(ok(await l.search('', { articleKey: hainan.key })).total).toBe(121);
    expect(ok(await l.search('科技', { articleKey: hainan.key, kinds: ['highlight'] })).total).toBe(1);
  });

  it('by colour (highlights only), tag and kind, newest first, cut at the limit', async () => {
    const pink = ok(await l.search('', { colors: ['pink'] }));
    expect(pink.hits.map((h) => h.kind === 'highlight' && h.item.color)).toEqual(['pink']);
    expect(ok(await l.search('', { tags: ['科技', '人物通讯'] })).total).toBe(2);
    const limited = ok(await l.search('株洲', { kinds: ['clip'], limit: 3 }));
    expect(limited.hits).toHaveLength(3);
    expect(limited.total).toBeGreaterThan(3);
    // The three most recently made clips with 株洲, read straight off the index (ids are time-ordered).
    const all = ok(await l.search('株洲', { kinds: ['clip'] }));
    const newest = [...all.hits].sort((a, b) => b.item.createdAt - a.item.createdAt).slice(0, 3);
    expect(limited.hits).toEqual(newest);
  });
});

describe('many candidates', () => {
  const texts = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      i % 10 === 0 ? `科技与创新并举，技创联盟第${i}次会议` : `第${i}号：科技创新是引领发展的第一动力。`,
    );

  it('counts every match exactly when a query has more candidates than it shows', async () => {
    const big = testLibrary();
    const all = texts(1100);
    for (let i = 0; i < all.length; i += 100) {
      await Promise.all(all.slice(i, i + 100).map((t) => big.saveClip(makeClip(t))));
    }
    const r = ok(await big.search('科技创新', { limit: 20 }));
    expect(r.hits).toHaveLength(20);
    expect(r.hits.every((h) => h.kind === 'clip' && h.item.paragraphs[0].includes('科技创新'))).toBe(true);
    // 1,100 candidates (科技, 技创 and 创新 are in every text), 990 real hits: the total is exact.
    expect(r.total).toBe(990);
    expect(r.totalIsEstimate).toBeUndefined();
    // With a filter, or asked for every match, the same.
    const exact = ok(await big.search('科技创新', { paper: '株洲日报', limit: 20 }));
    expect(exact.total).toBe(990);
    expect(exact.totalIsEstimate).toBeUndefined();
    expect(ok(await big.search('科技创新', { limit: 2000 })).total).toBe(990);
    big.close();
  });

  it('stops at the limit in a long restored table and counts every match exactly', async () => {
    const big = testLibrary();
    const t0 = Date.UTC(2026, 0, 1);
    const clips = texts(3000).map((t, i) => ({
      ...makeClip(t),
      id: `c-${i}`,
      note: '',
      tags: [],
      createdAt: t0 + i * 1000,
      updatedAt: t0 + i * 1000,
    }));
    ok(await big.restore({ articles: [], highlights: [], clips }));
    const r = ok(await big.search('科技创新', { limit: 20 }));
    // Newest first by createdAt (ids 「c-2999」 … are not time-ordered as strings).
    expect(r.hits.map((h) => h.item.id)).toEqual(
      clips
        .filter((c) => c.paragraphs[0].includes('科技创新'))
        .slice(-20)
        .reverse()
        .map((c) => c.id),
    );
    expect(r.total).toBe(2700);
    expect(r.totalIsEstimate).toBeUndefined();
    const every = ok(await big.search('科技创新', { limit: 5000 }));
    expect(every.total).toBe(2700);
    expect(every.totalIsEstimate).toBeUndefined();
    big.close();
  });
});

describe('a restored library answers like the one it was saved from', () => {
  it.each([
    '返贫',
    '防返贫',
    '乡村振兴',
    '株洲',
    '科技',
    '2021',
    '贫',
    '刘成友',
    '刘成',
    '·',
    'ＣＮ',
    '乡村 底线',
  ])('%s', async (q) => {
    const restored = testLibrary();
    ok(await restored.restore(ok(await l.dumpAll())));
    const a = ok(await l.search(q));
    const b = ok(await restored.search(q));
    expect(b.hits.map((h) => h.item.id).sort()).toEqual(a.hits.map((h) => h.item.id).sort());
    expect(b.total).toBe(a.total);
    restored.close();
  });
});

describe('the search index after a big change elsewhere', () => {
  it('an index built on an empty library catches up with a restore of 2,500 clips: exact, before and after the terms are posted', async () => {
    const l = testLibrary();
    const other = openLibrary({ name: libraryDb(l).name });
    expect(ok(await l.search('', { limit: 2 ** 31 - 1 })).total).toBe(0); // builds an empty index
    expect(ok(await l.search('返贫')).total).toBe(0);
    const t0 = Date.UTC(2026, 0, 1);
    const clips = Array.from({ length: 2500 }, (_, i) => ({
      ...makeClip(i % 5 === 0 ? `防止规模性返贫是底线，第${i}条。` : `乡村振兴，第${i}条。`),
      id: `r-${i}`,
      note: '',
      tags: [],
      createdAt: t0 + i,
      updatedAt: t0 + i,
    }));
    ok(await other.restore({ articles: [], highlights: [], clips })); // another tab's connection
    const first = ok(await l.search('返贫', { limit: 10 }));
    expect(first.total).toBe(500);
    expect(first.hits.map((h) => h.item.id)).toEqual(
      Array.from({ length: 10 }, (_, k) => `r-${2495 - 5 * k}`),
    );
    await new Promise((r) => setTimeout(r, 200)); // idle slices post the terms
    expect(ok(await l.search('返贫', { limit: 10 }))).toEqual(first);
    other.close();
    l.close();
  });
});
