import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../lib/model';
import { joinHalves, repairParagraphs } from '../../lib/text/repair';

const p = (text: string, kind: Paragraph['kind'] = 'text'): Paragraph => ({ text, kind });

// The seven column cuts of the seed page, as printed (tests/fixtures/seed/).
const SEED_CUTS: Array<[string, string, string]> = [
  [
    '沙土上不能盖房子。乡村振兴，防止规',
    '模性返贫是底线，巩固拓展脱贫攻坚成果是基石。',
    '防止规模性返贫是底线',
  ],
  ['去年初，我市建成全省首个“电力大数', '据+防返贫”预警监测平台，并进行常态化运作。', '“电力大数据+防返贫”'],
  ['并向坚守在岗位的企', '业员工拜年。', '坚守在岗位的企业员工拜年'],
  [
    '陈恢清向坚持在岗位一线的员工致以新春问候，要求大家',
    '履职尽责不放松，扎实做好春运疫情防控工作。',
    '要求大家履职尽责不放松',
  ],
  ['编制考核细则、建立联络机', '制、推进相关工作，一刻不停抓落实。', '建立联络机制、推进'],
  ['有困难找警察，24小时全天候值守的报', '警警情同比下降28.32%，治安警情也有所下降。', '值守的报警警情同比'],
  ['脚踩两侧的台阶，弓腰仰头，', '眼睛盯着列车牵引变压器四周转。', '弓腰仰头，眼睛盯着'],
];

describe('repairParagraphs', () => {
  it.each(SEED_CUTS)('joins 「%s」 | 「%s」', (a, b, seam) => {
    const r = repairParagraphs([p(a), p(b)]);
    expect(r.joined).toBe(1);
    expect(r.paragraphs).toEqual([p(a + b)]);
    expect(r.paragraphs[0].text).toContain(seam);
  });

  it.each([
    ['a full stop', '沙土上不能盖房子。', '乡村振兴是底线。'],
    ['a question mark', '全面推进乡村振兴，株洲最大的优势在哪？', '株洲的优势在于区位。'],
    ['a quote closed after the full stop', '“任何痕迹我们都不能放过，早处理。”', '今年，是王亮的第3个除夕。'],
    ['a colon (a list or a quote follows)', '换句话说：', '一边夯实基础，一边探索振兴。'],
    ['an ornament line', '＊＊＊', '一边夯实基础，一边探索振兴。'],
    ['text, before an ornament line', '一边夯实基础，一边探索', '——'],
  ])('does not join after %s', (_why, a, b) => {
    const r = repairParagraphs([p(a), p(b)]);
    expect(r.joined).toBe(0);
    expect(r.paragraphs.map((x) => x.text)).toEqual([a, b]);
  });

  it.each([
    ['crosshead', 'text'],
    ['text', 'crosshead'],
    ['caption', 'text'],
    ['text', 'credit'],
    ['text', 'caption'],
  ] as const)('never joins %s onto %s', (k1, k2) => {
    const r = repairParagraphs([p('刑事治安警情“双降”', k1), p('有困难找警察', k2)]);
    expect(r.joined).toBe(0);
    expect(r.paragraphs).toHaveLength(2);
  });

  it('joins a number cut at its decimal point', () => {
    expect(repairParagraphs([p('警情同比下降28.'), p('32%，治安警情也有所下降。')]).paragraphs).toEqual([
      p('警情同比下降28.32%，治安警情也有所下降。'),
    ]);
  });

  it('joins a paragraph cut twice (three columns) and counts both joins', () => {
    const r = repairParagraphs([p('一边夯实'), p('基础，一边探'), p('索振兴。'), p('下一段。')]);
    expect(r.paragraphs.map((x) => x.text)).toEqual(['一边夯实基础，一边探索振兴。', '下一段。']);
    expect(r.joined).toBe(2);
  });

  it('does not change its input and skips holes', () => {
    const input = [p('防止规'), p('模性返贫是底线。')];
    repairParagraphs(input);
    expect(input[0].text).toBe('防止规');
    expect(repairParagraphs([undefined as unknown as Paragraph]).paragraphs).toEqual([]);
    expect(repairParagraphs([])).toEqual({ paragraphs: [], joined: 0 });
  });

  // Speed is measured in `npm run bench`; here a quadratic join (it once took 90 s) would hit the test timeout.
  it('joins 100,000 cut lines into one paragraph', () => {
    const many = Array.from({ length: 100_000 }, () => p('一行没有句号的文字'));
    const r = repairParagraphs(many);
    expect(r.paragraphs).toHaveLength(1);
    expect(r.joined).toBe(99_999);
  });
});

describe('joinHalves', () => {
  it.each([
    ['防止规', '模性返贫', '防止规模性返贫'],
    ['弓腰仰头，', '眼睛盯着', '弓腰仰头，眼睛盯着'],
    ['the digital', 'paper reader', 'the digital paper reader'],
    ['CN 43-', '0005', 'CN 43-0005'],
    ['下降28.', '32%', '下降28.32%'],
  ])('%j + %j → %j', (a, b, expected) => {
    expect(joinHalves(a, b)).toBe(expected);
  });
});

describe('repairParagraphs keeps every character', () => {
  const piece = fc
    .array(fc.constantFrom(...'防止规模性返贫是底线，。！？：“”　'.split('')), {
      minLength: 1,
      maxLength: 12,
    })
    .map((a) => a.join('').trim())
    .filter((t) => t.length > 0);
  const para = fc.record({
    text: piece,
    kind: fc.constantFrom<Paragraph['kind']>('text', 'text', 'crosshead', 'caption'),
  });

  it('joins only, in order, never reorders or drops text, and counts its joins', () => {
    fc.assert(
      fc.property(fc.array(para, { maxLength: 40 }), (input) => {
        const r = repairParagraphs(input);
        expect(r.paragraphs.map((x) => x.text).join('')).toBe(input.map((x) => x.text).join(''));
        expect(r.paragraphs.length).toBe(input.length - r.joined);
        expect(r.paragraphs.map((x) => x.kind).filter((k) => k !== 'text')).toEqual(
          input.map((x) => x.kind).filter((k) => k !== 'text'),
        );
      }),
      { numRuns: 300 },
    );
  });
});
