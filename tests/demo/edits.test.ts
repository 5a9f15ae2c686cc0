/** The demo's cuts: part 1 cut where part 2's text begins, as print does, and only then. */
import { describe, expect, it } from 'vitest';
import { cutAsPrint } from '../../demo/render/edits';
import { demoIssues } from '../../demo/render';
import { FIXTURES } from './demo-site';

const P1 = [
  '前些年，海口商业进入了“狂飙突进”的阶段。',
  '营考量，在海口并非孤例。近年来，许多商场悄然增加座椅休息区，消费者不再被迫赶路，开启“随地大小坐”模式。',
  '或许，这正是海口商业这轮“中场休息”的真正意义。',
];

describe('cutAsPrint', () => {
  it('cuts mid-paragraph where the page break fell (07-10, after 「，」)', () => {
    const p2 = ['上接A01版', '消费者不再被迫赶路，开启“随地大小坐”模式。', P1[2]];
    expect(cutAsPrint(P1, p2, '下转A04版')).toEqual([
      P1[0],
      '营考量，在海口并非孤例。近年来，许多商场悄然增加座椅休息区，',
      '下转A04版',
    ]);
  });

  it('cuts at a paragraph boundary (07-13)', () => {
    expect(cutAsPrint(P1, ['◀上接A01版', P1[2]], '下转A02版')).toEqual([P1[0], P1[1], '下转A02版']);
  });

  it.each([
    ['part 2 is not the tail of part 1', ['上接A01版', P1[1], '多出来的一段。']],
    ['part 2 has no text after its marker', ['上接A01版']],
    ['part 2 is nowhere in part 1', ['上接A01版', '别的故事。']],
  ])('refuses when %s', (_, p2) => {
    expect(cutAsPrint(P1, p2, '下转A04版')).toBeNull();
  });
});

describe('demo issues', () => {
  const issues = demoIssues(FIXTURES);
  const find = (date: string, id: string) =>
    issues
      .find((i) => i.date === date)!
      .pages.flatMap((p) => p.articles)
      .find((a) => a.id === id)!;

  it('cut 海南芯 and 慢钱, and left the published pairs alone', () => {
    expect(find('2026-07-13', '19697256').paragraphs!.at(-1)).toBe('下转A02版');
    expect(find('2026-07-10', '19691675').paragraphs!.at(-1)).toBe('下转A04版');
    expect(find('2026-07-13', '19697257').paragraphs!.at(-1)).toMatch(/走深走实。$/);
    expect(find('2026-07-09', '19688151').paragraphs).toHaveLength(7);
  });

  it('marks 07-10 page 004 missing, and nothing else', () => {
    const missing = issues.flatMap((i) =>
      i.pages.filter((p) => p.missing).map((p) => `${i.date} ${p.number}`),
    );
    expect(missing).toEqual(['2026-07-10 004']);
  });
});
