/**
 * lib/pdf's rules, one small page each: doubles dropped, headlines matched to bodies by position
 * (never by stream order), vertical headlines and authors, letter-spaced headlines, justified gaps,
 * crossheads, author notes, the masthead, continuation markers stitched across two PDFs.
 */
import { describe, expect, it } from 'vitest';
import { readPdfPage } from '../../lib/pdf';
import { stitchPages } from '../../lib/stitch';
import { column, item, page } from './items';

const A = [
  '甲地今年粮食生产再获丰收，总产量比去年增长百分之五。',
  '农民收入稳步提高，乡村面貌焕然一新，群众生活更加美好。',
];
const B = [
  '乙市推进老旧小区改造，今年已完成一百二十个小区的改造任务。',
  '居民们说，住得更舒心了，出门也更方便了，大家都很满意。',
];

describe('lib/pdf: headlines by position', () => {
  it('gives each body the headline above it, though the stream draws both headlines after both bodies, in reverse', () => {
    const a = column(A, 40, 700);
    const b = column(B, 320, 700);
    const p = readPdfPage(
      page([
        ...a.items,
        ...b.items,
        item('乙市老旧小区换新颜', 320, 740, { size: 20 }),
        item('甲地粮食再丰收', 40, 740, { size: 20 }),
      ]),
      'file:///x.pdf',
    );
    expect(p.articles.map((x) => [x.title, x.paragraphs[0].text.slice(0, 2)])).toEqual([
      ['甲地粮食再丰收', '甲地'],
      ['乙市老旧小区换新颜', '乙市'],
    ]);
  });

  it('drops a headline drawn twice in overlapping pieces (「新时代」 「新时代：」 「：」 …) and keeps its word gap', () => {
    const s = 30;
    const body = column(A, 40, 700);
    const heads = [
      item('新时代', 40, 760, { size: s }),
      item('新时代：', 40, 760, { size: s }),
      item('：', 40 + 3 * s, 760, { size: s }),
      item('发展新方位', 40 + 4 * s, 760, { size: s }),
      item('发展新方位', 40 + 4 * s, 760, { size: s }),
      item('奋进新目标', 40 + 9.6 * s, 760, { size: s }),
      item('奋进新目标', 40 + 9.6 * s, 760, { size: s }),
    ];
    const p = readPdfPage(page([...body.items, ...heads]), 'file:///x.pdf');
    expect(p.articles).toHaveLength(1);
    expect(p.articles[0].title).toBe('新时代：发展新方位 奋进新目标');
  });

  it('reads a vertical (Identity-V) headline and author at the right of their column', () => {
    const a = column(A, 40, 700);
    const b = column(B, 320, 700, 10);
    const p = readPdfPage(
      page([
        ...a.items,
        item('甲地粮食再丰收', 40, 740, { size: 20 }),
        ...b.items,
        item('乙市换新颜', 440, 715, { size: 20, vertical: true }),
        item('王小明', 425, 600, { size: 10, vertical: true }),
      ]),
      'file:///x.pdf',
    );
    const b2 = p.articles.find((x) => x.paragraphs[0].text.startsWith('乙市'));
    expect(b2).toMatchObject({ title: '乙市换新颜', bylines: ['王小明'] });
  });

  it('joins a letter-spaced headline and a justified line without the spaces pdf.js put in', () => {
    const body = [
      item('农民收入稳步提高，', 58, 700, { spacing: 2 }),
      item('乡村面貌焕然一新，群众生活更加美好。', 40, 687),
    ];
    const p = readPdfPage(
      page([...body, item('深刻理解新时代', 40, 730, { size: 24, spacing: 5 })]),
      'file:///x.pdf',
    );
    expect(p.articles[0].title).toBe('深刻理解新时代');
    expect(p.articles[0].paragraphs[0].text).toBe('农民收入稳步提高，乡村面貌焕然一新，群众生活更加美好。');
  });
});

describe('lib/pdf: inside a body', () => {
  it('keeps a crosshead between paragraphs, the 引题 over the 主题, the byline and the author note', () => {
    const top = column(A, 40, 680);
    const cross = item('新的战略安排', 40, top.y - 4, { size: 13 });
    const rest = column([...B, '（作者为某大学教授）'], 40, top.y - 24);
    const p = readPdfPage(
      page([
        ...top.items,
        cross,
        ...rest.items,
        item('让乡村更美好', 40, 760, { size: 14 }),
        item('乡村振兴见成效', 40, 730, { size: 24 }),
        item('李四', 100, 705, { size: 10.5 }),
      ]),
      'file:///x.pdf',
    );
    const a = p.articles[0];
    expect(a).toMatchObject({ leadTitle: '让乡村更美好', title: '乡村振兴见成效', bylines: ['李四'] });
    expect(a.paragraphs.map((x) => x.kind)).toEqual(['text', 'text', 'crosshead', 'text', 'text', 'credit']);
    expect(a.paragraphs[2].text).toBe('新的战略安排');
  });

  it('reads the masthead: page label, 版名 and date, drawn twice', () => {
    const body = column(A, 40, 700);
    const p = readPdfPage(
      page([
        item('2', 500, 810, { size: 30 }),
        item('2 要闻', 500, 810, { size: 30 }),
        item('2025年3月4日 星期二', 300, 812, { size: 10 }),
        ...body.items,
        item('甲地粮食再丰收', 40, 740, { size: 20 }),
      ]),
      'file:///x.pdf',
    );
    expect(p).toMatchObject({ label: '2', name: '要闻', date: '2025-03-04', problems: [] });
    expect(p.articles[0].pages).toEqual(['2']);
  });

  it('stitches a 下转 marker at the end of a body with the 上接 part of another PDF', async () => {
    const one = column(['甲地今年粮食生产再获丰收，总产量比去年增长', '（下转第二版）'], 40, 700);
    const two = column(['（上接第一版）百分之五，农民收入稳步提高。'], 40, 700);
    const masthead = (n: string) => item(`${n} 要闻`, 500, 810, { size: 30 });
    const p1 = readPdfPage(
      page([masthead('1'), ...one.items, item('甲地粮食再丰收', 40, 740, { size: 20 })]),
      'file:///a/1.pdf',
    );
    const p2 = readPdfPage(page([masthead('2'), ...two.items]), 'file:///a/2.pdf');
    expect(p1.articles[0].continuesTo).toBe('2');
    const { articles } = await stitchPages([p2, p1]);
    const story = articles.find((x) => x.title === '甲地粮食再丰收');
    expect(story?.pages).toEqual(['1', '2']);
    expect(story?.paragraphs.map((x) => x.text).join('')).toContain(
      '总产量比去年增长百分之五，农民收入稳步提高。',
    );
  });
});

describe('lib/pdf: pages without text', () => {
  it.each([
    [true, 'scanned image'],
    [false, 'blank, or its content is damaged'],
  ])('says so when a page has no text (images: %s)', (images, says) => {
    const p = readPdfPage({ ...page([]), images }, 'file:///scan.pdf', { pageNumber: 3 });
    expect(p.articles).toEqual([]);
    expect(p.problems.join(' ')).toContain('page 3 of the PDF');
    expect(p.problems.join(' ')).toContain(says);
  });

  it('never throws on items that are not text items', () => {
    const p = readPdfPage(
      {
        items: [{ type: 'beginMarkedContent' }, { str: '', transform: [] } as never],
        styles: {},
        width: 0,
        height: 0,
      },
      '',
    );
    expect(p.problems.length).toBeGreaterThan(0);
  });
});
