import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  labelsMatch,
  normalizeLabel,
  splitLabel,
  toHalfWidthAlnum,
} from '../../lib/text/labels';

describe('normalizeLabel', () => {
  it.each([
    ['A01', 'A1'],
    ['A1', 'A1'],
    ['a04', 'A4'],
    ['001', '1'],
    ['06版', '6'],
    ['第四版', '4'],
    ['第十二版', '12'],
    ['第A01版：头版', 'A1'],
    ['第02版：综 合', '2'],
    ['06版：冰点周刊', '6'],
    ['Ａ０４', 'A4'],
    ['（第3版）', '3'],
    ['', ''],
    ['要闻', ''],
    ['000', ''],
    ['A00', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeLabel(raw)).toBe(expected);
  });
});

describe('labelsMatch', () => {
  it.each([
    ['A4', 'A04', true],
    ['A4', '4', true],
    ['004', '第四版', true],
    ['A4', 'B4', false],
    ['A4', 'A5', false],
    ['', '', false],
  ])('%j ~ %j → %s', (a, b, expected) => {
    expect(labelsMatch(a, b)).toBe(expected);
  });
});

describe('helpers', () => {
  it('chineseNumeral reads 四, 十二, 二十, 一百零三 and refuses the rest', () => {
    expect(['四', '十二', '二十', '一百零三', '', '要'].map(chineseNumeral)).toEqual([
      4,
      12,
      20,
      103,
      NaN,
      NaN,
    ]);
  });
  it('toHalfWidthAlnum converts only letters and digits', () => {
    expect(toHalfWidthAlnum('Ａ０４版，（）')).toBe('A04版，（）');
  });
  it('splitLabel gives letter and number', () => {
    expect(splitLabel('A04')).toEqual({ letter: 'A', num: 4 });
    expect(splitLabel('要闻').num).toBeNaN();
  });
});
