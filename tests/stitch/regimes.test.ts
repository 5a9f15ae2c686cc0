/** The three continuation regimes of domain.md §3, on factory pages with real sentences. */
import { describe, expect, it } from 'vitest';
import { stitchArticle } from '../../lib/stitch';
import { article, articlePage, layoutPage, mapLoader, para } from './factories';

const TITLE = '这届海口商圈，开始赚“慢钱”';
// 07-10: the page break fell mid-sentence, after 「，」.
const BEFORE = '营考量，在海口并非孤例。近年来，许多商场悄然增加座椅休息区，';
const AFTER = '消费者不再被迫赶路，开启“随地大小坐”模式。';
const LAST = '或许，这正是海口商业这轮“中场休息”的真正意义：它代表了下一个周期的起点。（本报海口7月9日讯）';

describe('split regime (下转 / 上接)', () => {
  const p1 = article('A1', 'http://x/content_1.htm', {
    title: TITLE,
    text: ['前些年，海口商业进入了“狂飙突进”的阶段。', BEFORE],
    continuesTo: 'A4',
  });
  const p2 = article('A4', 'http://x/content_4.htm', {
    title: TITLE,
    text: [AFTER, LAST],
    continuedFrom: 'A1',
  });

  it('appends part 2 and joins the seam that cut a sentence', async () => {
    const { load } = mapLoader([articlePage(p2)]);
    const { article: a, problems } = await stitchArticle(p1, articlePage(p1), load);
    expect(problems).toEqual([]);
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      '前些年，海口商业进入了“狂飙突进”的阶段。',
      BEFORE + AFTER,
      LAST,
    ]);
    expect(a.pages).toEqual(['A1', 'A4']);
    expect(a.urls).toEqual(['http://x/content_1.htm', 'http://x/content_4.htm']);
    expect(a.parts).toEqual([
      { page: 'A1', url: 'http://x/content_1.htm', from: 0, to: 2, regime: 'first' },
      { page: 'A4', url: 'http://x/content_4.htm', from: 2, to: 3, regime: 'split' },
    ]);
    expect(a.continuesTo).toBe('');
    expect(a.continuedFrom).toBe('');
  });

  it('leaves a stitched article as it is when stitched again', async () => {
    const { load } = mapLoader([articlePage(p1), articlePage(p2)]);
    const once = await stitchArticle(p1, articlePage(p1), load);
    const twice = await stitchArticle(once.article, articlePage(p1), load);
    expect(twice).toEqual(once);
  });

  it('gives the same story when opened on part 2 (上接 followed backward)', async () => {
    const { load } = mapLoader([articlePage(p1)]);
    const { article: a, problems } = await stitchArticle(p2, articlePage(p2), load);
    expect(problems).toEqual([]);
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      '前些年，海口商业进入了“狂飙突进”的阶段。',
      BEFORE + AFTER,
      LAST,
    ]);
    expect(a.pages).toEqual(['A1', 'A4']);
    expect(a.key).toBe(p1.key);
  });

  it.each([
    ['a sentence end', '技术有了，产品有了，下一步怎么走？'],
    ['a closing quote after the full stop', '“我们正在做的，是用硬核技术撬动一个千亿级的未来产业。”'],
    ['a colon that introduces the next paragraph', '郭哲杉说：'],
  ])('keeps the seam when part 1 ends with %s', async (_, end) => {
    const a1 = article('A1', 'http://x/1', { title: TITLE, text: [end], continuesTo: 'A2' });
    const a2 = article('A2', 'http://x/2', { title: TITLE, text: [AFTER], continuedFrom: 'A1' });
    const { article: a } = await stitchArticle(a1, articlePage(a1), mapLoader([articlePage(a2)]).load);
    expect(a.paragraphs.map((p) => p.text)).toEqual([end, AFTER]);
  });

  it('never joins a crosshead into the next paragraph', async () => {
    const a1 = article('A1', 'http://x/1', { title: TITLE, continuesTo: 'A4' });
    a1.paragraphs = [
      para('全面推进乡村振兴，株洲最大的优势在哪？'),
      para('●发力“深度题” 建设湘赣边示范区再“得分”', 'crosshead'),
    ];
    const a2 = article('A4', 'http://x/4', { title: TITLE, text: [AFTER], continuedFrom: 'A1' });
    const { article: a } = await stitchArticle(a1, articlePage(a1), mapLoader([articlePage(a2)]).load);
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[1].kind).toBe('crosshead');
  });

  it('drops marker paragraphs an adapter left in the text', async () => {
    const a1 = article('A1', 'http://x/1', { title: TITLE, text: [BEFORE, '下转A04版'] });
    const a2 = article('A4', 'http://x/4', { title: TITLE, text: ['◀上接A01版', AFTER] });
    const { article: a, problems } = await stitchArticle(
      a1,
      articlePage(a1),
      mapLoader([articlePage(a2)]).load,
    );
    expect(problems).toEqual([]);
    expect(a.paragraphs.map((p) => p.text)).toEqual([BEFORE + AFTER]);
  });
});

