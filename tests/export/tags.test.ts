import { describe, expect, it } from 'vitest';
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
