import { describe, expect, it } from 'vitest';
import {
  bigrams,
  foldForSearch,
  indexDecides,
  matchesQuery,
  queryParts,
  searchTokens,
} from '../../lib/text/bigrams.ts';

describe('bigrams (index terms)', () => {
  it.each([
    ['防返贫', ['防返', '返贫', '贫']],
    ['刘成友', ['刘成', '成友', '友']],
    ['喝茶。', ['喝茶', '茶']],
    ['“电力大数据+防返贫”', ['电力', '力大', '大数', '数据', '据', '防返', '返贫', '贫']],
    ['2021年 COVID-19', ['2021', '年', 'covid', '19']],
    ['２０２２年２月', ['2022', '年', '2', '月']],
    ['株洲\u200b日报', ['株洲', '洲日', '日报', '报']],
    // The final 贫 is not indexed alone: the prefix lookup for 「贫」 finds this text through 贫困.
    ['贫困户脱贫', ['贫困', '困户', '户脱', '脱贫']],
  ])('%s → %j', (text, terms) => {
    expect(bigrams(text).sort()).toEqual([...terms].sort());
  });

  it('gives each term once (the final 贫 found through 贫防)', () => {
    expect(bigrams('防返贫防返贫')).toEqual(['防返', '返贫', '贫防']);
  });
});

describe('searchTokens', () => {
  it.each([
    ['返贫', [{ token: '返贫', prefix: false }]],
    [
      '刘成友',
      [
        { token: '刘成', prefix: false },
        { token: '成友', prefix: false },
      ],
    ],
    ['茶', [{ token: '茶', prefix: true }]],
    ['cov', [{ token: 'cov', prefix: true }]],
    [
      '乡村 振兴',
      [
        { token: '乡村', prefix: false },
        { token: '振兴', prefix: false },
      ],
    ],
    ['·，', []],
  ])('%s → %j', (q, tokens) => {
    expect(searchTokens(q)).toEqual(tokens);
  });
});

describe('matchesQuery (the substring check after the index)', () => {
  it.each([
    ['返贫', '建立健全了防返贫监测帮扶机制', true],
    ['刘成友', '人民日报记者 刘成友', true],
    ['刘成友', '刘成在会上说，成友们要……', false],
    ['乡村 振兴', '乡村全面振兴', true],
    ['乡村振兴', '乡村全面振兴', false],
    ['ＣＮ 43-0005', '国内统一连续出版物号 CN 43-0005', true],
  ])('%s in %s → %s', (q, text, expected) => {
    expect(matchesQuery(queryParts(q), [text])).toBe(expected);
  });

  it('folds for search only: full-width to ASCII, lower case, zero-width out, spaces collapsed', () => {
    expect(foldForSearch('\u3000Ａｂ\u200bＣ\u00a0 １２')).toBe('abc 12');
  });
});

describe('foldForSearch fast and slow paths agree', () => {
  it.each([
    '乡村振兴“开卷”——株洲这样作答…',
    'ÀÉÎ Ärger',
    '株洲日报·掌上株洲讯(记者/罗欣)',
    'Ｃ Ｎ\u3000４３',
    '防返贫\n监测',
  ])('%s', (s) => {
    const slow = s
      .replace(/[\u200b-\u200d\u2060-\u2064\ufeff]/g, '')
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s\u3000\u00a0]+/g, ' ')
      .trim()
      .toLowerCase();
    expect(foldForSearch(s)).toBe(slow);
  });
});

describe('indexDecides', () => {
  it.each([
    ['返贫', true],
    ['贫', true],
    ['COVID', true],
    ['刘成友', false],
    ['乡村 振兴', false],
    ['2021年', false],
    ['·', false],
  ])('%s → %s', (q, expected) => {
    expect(indexDecides(q)).toBe(expected);
  });
});
