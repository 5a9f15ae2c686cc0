import { describe, expect, it } from 'vitest';
import { dateFromUrl, isoDate, parseChineseDate } from '../../lib/text/dates';

describe('parseChineseDate', () => {
  it.each([
    ['2026年09月16日', '2026-09-16'],
    ['（2026年09月16日  05版）', '2026-09-16'],
    ['人民日报 2017年10月16日 星期一', '2017-10-16'],
    ['2022年2月7日', '2022-02-07'],
    ['２０２６年９月１６日', '2026-09-16'],
    ['2026-9-6', '2026-09-06'],
    ['2026/09/16 05:00', '2026-09-16'],
    ['2026.07.13', '2026-07-13'],
    ['2026年02月30日', ''],
    ['12月6日', ''],
    ['', ''],
  ])('%j → %j', (s, expected) => {
    expect(parseChineseDate(s)).toBe(expected);
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['http://news.hndaily.cn/html/2026-07/13/content_58464_19697256.htm', '2026-07-13'],
    ['http://epaper.hndaily.cn/html/2026-07/13/node_2.htm', '2026-07-13'],
    ['https://zqb.cyol.com/pc/content/202609/16/content_430781.html', '2026-09-16'],
    ['http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html', '2024-12-25'],
    ['http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm', '2017-10-16'],
    ['nw.D110000renmrb_20171016_1-01.htm', '2017-10-16'],
    ['file:///work/main/tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt', '2022-02-07'],
    ['file:///x/hndaily-20260713-58464-19697256.json', '2026-07-13'],
    ['https://example.com/article?t=20260101', ''],
    ['https://example.com/content_19697256.htm', ''],
    ['', ''],
  ])('%j → %j', (url, expected) => {
    expect(dateFromUrl(url)).toBe(expected);
  });
});

describe('isoDate', () => {
  it('knows leap years and month lengths', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2026, 2, 29)).toBe('');
    expect(isoDate(2026, 4, 31)).toBe('');
    expect(isoDate(1850, 1, 1)).toBe('');
  });
});
