import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../lib/model';
import { findMarker, removeMarker, stripMarkers } from '../../lib/text/markers';

describe('findMarker: every variant of domain.md, as printed', () => {
  it.each([
    // [text, direction, label, at]
    ['下转A4版', 'to', 'A4', 'whole'],
    ['（下转第四版）', 'to', '4', 'whole'],
    ['(下转第2版)', 'to', '2', 'whole'],
    ['转4版', 'to', '4', 'whole'],
    ['转至第3版', 'to', '3', 'whole'],
    ['下转A04版▶', 'to', 'A4', 'whole'],
    ['【下转Ａ０４版】', 'to', 'A4', 'whole'],
    ['（下转第十二版）', 'to', '12', 'whole'],
    ['\u3000\u3000下转 A4 版\u3000', 'to', 'A4', 'whole'],
    ['上接A01版', 'from', 'A1', 'whole'],
    ['◀上接A01版', 'from', 'A1', 'whole'],
    ['（上接第一版）', 'from', '1', 'whole'],
    ['紧接A1版', 'from', 'A1', 'whole'],
    ['接第4版', 'from', '4', 'whole'],
    ['（承第1版）', 'from', '1', 'whole'],
    ['全面推进乡村振兴，株洲最大的优势在哪？下转A4版', 'to', 'A4', 'end'],
    ['……返贫风险不能掉以轻心。（下转第四版）', 'to', '4', 'end'],
    ['◀上接A01版 技术团队一头扎进实验室。', 'from', 'A1', 'start'],
    ['（上接第一版）海口海关7月7日发布统计数据。', 'from', '1', 'start'],
    ['紧接A1版 据统计，我省外贸企业凭原产地证书出口的货物。', 'from', 'A1', 'start'],
  ] as const)('%j → %s %s (%s)', (text, direction, label, at) => {
    expect(findMarker(text)).toMatchObject({ direction, label, at });
  });

  it.each([
    '',
    '   ',
    '转眼间，春节长假结束了。',
    '上接地气，下接民心。',
    '他转身离开，接着说：“上接一个电话。”',
    '株洲站改扩建项目施工不停，力争在今年6月30日转入运营。',
    '本报海口7月13日讯（记者陈蔚林）',
    '第A01版：头版',
    '接4',
  ])('no marker in %j', (text) => {
    expect(findMarker(text)).toBeNull();
  });

  it('gives the marker exactly as printed, so it can be cut out', () => {
    expect(findMarker('（下转第四版）')?.raw).toBe('（下转第四版）');
    expect(findMarker('优势在哪？ 下转A4版')?.raw).toBe('下转A4版');
    expect(findMarker('◀上接A01版技术团队')?.raw).toBe('◀上接A01版');
  });
});

describe('removeMarker', () => {
  it.each([
    ['下转A4版', ''],
    ['全面推进乡村振兴，株洲最大的优势在哪？下转A4版', '全面推进乡村振兴，株洲最大的优势在哪？'],
    ['◀上接A01版 技术团队一头扎进实验室。', '技术团队一头扎进实验室。'],
    ['\u3000\u3000（上接第一版）海口海关７月７日发布。', '海口海关７月７日发布。'],
  ])('%j → %j', (text, expected) => {
    const m = findMarker(text);
    expect(m).not.toBeNull();
    expect(removeMarker(text, m!)).toBe(expected);
  });
});

const p = (text: string, kind: Paragraph['kind'] = 'text'): Paragraph => ({ text, kind });

describe('stripMarkers', () => {
  it('removes the 下转 paragraph of the seed and reports A4', () => {
    const input = [p('全面推进乡村振兴，株洲最大的优势在哪？'), p('下转A4版', 'crosshead')];
    const r = stripMarkers(input);
    expect(r.paragraphs).toEqual([p('全面推进乡村振兴，株洲最大的优势在哪？')]);
    expect(r.continuesTo).toBe('A4');
    expect(r.continuedFrom).toBe('');
    expect(input).toHaveLength(2);
  });

  it('removes 海南日报 「◀上接A01版」 and inline markers at both ends', () => {
    const r = stripMarkers([
      p('◀上接A01版'),
      p('技术团队一头扎进实验室。'),
      p('据骐骥换电规划，后续将持续加码海南布局。（下转A05版）'),
    ]);
    expect(r.paragraphs.map((x) => x.text)).toEqual([
      '技术团队一头扎进实验室。',
      '据骐骥换电规划，后续将持续加码海南布局。',
    ]);
    expect(r).toMatchObject({ continuedFrom: 'A1', continuesTo: 'A5' });
    expect(r.markers.map((m) => m.raw)).toEqual(['◀上接A01版', '（下转A05版）']);
  });

  it('leaves paragraphs without markers alone and survives holes', () => {
    const r = stripMarkers([p('转眼间，春节到了。'), undefined as unknown as Paragraph]);
    expect(r.paragraphs.map((x) => x.text)).toEqual(['转眼间，春节到了。']);
    expect(r.continuesTo).toBe('');
  });
});

describe('findMarker is safe on any input', () => {
  const alphabet = fc.constantFrom(
    ...'下转上接紧承第版页（）()【】◀▶ 　A０４1一四十，。'.split(''),
    'a',
    '\n',
    '\u0000',
  );

  it('never throws and returns a well-formed marker or null', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 200 }).map((a) => a.join('')),
        fc.string(),
        (a, b) => {
          for (const s of [a, b, a + b, b + a]) {
            const m = findMarker(s);
            if (m) {
              expect(['to', 'from']).toContain(m.direction);
              expect(s).toContain(m.raw);
              expect(typeof removeMarker(s, m)).toBe('string');
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on long random strings either', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { minLength: 1000, maxLength: 20_000 }).map((a) => a.join('')),
        (s) => {
          const m = findMarker(s);
          if (m) expect(s).toContain(m.raw);
          const r = stripMarkers([{ text: s, kind: 'text' }]);
          expect(r.paragraphs.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 50 },
    );
  });

  // No timing here (bench measures speed); catastrophic backtracking would hit the test timeout.
  it('finds a marker at the end of a 2 MB paragraph of marker-like characters', () => {
    const unit = '转接上下（第版';
    const huge = unit.repeat(300_000);
    expect(findMarker(huge)).toBeNull();
    expect(findMarker(`${huge}下转A4版`)).toMatchObject({ label: 'A4', at: 'end' });
  });
});

describe('findMarker trims every kind of white space around a marker', () => {
  it.each([
    ['ideographic space', '\u3000\u3000下转A4版\u3000'],
    ['no-break space', '\u00a0下转A4版\u00a0'],
    ['byte order mark', '\ufeff下转A4版'],
    [
      'zero-width space and joiners (chars.ts: invisible, so trimmed too)',
      '\u200b\u200c下转A4版\u200d\u2060',
    ],
    ['next line (U+0085, White_Space though not \\s)', '\u0085下转A4版\u0085'],
    ['thin and narrow spaces', '\u2009\u202f下转A4版\u205f'],
    ['tabs and line breaks', '\t\n下转A4版\r\n'],
  ])('%s', (_, text) => {
    expect(findMarker(text)).toEqual({ direction: 'to', label: 'A4', raw: '下转A4版', at: 'whole' });
  });

  it('a zero-width character inside the marker is not white space: 「下\u200b转A4版」 is no marker', () => {
    expect(findMarker('下\u200b转A4版')).toBeNull();
  });
});
