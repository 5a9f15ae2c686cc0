/** stitchPages: every article of the given pages, continued stories once, whatever the order. */
import { describe, expect, it } from 'vitest';
import type { Page } from '../../lib/model';
import { stitchPages } from '../../lib/stitch';
import { article, articlePage, layoutPage } from './factories';
import { emptyPage } from '../../lib/model';

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

const TITLE = '一枚“海南芯”，让“意念控制”照进现实';
const chip1 = article('A1', 'file:///p1.txt', {
  title: TITLE,
  text: ['在近日举办的大会上，台下掌声雷动。'],
  continuesTo: 'A2',
  order: 0,
});
const other1 = article('A1', 'file:///p1.txt', {
  title: '享惠货值超121亿元 覆盖11个行业领域',
  text: ['本报讯 享惠货值超121亿元。'],
  order: 1,
});
const chip2 = article('A2', 'file:///p2.txt', {
  title: TITLE,
  text: ['技术团队一头扎进实验室。'],
  continuedFrom: 'A1',
  continuesTo: 'A3',
  order: 0,
});
const chip3 = article('A3', 'file:///p3.txt', {
  title: TITLE,
  text: ['（本报三亚7月12日电）'],
  continuedFrom: 'A2',
  order: 0,
});
const lonely = article('A3', 'file:///p3.txt', {
  title: '海南风味坚果卖到挪威',
  text: ['坚果。'],
  continuesTo: 'A9',
  order: 1,
});

function textPage(label: string, url: string, articles = [chip1]): Page {
  return emptyPage({ url, kind: 'text', label, paper: '海南日报', date: '2026-07-13', articles });
}

const pages = [
  textPage('A1', 'file:///p1.txt', [chip1, other1]),
  textPage('A2', 'file:///p2.txt', [chip2]),
  textPage('A3', 'file:///p3.txt', [chip3, lonely]),
];

describe('stitchPages', () => {
  it('lists a continued story once, with every page it spans', async () => {
    const { articles, problems } = await stitchPages(pages);
    expect(articles.map((a) => [a.title, a.pages])).toEqual([
      [TITLE, ['A1', 'A2', 'A3']],
      ['享惠货值超121亿元 覆盖11个行业领域', ['A1']],
      ['海南风味坚果卖到挪威', ['A3']],
    ]);
    expect(problems).toEqual(['下转A9版: page A9 is not available (page A9 was not given)']);
  });

  it.each(permutations([0, 1, 2]).map((p) => [p.join(',')]))(
    'gives the same result for the order %s',
    async (order) => {
      const given = order.split(',').map((i) => pages[Number(i)]);
      expect(await stitchPages(given)).toEqual(await stitchPages(pages));
    },
  );

  it('keeps a duplicate-regime pair once (part 1 whole, part 2 a copy of its tail)', async () => {
    const whole = ['第一段。', '第二段。', '第三段。'];
    const p1 = article('1', 'http://x/c1', { title: '一张“纸”里的45亿元自贸港外贸账', text: whole });
    const p6 = article('6', 'http://x/c6', { title: p1.title, text: whole.slice(1), continuedFrom: 'A1' });
    for (const given of [
      [articlePage(p1), articlePage(p6)],
      [articlePage(p6), articlePage(p1)],
    ]) {
      const { articles, problems } = await stitchPages(given);
      expect(problems).toEqual([]);
      expect(articles).toHaveLength(1);
      expect(articles[0].paragraphs.map((p) => p.text)).toEqual(whole);
      expect(articles[0].pages).toEqual(['1', '6']);
    }
  });

  it('reaches article pages of a given layout page through the loader', async () => {
    const node = layoutPage('A2', 'http://x/node_2', [[TITLE, 'http://x/c2']]);
    const part2 = article('A2', 'http://x/c2', {
      title: TITLE,
      text: ['技术团队一头扎进实验室。'],
      continuedFrom: 'A1',
    });
    const part1 = article('A1', 'http://x/c1', { title: TITLE, text: ['台下掌声雷动。'], continuesTo: 'A2' });
    const load = async (ref: { url?: string }) => {
      if (ref.url === 'http://x/c2') return articlePage(part2);
      throw new Error('404');
    };
    const { articles, problems } = await stitchPages([articlePage(part1), node], load);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.pages)).toEqual([['A1', 'A2']]);
  });

  it('does not throw on a malformed page', async () => {
    const bad = { url: 'x', label: '1' } as unknown as Page;
    const r = await stitchPages([bad, articlePage(chip1)]);
    expect(r.articles).toEqual([chip1]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^stitching stopped: /);
  });

  it('returns nothing and no problem for no pages', async () => {
    expect(await stitchPages([])).toEqual({ articles: [], problems: [] });
  });

  it('never takes a part from another issue that has a page with the same label', async () => {
    const title = '一张“纸”里的45亿元自贸港外贸账';
    const whole = ['第一段。', '第二段。'];
    const mk = (date: string, label: string, url: string, init: Parameters<typeof article>[2]) => {
      const a = article(label, url, { ...init, date, title });
      return articlePage(a, { date });
    };
    const given = [
      mk('2026-07-09', '6', 'http://x/09/c6', { text: whole.slice(1), continuedFrom: 'A1' }),
      mk('2026-07-13', '1', 'http://x/13/c1', { text: whole }),
    ];
    const { articles, problems } = await stitchPages(given);
    expect(articles.map((a) => [a.date, a.pages])).toEqual([
      ['2026-07-09', ['6']],
      ['2026-07-13', ['1']],
    ]);
    expect(problems).toEqual(['上接A1版: page A1 is not available (page A1 was not given)']);
  });
});