describe('duplicate regime (part 1 already holds the whole story)', () => {
  // 07-09: page 6 starts inside page 1's fourth paragraph, after 「。」.
  const whole = [
    '本报海口7月8日讯 海口海关7月7日发布统计数据。',
    '原产地证书是进口国海关核定税率的关键凭证。',
    '前5个月出口货值19.57亿元，同比分别增长20.06％、60.44％。橡胶乳胶制品、热带果蔬加工品是主力品类。',
    '据统计，产品出口覆盖100余个国家和地区。',
  ];
  const title = '一张“纸”里的45亿元自贸港外贸账';
  const p1 = article('1', 'http://x/content_58464_19688151.htm', { title, text: whole });
  const p6 = article('6', 'http://x/content_58469_19688192.htm', {
    title,
    text: ['橡胶乳胶制品、热带果蔬加工品是主力品类。', whole[3]],
    continuedFrom: 'A1',
  });

  it('keeps the text once and lists both pages and URLs', async () => {
    const { article: a, problems } = await stitchArticle(
      p6,
      articlePage(p6),
      mapLoader([articlePage(p1)]).load,
    );
    expect(problems).toEqual([]);
    expect(a.paragraphs.map((p) => p.text)).toEqual(whole);
    expect(a.pages).toEqual(['1', '6']);
    expect(a.urls).toEqual([p1.urls[0], p6.urls[0]]);
    // The copy begins inside paragraph 2, which began on page 1: page 6's share starts at 3.
    expect(a.parts.map((p) => [p.page, p.from, p.to, p.regime])).toEqual([
      ['1', 0, 3, 'first'],
      ['6', 3, 4, 'duplicate'],
    ]);
    expect(a.continuedFrom).toBe('');
  });

  it('keeps a same-title repeat with identical text once (湖北日报 01 and a later page)', async () => {
    const a1 = article('5', 'http://x/5', { title: '谁的房子谁的家', text: whole });
    const a2 = article('6', 'http://x/6', { title: '谁的房子谁的家', text: whole });
    const { article: a } = await stitchArticle(a1, articlePage(a1), mapLoader([articlePage(a2)]).load, {
      sameTitle: true,
    });
    expect(a.paragraphs.map((p) => p.text)).toEqual(whole);
    expect(a.pages).toEqual(['5', '6']);
    expect(a.parts[1].regime).toBe('duplicate');
  });
});

describe('same-title regime (no marker, 中国青年报 05版 → 06版)', () => {
  const title = '谁的房子谁的家';
  const p5 = article('5', 'http://x/content_430781.html', { title, text: ['他在这间房子里住了二十年。'] });
  const p6 = article('6', 'http://x/content_430784.html', { title, text: ['后来，房子的事有了结果。'] });
  const other = article('6', 'http://x/content_430782.html', {
    title: '比起审视“完美受助者”，我们更应该直视事实',
    text: ['别的文章。'],
  });
  const node6 = layoutPage('6', 'http://x/node_06.html', [
    [other.title, other.urls[0]],
    [title, p6.urls[0]],
  ]);

  it('appends the same-title block of the next page when asked to', async () => {
    const { load, stats } = mapLoader([node6, articlePage(p6), articlePage(other)]);
    const { article: a, problems } = await stitchArticle(p5, articlePage(p5), load, { sameTitle: true });
    expect(problems).toEqual([]);
    expect(a.paragraphs.map((p) => p.text)).toEqual([
      '他在这间房子里住了二十年。',
      '后来，房子的事有了结果。',
    ]);
    expect(a.parts.map((p) => p.regime)).toEqual(['first', 'same-title']);
    // Only the block with the same title was opened.
    expect(stats.calls.map((c) => c.url)).not.toContain(other.urls[0]);
  });

  it('does not look at neighbours unless asked or the page lists its pages', async () => {
    const { load, stats } = mapLoader([node6, articlePage(p6)]);
    const { article: a } = await stitchArticle(p5, articlePage(p5), load);
    expect(a.pages).toEqual(['5']);
    expect(stats.calls).toEqual([]);
  });

  it('probes the next page when the page lists it (a#pageLink)', async () => {
    const links = [{ label: '6', name: '冰点周刊', href: node6.url }];
    const { load } = mapLoader([node6, articlePage(p6)]);
    const { article: a } = await stitchArticle(p5, articlePage(p5, { pageLinks: links }), load);
    expect(a.pages).toEqual(['5', '6']);
  });

  it.each([['导读'], ['编者按'], ['图片新闻']])(
    'never links two pages by the generic title 「%s」',
    async (generic) => {
      const a5 = article('5', 'http://x/a5', { title: generic, text: ['本版导读一。'] });
      const a6 = article('6', 'http://x/a6', { title: generic, text: ['本版导读二。'] });
      const { article: a, problems } = await stitchArticle(
        a5,
        articlePage(a5),
        mapLoader([articlePage(a6)]).load,
        { sameTitle: true },
      );
      expect(a.pages).toEqual(['5']);
      expect(problems).toEqual([]);
    },
  );

  it('says so when the same-title block is listed but its page cannot be loaded', async () => {
    const { load } = mapLoader([node6]);
    const { article: a, problems } = await stitchArticle(p5, articlePage(p5), load, { sameTitle: true });
    expect(a.pages).toEqual(['5']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('「谁的房子谁的家」 may continue on page 6');
    expect(problems[0]).toContain('content_430784.html (404');
  });
});
