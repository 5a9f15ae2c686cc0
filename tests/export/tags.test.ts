import { describe, expect, it } from 'vitest';
import { unionTagLists, unionTags } from '../../lib/export/clips';
import { obsidianTag } from '../../lib/export/tags';

describe('obsidianTag: a typed tag as Obsidian/Typora read it', () => {
  it.each([
    ['春运', '春运'],
    ['#脑机接口', '脑机接口'],
    ['＃崖州湾', '崖州湾'],
    ['科技 金融', '科技_金融'],
    ['AI, chips', 'AI_chips'],
    ['乡村振兴/株洲', '乡村振兴/株洲'],
    ['2024', '_2024'],
    ['“先投后股”', '先投后股'],
    ['  ', ''],
    ['\u200b芯片\u200d', '芯片'],
  ])('%j → %j', (typed, want) => expect(obsidianTag(typed)).toBe(want));
});

describe('unionTagLists: every item tag once, in order of first use', () => {
  it('takes more lists than a call can spread as arguments (the whole library export)', () => {
    const lists = Array.from({ length: 300_000 }, (_, i) => [
      ['乡村振兴', '科技 金融', '#2024'][i % 3],
      '春运',
    ]);
    expect(unionTagLists(lists)).toEqual(['乡村振兴', '春运', '科技_金融', '_2024']);
  });

  it('gives what converting every tag and keeping the first of each gives', () => {
    const lists = [
      ['科技 金融', '科技_金融'],
      ['＃春运', '春运', ''],
      ['2024', '#2024'],
    ];
    const each = [
      ...new Set(
        lists
          .flat()
          .map(obsidianTag)
          .filter((t) => t !== ''),
      ),
    ];
    expect(unionTagLists(lists)).toEqual(each);
    expect(unionTags(...lists)).toEqual(each);
  });
});
