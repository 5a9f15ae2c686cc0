import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormBuilder, normalizeForMatch } from '../../lib/anchor/normalize';
import { squash } from '../../lib/sites/common/dom';
import {
  INVISIBLE,
  isSpace,
  isZeroWidth,
  SPACE_CLASS,
  stripZeroWidth,
  ZERO_WIDTH_CLASS,
} from '../../lib/text/chars';
import { normalizeText } from '../../lib/text/normalize';

describe('the table of invisible characters', () => {
  it.each(INVISIBLE.map((r) => [r.name, r] as const))(
    '%s: every code point follows its rule',
    (_name, row) => {
      for (let c = row.from; c <= row.to; c++) {
        expect(isSpace(c)).toBe(row.rule === 'space');
        expect(isZeroWidth(c)).toBe(row.rule === 'zero-width');
      }
    },
  );

  it('its spaces are exactly Unicode White_Space, and nothing is both', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (isSpace(c) !== /^\p{White_Space}$/u.test(ch)) differ.push(c);
      if (isSpace(c) && isZeroWidth(c)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('its zero-width characters are those of domain.md §6: U+200B–U+200D, U+2060–U+2064, U+FEFF', () => {
    const zw: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isZeroWidth(c)) zw.push(c);
    expect(zw).toEqual([0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff]);
  });

  it('the regex classes built from it match what the functions say', () => {
    const space = new RegExp(`^[${SPACE_CLASS}]$`);
    const zero = new RegExp(`^[${ZERO_WIDTH_CLASS}]$`);
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (space.test(ch) !== isSpace(c) || zero.test(ch) !== isZeroWidth(c))
        throw new Error(`U+${c.toString(16)}`);
    }
  });

  it('astral code points are neither', () => {
    expect(isSpace(0x20bb7)).toBe(false);
    expect(isZeroWidth(0x20bb7)).toBe(false);
    expect(stripZeroWidth('𠮷\u200b野家')).toBe('𠮷野家');
  });
});

/** A line as the anchoring normaliser sees it in the DOM ('\n' inside a line is white space there). */
function anchorLine(s: string): string {
  const b = new NormBuilder();
  for (let i = 0; i < s.length; i++) b.push(s.charCodeAt(i), i, false);
  return b.text();
}

// Real lines (the 海南日报 ZWNJ rows of chars.ts, the zqb indent and byline) and every row's character.
const LINES: Array<[string, string]> = [
  ['海南日报 ZWNJ', '曾在世界首个获FDA（美国食品药品监督管理局\u200c）批准的脑机接口'],
  ['海南日报 ZWNJ before a comma', '作为海南自贸港建设的\u200c基础性、战略性工程\u200c，基础教育从'],
  ['zqb indent', '\u3000\u3000两个儿子为了争夺房产'],
  ['zqb byline with NBSP', '中青报·中青网记者\u00a0 杜佳冰 '],
  ['source line break', '第一句，\n  第二句。'],
  ['ZWSP between words', 'RCEP\u200b agreement'],
  ['joiners and word joiner', '知株\u200b侠\u200d为你\u2060\u2064道来'],
  ['a BOM at the start and inside', '\ufeff为你\ufeff道来'],
  ['NEL, LS, PS', '上接\u0085A1版\u2028\u2029'],
  ...INVISIBLE.map((r): [string, string] => [
    r.name,
    `甲${String.fromCharCode(r.from)}乙${String.fromCharCode(r.to)} `,
  ]),
];

describe("the reader's squash and the anchoring normaliser agree", () => {
  it.each(LINES)('%s', (_name, line) => {
    const got = squash(line);
    expect(anchorLine(line)).toBe(got);
    expect(normalizeText(line)).toBe(got);
    // A quote taken from the reader's paragraph normalises to the same text as one from the DOM.
    expect(normalizeForMatch(got).text).toBe(anchorLine(line));
  });

  it('on any mix of the table, letters and CJK', () => {
    const chars = [
      '中',
      '文',
      'a',
      'B',
      '，',
      ...INVISIBLE.flatMap((r) => [r.from, r.to].map((c) => String.fromCharCode(c))),
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 16 }), (cs) => {
        const s = cs.join('');
        expect(anchorLine(s)).toBe(squash(s));
        expect(normalizeText(s)).toBe(squash(s));
      }),
      { numRuns: 3000 },
    );
  });
});
