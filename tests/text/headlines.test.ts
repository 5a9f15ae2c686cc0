/** Headline blocks: 引题, 主题 and 副题 from the lines above a story, on real headlines. */
import { describe, expect, it } from 'vitest';
import { headlineParts } from '../../lib/text/headlines';

describe('headlineParts', () => {
  it.each([
    [
      ['这个春节 重点项目建设“没打烊”'],
      { leadTitle: '', title: '这个春节 重点项目建设“没打烊”', subtitle: '' },
    ],
    [
      ['市三高办：', '全员提前返岗 谋划全年工作'],
      { leadTitle: '市三高办：', title: '全员提前返岗 谋划全年工作', subtitle: '' },
    ],
    [
      ['春运迎来返程高峰', '——株洲西站预计发送旅客32万人次'],
      { leadTitle: '', title: '春运迎来返程高峰', subtitle: '株洲西站预计发送旅客32万人次' },
    ],
    [
      ['冰点特稿第1354期', '谁的房子谁的家', '——一个家庭的搬迁记'],
      { leadTitle: '冰点特稿第1354期', title: '谁的房子谁的家', subtitle: '一个家庭的搬迁记' },
    ],
    [[], { leadTitle: '', title: '', subtitle: '' }],
  ])('%j', (lines, parts) => {
    expect(headlineParts(lines)).toEqual(parts);
  });
});
