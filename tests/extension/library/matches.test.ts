import { describe, expect, it } from 'vitest';
import { matchRanges, segments } from '../../../lib/extension/pages/library/matches';
import { queryParts } from '../../../lib/text/bigrams';

const marked = (text: string, query: string) =>
  segments(text, queryParts(query))
    .map((s) => (s.hit ? `[${s.text}]` : s.text))
    .join('');

describe('search matches in result text', () => {
  it.each([
    ['“电力大数据+防返贫”模式', '返贫', '“电力大数据+防[返贫]”模式'],
    ['人民日报记者 刘成友 报道', '刘成友', '人民日报记者 [刘成友] 报道'],
    ['刘成在会上说，成友们要团结。', '刘成友', '刘成在会上说，成友们要团结。'],
    ['乡村振兴，防止规模性返贫是底线', '乡村 底线', '[乡村]振兴，防止规模性返贫是[底线]'],
    ['防返贫防返贫', '返贫', '防[返贫]防[返贫]'],
    ['ＣＯＶＩＤ-19 疫情', 'covid', '[ＣＯＶＩＤ]-19 疫情'],
    ['Covid 与 covid', 'COVID', '[Covid] 与 [covid]'],
    ['返\u200b贫', '返贫', '[返\u200b贫]'],
    ['乡村振兴', '村振 乡村', '[乡村振]兴'],
    ['没有匹配', '返贫', '没有匹配'],
    ['', '返贫', ''],
  ])('%s / %s → %s', (text, query, expected) => {
    expect(marked(text, query)).toBe(expected);
  });

  it('gives back slices of the original text, in order and not overlapping', () => {
    const text = '防返贫、返贫、防止返贫';
    const ranges = matchRanges(text, ['返贫', '防']);
    expect(ranges).toEqual([
      [0, 3],
      [4, 6],
      [7, 8],
      [9, 11],
    ]);
    expect(
      segments(text, ['返贫', '防'])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});
