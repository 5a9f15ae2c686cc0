/**
 * Page furniture and masthead labels, on real lines of 株洲日报 pages (whole pages are read in
 * tests/sites/page-text-stages.test.ts and tests/pdf/).
 */
import { describe, expect, it } from 'vitest';
import { isFurniture, labelFromMasthead } from '../../lib/text/furniture';

describe('page furniture', () => {
  it.each([
    ['今日城区天气：雨夹雪 气温1℃-2℃', true, false],
    ['A1 中共株洲市委主管、主办 国内统一连续出版物号 CN 43-0005', true, true],
    ['2022年2月7日 星期一 农历壬寅年正月初七', true, false],
    ['第A01版：要闻', true, false],
    ['A4 要闻', true, false],
    ['责任编辑：李四', true, true],
    ['乡村振兴“开卷” 株洲这样作答', false, false],
    ['春运迎来返程高峰。株洲西站预计今年春运发送旅客32万人次。', false, false],
  ])('isFurniture(%j): masthead %s, anywhere %s', (line, masthead, anywhere) => {
    expect(isFurniture(line, true)).toBe(masthead);
    expect(isFurniture(line, false)).toBe(anywhere);
  });

  it.each([
    ['A1 中共株洲市委主管、主办 国内统一连续出版物号 CN 43-0005', 'A1', ''],
    ['第A01版：要闻', 'A1', '要闻'],
    ['第02版：综 合', '2', '综合'],
    ['A4 要闻', 'A4', '要闻'],
    ['今日城区天气：雨夹雪', '', ''],
  ])('labelFromMasthead(%j) → %j %j', (line, label, name) => {
    expect(labelFromMasthead(line)).toEqual({ label, name });
  });
});
