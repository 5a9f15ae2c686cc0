import { describe, expect, it } from 'vitest';
import { clipsCsl, cslDate, cslItem, cslPage, libraryCsl } from '../../lib/export/csl';
import { sourceOf } from '../../lib/model';
import { makeArticle, makeClip, makeHighlight, makeStored } from './factories';

describe('cslItem', () => {
  it('writes an article-newspaper item with literal Chinese names', () => {
    const a = makeArticle({
      title: '乡村振兴“开卷” 株洲这样作答',
      subtitle: '副题',
      pages: ['A1', 'A4'],
      bylines: ['株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志'],
    });
    expect(cslItem(sourceOf(a), { accessed: '2026-11-29' })).toEqual({
      id: a.key,
      type: 'article-newspaper',
      title: '乡村振兴“开卷” 株洲这样作答：副题',
      language: 'zh-CN',
      'container-title': '株洲日报',
      issued: { 'date-parts': [[2022, 2, 7]] },
      page: 'A1, A4',
      author: [{ literal: '李军' }, { literal: '谭雪平' }, { literal: '陈志' }],
      URL: 'http://example.org/content_1.htm',
      accessed: { 'date-parts': [[2026, 11, 29]] },
    });
  });
  it('leaves out what is unknown and file:// paths', () => {
    const a = makeArticle({ paper: '', date: '', pages: [], urls: ['file:///tmp/a.txt'], bylines: [] });
    expect(cslItem(sourceOf(a), { accessed: '2026-11-29' })).toEqual({
      id: a.key,
      type: 'article-newspaper',
      title: '春运迎来返程高峰',
      language: 'zh-CN',
    });
  });
});

describe('cslPage', () => {
  it.each<[string[], string]>([
    [['1', '2'], '1-2'], // 海南日报 2026-07-13: 001 → 002
    [['A1', 'A2'], 'A1-A2'],
    [['1', '2', '3'], '1-3'],
    [['A1', 'A4'], 'A1, A4'], // 株洲日报 seed: 下转A4版
    [['A1', 'B2'], 'A1, B2'],
    [['5'], '5'],
    [['', '6'], '6'],
    [['2', '2'], '2'],
    [[], ''],
  ])('%j → %s', (pages, want) => expect(cslPage(pages)).toBe(want));
});

describe('clipsCsl', () => {
  it('gives one item per article behind the clips', () => {
    const a = makeArticle();
    const b = makeArticle({ key: 'b', title: '另一篇' });
    const items = clipsCsl([makeClip(a, [0]), makeClip(b, [0]), makeClip(a, [0], { id: 'again' })]);
    expect(items.map((i) => i.id)).toEqual([a.key, 'b']);
  });
});

describe('libraryCsl', () => {
  it('covers articles with highlights only, titles from the stored copy', () => {
    const a = makeArticle();
    const b = makeArticle({ key: 'b', date: '2023-01-01', title: '只有划线' });
    const items = libraryCsl({
      articles: [makeStored(b)],
      highlights: [makeHighlight(b, '只有', 0)],
      clips: [makeClip(a, [0])],
    });
    expect(items.map((i) => [i.id, i.title])).toEqual([
      [a.key, '春运迎来返程高峰'],
      ['b', '只有划线'],
    ]);
  });
});

describe('cslDate', () => {
  it.each([
    ['2022-02-07', [[2022, 2, 7]]],
    ['2022-02', [[2022, 2]]],
    ['2022', [[2022]]],
  ])('%s', (s, parts) => {
    expect(cslDate(s)).toEqual({ 'date-parts': parts });
  });
  it('refuses other text', () => {
    expect(cslDate('2022年2月7日')).toBeUndefined();
  });
});
