/**
 * The page-text stages one by one (lines, headline blocks, segmentation) on short page texts made
 * from real lines: a continued story at the top of page A4, three-line headlines, photo news. The
 * line rules the PDF reader shares (furniture, masthead labels, headline parts) are tested in
 * tests/text/furniture.test.ts and headlines.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readPageText } from '../../lib/sites/page-text';
import { labelFromFileName, notTextReason, splitLines } from '../../lib/sites/page-text/lines';

const page = (...lines: string[]) =>
  readPageText(lines.join('\n\n'), 'file:///x/zhuzhou-daily-2022-02-07-A4.txt');

describe('lines', () => {
  it('splits on any line end and drops empty lines', () => {
    expect(splitLines('\ufeff一\r\n\r\n　　二\r三\n\n')).toEqual(['一', '二', '三']);
  });

  it('takes a label from a text file name only', () => {
    expect(labelFromFileName('file:///x/zhuzhou-daily-2022-02-07-A1.txt')).toBe('A1');
    expect(labelFromFileName('http://news.hndaily.cn/html/2026-07/13/content_58464_19697256.htm')).toBe('');
  });

  it('refuses control characters, accepts a stray form feed', () => {
    expect(notTextReason('\u0001\u0002'.repeat(100))).toMatch(/^not page text/);
    expect(notTextReason(`春运迎来返程高峰\f${'。'.repeat(100)}`)).toBe('');
  });
});

describe('headline blocks', () => {
  it('takes a main title ending in 「！」 but not a question paragraph of the story before', () => {
    const p = page(
      '确保冬奥专列安全准点上线运营',
      '株洲日报·掌上株洲记者/高晓燕',
      '技术有了，产品有了，下一步怎么走？',
      '新春走基层',
      '株洲加油！',
      '株洲日报·掌上株洲讯(记者/张威) 这个春节，仍有不少建设者坚守在施工一线。',
    );
    expect(p.articles.map((a) => [a.leadTitle, a.title, a.paragraphs.length])).toEqual([
      ['', '确保冬奥专列安全准点上线运营', 1],
      ['新春走基层', '株洲加油！', 1],
    ]);
  });

  it('reads a three-line headline before a 讯 paragraph', () => {
    const [a] = page(
      '冰点特稿第1354期',
      '谁的房子谁的家',
      '——一个家庭的搬迁记',
      '本报讯（记者 张三）春节前，一家人搬进了新房。',
    ).articles;
    expect(a).toMatchObject({
      leadTitle: '冰点特稿第1354期',
      title: '谁的房子谁的家',
      subtitle: '一个家庭的搬迁记',
    });
    expect(a.bylines).toEqual(['本报讯（记者 张三）']);
  });
});

describe('segmentation', () => {
  it('starts an article at a 上接 marker: the continued part of a story on its target page', () => {
    const p = page(
      'A4 要闻',
      '乡村振兴“开卷” 株洲这样作答',
      '上接A1版',
      '株洲最大的优势在于区位，',
      '湘赣边示范区建设再“得分”。',
      '确保冬奥专列安全准点上线运营',
      '株洲日报·掌上株洲记者/高晓燕 通讯员/夏伟雄',
      '1月31日(除夕)下午6点多，王亮与远在株洲的家人视频“云”享年夜饭。',
    );
    expect(p).toMatchObject({ label: 'A4', name: '要闻', date: '2022-02-07', paper: '株洲日报' });
    expect(p.articles.map((a) => [a.title, a.continuedFrom, a.paragraphs.map((x) => x.text)])).toEqual([
      ['乡村振兴“开卷” 株洲这样作答', 'A1', ['株洲最大的优势在于区位，湘赣边示范区建设再“得分”。']],
      [
        '确保冬奥专列安全准点上线运营',
        '',
        ['1月31日(除夕)下午6点多，王亮与远在株洲的家人视频“云”享年夜饭。'],
      ],
    ]);
  });

  it('keeps text before the first headline as an article of its own (a story without byline)', () => {
    const p = page(
      '◀上接A01版',
      '技术团队一头扎进实验室。',
      '这个春节 重点项目建设“没打烊”',
      '株洲日报·掌上株洲讯(记者/张威) 这个春节，仍有不少建设者坚守在施工一线。',
    );
    expect(p.articles.map((a) => [a.title, a.continuedFrom, a.paragraphs.length])).toEqual([
      ['', 'A1', 1],
      ['这个春节 重点项目建设“没打烊”', '', 1],
    ]);
  });

  it('reads a plain text with a title and no byline as one article', () => {
    const p = page('春运迎来返程高峰', '株洲西站预计今年春运发送旅客32万人次，同比增长12万人次。');
    expect(p.articles).toHaveLength(1);
    expect(p.articles[0]).toMatchObject({ title: '春运迎来返程高峰', paragraphs: [{ kind: 'text' }] });
  });

  it('splits photo news off the story before it, but not a crosshead followed by text', () => {
    const p = page(
      '确保冬奥专列安全准点上线运营',
      '株洲日报·掌上株洲记者/高晓燕',
      '王亮从工具室领取手电筒。',
      '公安暖心服务一直在线',
      '舍“小家欢聚”得“万家团圆”，公安暖心服务一直在线。',
      '春运迎来返程高峰',
      '春运迎来返程高峰。株洲西站预计今年春运发送旅客32万人次。',
      '株洲日报·掌上株洲记者/刘震摄',
    );
    expect(p.articles.map((a) => a.title)).toEqual(['确保冬奥专列安全准点上线运营', '春运迎来返程高峰']);
    expect(p.articles[0].paragraphs.map((x) => x.kind)).toEqual(['text', 'crosshead', 'text']);
    expect(p.articles[1].paragraphs.map((x) => x.kind)).toEqual(['caption', 'credit']);
    expect(p.articles[1].bylines).toEqual(['株洲日报·掌上株洲记者/刘震摄']);
  });

  it('keeps two bylines in a row in one article', () => {
    const p = page(
      '确保冬奥专列安全准点上线运营',
      '■ 本报记者 高晓燕',
      '通讯员 夏伟雄',
      '王亮从工具室领取手电筒。',
    );
    expect(p.articles).toHaveLength(1);
    expect(p.articles[0].bylines).toEqual(['本报记者 高晓燕', '通讯员 夏伟雄']);
  });

  it('gives a byline printed after the last paragraph to that story', () => {
    const p = page(
      '确保冬奥专列安全准点上线运营',
      '王亮从工具室领取手电筒，径直走进检修库。',
      '（本报记者 高晓燕）',
      '这个春节 重点项目建设“没打烊”',
      '株洲日报·掌上株洲讯(记者/张威) 这个春节，仍有不少建设者坚守在施工一线。',
    );
    expect(p.articles.map((a) => [a.title, a.bylines])).toEqual([
      ['确保冬奥专列安全准点上线运营', ['（本报记者 高晓燕）']],
      ['这个春节 重点项目建设“没打烊”', ['株洲日报·掌上株洲讯(记者/张威)']],
    ]);
  });

  it('stays linear on a page of 100,000 byline lines', () => {
    // 100,000 different names: 张 + two ideographs from i.
    const name = (i: number) =>
      `张${String.fromCharCode(0x4e00 + (i % 20_000), 0x4e00 + Math.floor(i / 20_000))}`;
    const text = Array.from({ length: 100_000 }, (_, i) => `本报记者 ${name(i)}`).join('\n');
    const p = readPageText(`王亮从工具室领取手电筒。\n${text}`, 'x');
    expect(p.articles).toHaveLength(1);
    expect(p.articles[0].bylines).toHaveLength(100_000);
  });
});
