/**
 * The page-text reader on the seed page (株洲日报 2022-02-07 A1): golden file plus the facts the golden
 * file must show. Regenerate the golden only on purpose:
 * `UPDATE_GOLDEN=1 npx vitest run --project unit tests/sites/page-text.test.ts`, then read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPageText } from '../../lib/sites/page-text';
import { fixtureText } from '../helpers/dom';

const SEED = fixtureText('seed/zhuzhou-daily-2022-02-07-A1.txt');
// A fixed URL, as the CLI would pass it, so the golden file does not depend on the checkout's path.
const SEED_URL = 'file:///tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt';
const GOLDEN = fileURLToPath(new URL('../golden/seed-A1.json', import.meta.url));
const page = readPageText(SEED, SEED_URL);
const texts = (i: number) => page.articles[i].paragraphs.map((p) => p.text);

describe('seed page: golden', () => {
  it('matches tests/golden/seed-A1.json', () => {
    const json = `${JSON.stringify(page, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, json);
    expect(existsSync(GOLDEN), 'missing golden: run with UPDATE_GOLDEN=1').toBe(true);
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});

describe('seed page: the page', () => {
  it('is a text page of 株洲日报, 2022-02-07, A1, with no problems', () => {
    expect(page).toMatchObject({
      url: SEED_URL,
      kind: 'text',
      adapter: 'page-text',
      paper: '株洲日报',
      date: '2022-02-07',
      label: 'A1',
      problems: [],
    });
  });

  it('has the eight articles in reading order, keyed paper|date|label|order', () => {
    expect(page.articles.map((a) => a.title)).toEqual([
      '乡村振兴“开卷” 株洲这样作答',
      '新春送祝福 温暖鼓干劲',
      '抓细抓实疫情防控 全力保障春运安全',
      '春运迎来返程高峰',
      '全员提前返岗 谋划全年工作',
      '虎年春节假期 株洲城乡平安',
      '这个春节 重点项目建设“没打烊”',
      '确保冬奥专列安全准点上线运营',
    ]);
    page.articles.forEach((a, i) => {
      expect(a).toMatchObject({ key: `株洲日报|2022-02-07|A1|${i}`, order: i, paper: '株洲日报' });
      expect(a).toMatchObject({ date: '2022-02-07', pages: ['A1'], urls: [SEED_URL], subtitle: '' });
      expect(a.parts).toEqual([
        { page: 'A1', url: SEED_URL, from: 0, to: a.paragraphs.length, regime: 'first' },
      ]);
    });
  });

  it('reads the 引题 of the two-line headlines', () => {
    expect(page.articles.map((a) => a.leadTitle)).toEqual([
      '',
      '曹慧泉看望企业一线人员',
      '陈恢清检查疫情防控和春运安全工作时强调',
      '',
      '市三高办：',
      '',
      '',
      '',
    ]);
  });

  it('records every byline as printed: byline lines, 讯 bylines, the photo credit', () => {
    expect(page.articles.map((a) => a.bylines)).toEqual([
      ['株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志'],
      ['株洲日报·掌上株洲讯(记者/罗欣)'],
      ['株洲日报·掌上株洲讯(记者/旷昆红)'],
      ['株洲日报·掌上株洲记者/刘震摄'],
      ['株洲日报·掌上株洲讯(记者/廖喜张 通讯员/旷达)'],
      ['株洲日报·掌上株洲讯(记者/沈全华 通讯员/周俊)'],
      ['株洲日报·掌上株洲讯(记者/张威)'],
      ['株洲日报·掌上株洲记者/高晓燕 通讯员/夏伟雄'],
    ]);
    // A byline line is not a paragraph; a 讯 byline stays at the head of its paragraph.
    expect(texts(0)).not.toContain('株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志');
    expect(texts(1)[0].startsWith('株洲日报·掌上株洲讯(记者/罗欣) 2月3日，农历大年初三。')).toBe(true);
  });
});

describe('seed page: paragraphs', () => {
  const SEAMS = [
    '防止规模性返贫',
    '电力大数据+防返贫',
    '企业员工拜年',
    '要求大家履职尽责',
    '联络机制、推进',
    '报警警情',
    '弓腰仰头，眼睛盯着',
  ];
  const all = page.articles.flatMap((a) => a.paragraphs);

  it.each(SEAMS)('repairs the column cut 「%s」 into one paragraph', (seam) => {
    const hits = all.filter((p) => p.text.includes(seam));
    expect(hits).toHaveLength(1);
    expect(hits[0].kind).toBe('text');
  });

  it('leaves no paragraph that stops mid-sentence', () => {
    const cut = all.filter((p) => p.kind === 'text' && !/[。？！”」]$/.test(p.text));
    expect(cut).toEqual([]);
  });

  it('removes 下转A4版 and sets continuesTo A4 on the first article only', () => {
    expect(all.some((p) => p.text.includes('下转'))).toBe(false);
    expect(page.articles.map((a) => a.continuesTo)).toEqual(['A4', '', '', '', '', '', '', '']);
    expect(page.articles.every((a) => a.continuedFrom === '')).toBe(true);
    expect(texts(0).at(-1)).toBe('全面推进乡村振兴，株洲最大的优势在哪？');
  });

  it('classifies the crossheads', () => {
    const heads = page.articles.map((a) =>
      a.paragraphs.filter((p) => p.kind === 'crosshead').map((p) => p.text),
    );
    expect(heads).toEqual([
      ['拿下“基础题” 防返贫“防火墙”妥妥的', '发力“深度题” 建设湘赣边示范区再“得分”'],
      [],
      [],
      [],
      [],
      ['刑事治安警情“双降”', '持续加大对重点部位和时段的 巡逻力度', '公安暖心服务一直在线'],
      [],
      [],
    ]);
  });

  it('reads photo news and photo captions with their credits', () => {
    expect(page.articles[3].paragraphs.map((p) => p.kind)).toEqual(['caption', 'credit']);
    expect(texts(3)[1]).toBe('株洲日报·掌上株洲记者/刘震摄');
    expect(page.articles[5].paragraphs[0]).toEqual({
      kind: 'caption',
      text: '公安民警街头巡逻守护春节平安。通讯员供图',
    });
    expect(page.articles[6].paragraphs.at(-1)).toEqual({
      kind: 'caption',
      text: '2月6日，火车站改扩建项目现场，钢结构施工已推进至三、四站台。 株洲日报·掌上株洲记者/张威摄',
    });
  });

  it('keeps the text as printed, typo included, and loses no line but the masthead and the marker', () => {
    expect(texts(5)[1]).toContain('12月6日，记者从市公安局110报警服务平台获悉');
    const out = page.articles.flatMap((a) => [
      a.leadTitle,
      a.title,
      ...a.bylines,
      ...a.paragraphs.map((p) => p.text),
    ]);
    const skipped = [
      '今日城区天气：雨夹雪 气温1℃-2℃',
      'A1 中共株洲市委主管、主办 国内统一连续出版物号 CN 43-0005',
      '下转A4版',
    ];
    const lines = SEED.split('\n')
      .map((l) => l.trim().replace(/^●/, ''))
      .filter((l) => l && !skipped.includes(l));
    expect(lines.filter((l) => !out.some((o) => o.includes(l)))).toEqual([]);
  });
});
