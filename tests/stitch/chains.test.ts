/** Chains, cycles, missing pages and failing loaders: stitchArticle returns what it found, never throws. */
import { describe, expect, it } from 'vitest';
import type { PageLoader } from '../../lib/model';
import { stitchArticle } from '../../lib/stitch';
import { article, articlePage, layoutPage, mapLoader } from './factories';

const TITLE = '乡村振兴“开卷” 株洲这样作答';
const a1 = article('A1', 'http://x/a1', {
  title: TITLE,
  text: ['全面推进乡村振兴，株洲最大的优势在哪？'],
  continuesTo: 'A4',
});

describe('chains', () => {
  it('follows A1 → A4 → A5 and lists every page in order', async () => {
    const a4 = article('A4', 'http://x/a4', {
      title: TITLE,
      text: ['湘赣边示范区建设再“得分”。'],
      continuedFrom: 'A1',
      continuesTo: 'A5',
    });
    const a5 = article('A5', 'http://x/a5', {
      title: TITLE,
      text: ['新的一年，株洲再出发。'],
      continuedFrom: 'A4',
    });
    const { load } = mapLoader([articlePage(a4), articlePage(a5)]);
    const { article: a, problems } = await stitchArticle(a1, articlePage(a1), load);
    expect(problems).toEqual([]);
    expect(a.pages).toEqual(['A1', 'A4', 'A5']);
    expect(a.urls).toEqual(['http://x/a1', 'http://x/a4', 'http://x/a5']);
    expect(a.paragraphs).toHaveLength(3);
    expect(a.parts.map((p) => [p.page, p.from, p.to])).toEqual([
      ['A1', 0, 1],
      ['A4', 1, 2],
      ['A5', 2, 3],
    ]);
    // Opened in the middle, the same story comes back.
    const mid = await stitchArticle(a4, articlePage(a4), mapLoader([articlePage(a1), articlePage(a5)]).load);
    expect(mid.article.paragraphs).toEqual(a.paragraphs);
    expect(mid.article.pages).toEqual(['A1', 'A4', 'A5']);
  });

  it('stops on a cycle A1 → A2 → A1 with a problem, each part once', async () => {
    const c1 = article('A1', 'http://x/c1', {
      title: TITLE,
      text: ['第一部分。'],
      continuesTo: 'A2',
      continuedFrom: 'A2',
    });
    const c2 = article('A2', 'http://x/c2', {
      title: TITLE,
      text: ['第二部分。'],
      continuesTo: 'A1',
      continuedFrom: 'A1',
    });
    const { load } = mapLoader([articlePage(c1), articlePage(c2)]);
    const { article: a, problems } = await stitchArticle(c1, articlePage(c1), load);
    expect(a.pages).toEqual(['A1', 'A2']);
    expect(a.paragraphs.map((p) => p.text)).toEqual(['第一部分。', '第二部分。']);
    expect(problems).toContain('下转A1版: page A1 is already part of this article (a cycle); stopped there');
  });

  it('finds the continuation on a layout page by loading its blocks concurrently', async () => {
    const others = [1, 2, 3].map((i) =>
      article('A4', `http://x/o${i}`, { title: TITLE, text: [`第${i}篇。`], order: i }),
    );
    const a4 = article('A4', 'http://x/a4', {
      title: TITLE,
      text: ['湘赣边示范区建设再“得分”。'],
      continuedFrom: 'A1',
      order: 0,
    });
    // Four blocks share the title: all are opened, at the same time; the one whose 上接 names A1 wins.
    others.forEach((o) => (o.continuedFrom = 'A2'));
    const node = layoutPage(
      'A4',
      'http://x/node_4.htm',
      [a4, ...others].map((x) => [TITLE, x.urls[0]]),
    );
    const { load, stats } = mapLoader([node, articlePage(a4), ...others.map((o) => articlePage(o))], {
      delayMs: 5,
    });
    const start = articlePage(a1, { pageLinks: [{ label: 'A4', name: '要闻', href: node.url }] });
    const { article: a, problems } = await stitchArticle(a1, start, load, { sameTitle: false });
    expect(problems).toEqual([]);
    expect(a.urls).toEqual(['http://x/a1', 'http://x/a4']);
    expect(stats.calls[0]).toEqual({ url: node.url, label: 'A4' });
    expect(stats.peak).toBe(4);
  });

  it('tells apart two stories of page 1 that both continue on page 2 (07-13)', async () => {
    const chip1 = article('A1', 'http://x/256', {
      title: '一枚“海南芯”，让“意念控制”照进现实',
      text: ['芯片一。'],
      continuesTo: 'A2',
    });
    const truck2 = article('A2', 'http://x/273', {
      title: '海南重卡“驶向”环岛换电自由',
      text: ['重卡二。'],
      continuedFrom: 'A1',
      order: 0,
    });
    const chip2 = article('A2', 'http://x/268', {
      title: chip1.title,
      text: ['芯片二。'],
      continuedFrom: 'A1',
      order: 1,
    });
    const node = layoutPage('A2', 'http://x/node_2', [
      [truck2.title, truck2.urls[0]],
      [chip2.title, chip2.urls[0]],
    ]);
    const { load } = mapLoader([node, articlePage(truck2), articlePage(chip2)]);
    const { article: a } = await stitchArticle(chip1, articlePage(chip1), load);
    expect(a.paragraphs.map((p) => p.text)).toEqual(['芯片一。', '芯片二。']);
  });

  it('matches a fragment with an EMPTY title by its 上接 marker', async () => {
    const frag = article('A4', 'http://x/frag', {
      title: '',
      text: ['湘赣边示范区建设再“得分”。'],
      continuedFrom: 'A1',
    });
    const { article: a, problems } = await stitchArticle(
      a1,
      articlePage(a1),
      mapLoader([articlePage(frag)]).load,
    );
    expect(problems).toEqual([]);
    expect(a.title).toBe(TITLE);
    expect(a.pages).toEqual(['A1', 'A4']);
  });

  it('does not take an untitled fragment whose 上接 names another page', async () => {
    const frag = article('A4', 'http://x/frag', { title: '', text: ['别的故事。'], continuedFrom: 'A3' });
    const { article: a, problems } = await stitchArticle(
      a1,
      articlePage(a1),
      mapLoader([articlePage(frag)]).load,
    );
    expect(a.pages).toEqual(['A1']);
    expect(problems).toEqual(['下转A4版: no article on page A4 continues 「乡村振兴“开卷” 株洲这样作答」']);
  });
});

