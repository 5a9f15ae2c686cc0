import { describe, expect, it } from 'vitest';
import {
  charLength,
  endsParagraph,
  endsSentence,
  isHan,
  isSpace,
  normalizeText,
  stripParagraphIndent,
  stripZeroWidth,
} from '../../lib/text/normalize';

describe('normalizeText', () => {
  it.each([
    ['\u3000\u3000春节，人们跨越山海奔赴家乡。', '春节，人们跨越山海奔赴家乡。'],
    ['第02版：综\u00a0\u00a0合', '第02版：综 合'],
    ['知株\u200b侠\u200d为你\ufeff道来', '知株侠为你道来'],
    ['  抓细抓实疫情防控 \n\t 全力保障春运安全  ', '抓细抓实疫情防控 全力保障春运安全'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps full-width punctuation and digits (no NFKC)', () => {
    expect(normalizeText('同比增长4.12％、4.18％，２０２６')).toBe('同比增长4.12％、4.18％，２０２６');
  });

  it('stripZeroWidth removes U+2060–U+2064 too', () => {
    expect(stripZeroWidth('#话\u2060题\u2064#')).toBe('#话题#');
  });
});

describe('stripParagraphIndent', () => {
  it.each([
    ['\u3000\u3000春节，人们跨越山海奔赴家乡。', '春节，人们跨越山海奔赴家乡。'],
    ['\u00a0\u00a0持续加大对重点部位和时段的 巡逻力度 ', '持续加大对重点部位和时段的 巡逻力度'],
    ['不缩进', '不缩进'],
  ])('%j → %j', (input, expected) => {
    expect(stripParagraphIndent(input)).toBe(expected);
  });
});

describe('endsSentence', () => {
  it.each([
    ['沙土上不能盖房子。', true],
    ['全面推进乡村振兴，株洲最大的优势在哪？', true],
    ['当然有！', true],
    ['“任何痕迹我们都不能放过，早发现问题早预判，早处理。”', true],
    ['他说：「早处理。」 ', true],
    ['一座座商场扎堆“上新”……', true],
    ['沙土上不能盖房子。乡村振兴，防止规', false],
    ['弓腰仰头，', false],
    ['陈恢清向坚持在岗位一线的员工致以新春问候，要求大家', false],
    ['曹慧泉表示“非常高兴”', false],
    ['同比下降28.32%；', false],
    ['同比下降28.', false],
    ['The paper is read.', true],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(endsSentence(input)).toBe(expected);
  });
});

describe('endsParagraph', () => {
  it.each([
    ['换句话说：', true],
    ['他说:', true],
    ['早处理。”', true],
    ['防止规', false],
  ])('%j → %s', (input, expected) => {
    expect(endsParagraph(input)).toBe(expected);
  });
});

describe('isHan and charLength', () => {
  it('knows ideographs from punctuation and Latin', () => {
    expect(['株', '㐀', '，', 'A', '3'].map(isHan)).toEqual([true, true, false, false, false]);
  });
  it('counts code points, not UTF-16 units', () => {
    expect(charLength('𠮷野家')).toBe(3);
    expect(charLength('')).toBe(0);
  });
});

describe('isSpace', () => {
  it.each([
    ['U+3000 ideographic space', 0x3000, true],
    ['NBSP', 0xa0, true],
    ['NEL (White_Space, though not \\s)', 0x85, true],
    ['BOM (zero-width, though \\s counts it)', 0xfeff, false],
    ['zero-width space (not white space)', 0x200b, false],
    ['「中」', 0x4e2d, false],
  ])('%s → %s', (_, code, want) => {
    expect(isSpace(code)).toBe(want);
  });

  it('is Unicode White_Space: the regex \\s but for U+0085 (in) and U+FEFF (zero-width, out)', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([0x85, 0xfeff]);
    expect(String.fromCharCode(0x85)).toMatch(/^\p{White_Space}$/u);
    expect(String.fromCharCode(0xfeff)).not.toMatch(/^\p{White_Space}$/u);
  });
});
