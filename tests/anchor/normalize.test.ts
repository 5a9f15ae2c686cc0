import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../lib/anchor/normalize.ts';

describe('normalizeForMatch', () => {
  it.each([
    ['\u3000\u3000沙土上不能盖房子。', '沙土上不能盖房子。'],
    ['防止规\u00a0模性返贫', '防止规 模性返贫'],
    ['电力大\u200b数\u200d据+\ufeff防返贫', '电力大数据+防返贫'],
    ['株洲\u2060日报\u2064', '株洲日报'],
    ['乡村振兴“开卷”\u3000 \u3000株洲这样作答', '乡村振兴“开卷” 株洲这样作答'],
    ['第一段。\r\n\u3000\u3000第二段。', '第一段。\n第二段。'],
    ['甲\n\n乙', '甲\n\n乙'],
    ['（记者/罗欣），“真，”她说', '（记者/罗欣），“真，”她说'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForMatch(input).text).toBe(expected);
  });

  it('keeps full-width punctuation (no NFKC)', () => {
    expect(normalizeForMatch('１２月６日，ＡＢ').text).toBe('１２月６日，ＡＢ');
  });

  it('maps every normalised char back to the same char in the input', () => {
    const input = '\u3000\u3000株洲日报·掌上株洲讯(记者/罗欣)\u200b 通讯员\n\u3000谭雪平';
    const { text, map } = normalizeForMatch(input);
    expect(map).toHaveLength(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const raw = input[map[i]];
      if (text[i] === ' ') expect(/[\s\u3000\u00a0]/.test(raw)).toBe(true);
      else expect(raw).toBe(text[i]);
    }
    expect(map[text.length]).toBe(input.length);
  });
});