describe('missing pages and failing loaders', () => {
  it('returns part 1 with 「下转A4版: page A4 is not available」 when the page is missing', async () => {
    const { load } = mapLoader([]);
    const { article: a, problems } = await stitchArticle(a1, articlePage(a1), load);
    expect(a.paragraphs.map((p) => p.text)).toEqual(['全面推进乡村振兴，株洲最大的优势在哪？']);
    expect(a.pages).toEqual(['A1']);
    expect(a.continuesTo).toBe('A4');
    expect(problems).toEqual(['下转A4版: page A4 is not available (404 A4)']);
  });

  it.each<[string, PageLoader, string]>([
    ['rejects', () => Promise.reject(new Error('network down')), 'network down'],
    [
      'throws synchronously',
      () => {
        throw new TypeError('bad url');
      },
      'bad url',
    ],
    ['rejects with a string', () => Promise.reject('timeout'), 'timeout'],
    ['resolves with nothing', () => Promise.resolve(undefined as never), 'the loader returned no page'],
  ])('never throws when the loader %s', async (_, load, why) => {
    const r = await stitchArticle(a1, articlePage(a1), load);
    expect(r.article.pages).toEqual(['A1']);
    expect(r.problems).toEqual([`下转A4版: page A4 is not available (${why})`]);
  });

  it('names the article pages of the target that failed to load', async () => {
    const node = layoutPage('A4', 'http://x/node_4', [[TITLE, 'http://x/gone']]);
    const { article: a, problems } = await stitchArticle(a1, articlePage(a1), mapLoader([node]).load);
    expect(a.pages).toEqual(['A1']);
    expect(problems[0]).toContain('下转A4版: no article on page A4 continues');
    expect(problems[0]).toContain('http://x/gone (404 http://x/gone)');
  });

  it('follows 上接 backward and reports the missing earlier page', async () => {
    const frag = article('A4', 'http://x/a4', { title: TITLE, text: ['下半篇。'], continuedFrom: 'A1' });
    const { article: a, problems } = await stitchArticle(frag, articlePage(frag), mapLoader([]).load);
    expect(a.continuedFrom).toBe('A1');
    expect(problems).toEqual(['上接A1版: page A1 is not available (404 A1)']);
  });
});

describe('what gets loaded', () => {
  it('loads only the page the marker names, even when the page lists its neighbours', async () => {
    const a4 = article('A4', 'http://x/a4', { title: TITLE, text: ['下半篇。'], continuedFrom: 'A1' });
    const links = ['A2', 'A3', 'A4', 'A5'].map((label) => ({
      label,
      name: '',
      href: `http://x/node_${label}`,
    }));
    const node4 = layoutPage('A4', 'http://x/node_A4', [[TITLE, a4.urls[0]]]);
    const { load, stats } = mapLoader([node4, articlePage(a4)]);
    const { article: a } = await stitchArticle(a1, articlePage(a1, { pageLinks: links }), load);
    expect(a.pages).toEqual(['A1', 'A4']);
    expect(stats.calls.map((c) => c.url)).toEqual(['http://x/node_A4', 'http://x/a4']);
  });
});

describe('ambiguity', () => {
  it('takes the first of two untitled fragments that both name page A1, and says so', async () => {
    const f0 = article('A4', 'http://x/f0', { title: '', text: ['片段一。'], continuedFrom: 'A1', order: 0 });
    const f1 = article('A4', 'http://x/f1', { title: '', text: ['片段二。'], continuedFrom: 'A1', order: 1 });
    const node = layoutPage('A4', 'http://x/node_4', [
      ['', f1.urls[0]],
      ['', f0.urls[0]],
    ]);
    const start = articlePage(a1, { pageLinks: [{ label: 'A4', name: '', href: node.url }] });
    const { article: a, problems } = await stitchArticle(
      a1,
      start,
      mapLoader([node, articlePage(f0), articlePage(f1)]).load,
    );
    expect(a.urls).toEqual(['http://x/a1', 'http://x/f0']);
    expect(problems).toEqual([
      '下转A4版: several articles on page A4 could be the other part of 「乡村振兴“开卷” 株洲这样作答」; took the first',
    ]);
  });
});

describe('wording', () => {
  it('says which part is missing when 上接 finds nothing', async () => {
    const frag = article('A4', 'http://x/a4', { title: TITLE, text: ['下半篇。'], continuedFrom: 'A1' });
    const other = article('A1', 'http://x/o1', { title: '新春送祝福 温暖鼓干劲', text: ['别的故事。'] });
    const { problems } = await stitchArticle(frag, articlePage(frag), mapLoader([articlePage(other)]).load);
    expect(problems).toEqual([
      '上接A1版: no article on page A1 is the start of 「乡村振兴“开卷” 株洲这样作答」',
    ]);
  });
});
