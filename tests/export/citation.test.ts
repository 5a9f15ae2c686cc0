import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceOf, type SourceRef } from '../../lib/model';
import { citeGBT7714, citationPage } from '../../lib/export/citation';
import { readPageText } from '../../lib/sites/page-text';
import { hainanStitched } from './hainan';

/** A source with defaults; the tests fill what they are about. */
function source(init: Partial<SourceRef> = {}): SourceRef {
  return {
    articleKey: 'k',
    paper: '株洲日报',
    date: '2022-02-07',
    pages: ['A1', 'A4'],
    leadTitle: '',
    title: '乡村振兴“开卷” 株洲这样作答',
    subtitle: '',
    bylines: ['株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志'],
    urls: [],
    ...init,
  };
}

const HN_URL = 'http://news.hndaily.cn/html/2026-07/13/content_58464_19697256.htm';

describe('citeGBT7714 2015', () => {
  it.each<[string, Partial<SourceRef>, { accessed?: string; url?: string }, string]>([
    [
      'seed A1→A4, print',
      {},
      {},
      '李军, 谭雪平, 陈志. 乡村振兴“开卷” 株洲这样作答[N]. 株洲日报, 2022-02-07(A1).',
    ],
    [
      '海南日报 online with access date',
      {
        paper: '海南日报',
        date: '2026-07-13',
        pages: ['1', '2'],
        title: '一枚“海南芯”，让“意念控制”照进现实',
        bylines: ['■ 海南日报全媒体记者 黄媛艳'],
        urls: [HN_URL],
      },
      { accessed: '2026-11-29' },
      `黄媛艳. 一枚“海南芯”，让“意念控制”照进现实[N/OL]. 海南日报, 2026-07-13(1)[2026-11-29]. ${HN_URL}.`,
    ],
    [
      'four authors become three and 等',
      {
        bylines: ['■ 海南日报全媒体记者 张琬茜 吴心怡 林博新 刘杰'],
        title: '3万学子乐享一枕清凉',
        paper: '海南日报',
        pages: ['3'],
      },
      {},
      '张琬茜, 吴心怡, 林博新, 等. 3万学子乐享一枕清凉[N]. 海南日报, 2022-02-07(3).',
    ],
    [
      'no author starts with the title',
      { bylines: [], title: '春运迎来返程高峰', pages: ['A1'] },
      {},
      '春运迎来返程高峰[N]. 株洲日报, 2022-02-07(A1).',
    ],
    [
      '副题 as other title information',
      {
        title: '抓细抓实疫情防控 全力保障春运安全',
        leadTitle: '陈恢清检查疫情防控和春运安全工作时强调',
        subtitle: '副题一则',
        bylines: ['株洲日报·掌上株洲讯(记者/旷昆红)'],
      },
      {},
      '旷昆红. 抓细抓实疫情防控 全力保障春运安全: 副题一则[N]. 株洲日报, 2022-02-07(A1).',
    ],
    [
      'explicit url overrides, no access date given',
      { urls: [] },
      { url: 'https://example.org/a.htm' },
      '李军, 谭雪平, 陈志. 乡村振兴“开卷” 株洲这样作答[N/OL]. 株洲日报, 2022-02-07(A1). https://example.org/a.htm.',
    ],
    [
      'a file:// path is not an online address',
      { urls: ['file:///seed/zhuzhou-daily-2022-02-07-A1.txt'] },
      { accessed: '2026-11-29' },
      '李军, 谭雪平, 陈志. 乡村振兴“开卷” 株洲这样作答[N]. 株洲日报, 2022-02-07(A1).',
    ],
    [
      'unknown paper and page are left out',
      { paper: '', pages: [], bylines: [] },
      {},
      '乡村振兴“开卷” 株洲这样作答[N]. 2022-02-07.',
    ],
  ])('%s', (_name, init, opts, expected) => {
    expect(citeGBT7714(source(init), { style: '2015', ...opts })).toBe(expected);
  });
});

describe('citeGBT7714 2025', () => {
  it.each<[string, Partial<SourceRef>, { accessed?: string }, string]>([
    ['print', {}, {}, '李军，谭雪平，陈志. 乡村振兴“开卷” 株洲这样作答[N]. 株洲日报，2022-02-07（A1）.'],
    [
      'four authors, online',
      { bylines: ['■ 新华社记者 朱基钗 张研 胡喆', '通讯员 蒙思雨'], urls: [HN_URL] },
      { accessed: '2026-11-29' },
      `朱基钗，张研，胡喆，等. 乡村振兴“开卷” 株洲这样作答[N/OL]. 株洲日报，2022-02-07（A1）[2026-11-29]. ${HN_URL}.`,
    ],
    [
      'an English-language paper keeps half-width punctuation',
      { paper: 'China Daily', title: 'Hainan FTP opens wider', subtitle: 'Zero tariffs', bylines: [] },
      {},
      'Hainan FTP opens wider: Zero tariffs[N]. China Daily, 2022-02-07(A1).',
    ],
    [
      'subtitle with full-width colon',
      { subtitle: '副题一则', bylines: [] },
      {},
      '乡村振兴“开卷” 株洲这样作答：副题一则[N]. 株洲日报，2022-02-07（A1）.',
    ],
  ])('%s', (_name, init, opts, expected) => {
    expect(citeGBT7714(source(init), { style: '2025', ...opts })).toBe(expected);
  });
});

describe('citationPage', () => {
  it.each([
    [['A1', 'A4'], 'A1'],
    [['', '6'], '6'],
    [[], ''],
  ])('%j → %s', (pages, label) => {
    expect(citationPage(pages)).toBe(label);
  });
});

describe('GB/T 7714—2025 mark by mark, on real entries', () => {
  const seedText = readFileSync(join(__dirname, '../fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt'), 'utf8');
  const seed = readPageText(seedText, 'file:///seed/zhuzhou-daily-2022-02-07-A1.txt').articles;
  const hainan = hainanStitched();
  const real: Array<[string, SourceRef, { accessed?: string }, string]> = [
    [
      '株洲日报 seed, three authors from 记者/通讯员',
      sourceOf(seed[0]),
      {},
      '李军，谭雪平，陈志. 乡村振兴“开卷” 株洲这样作答[N]. 株洲日报，2022-02-07（A1）.',
    ],
    [
      '株洲日报 seed, 讯(记者/… 通讯员/…)',
      sourceOf(seed[4]),
      {},
      '廖喜张，旷达. 全员提前返岗 谋划全年工作[N]. 株洲日报，2022-02-07（A1）.',
    ],
    [
      '株洲日报 seed, photo credit 刘震摄',
      sourceOf(seed[3]),
      {},
      '刘震. 春运迎来返程高峰[N]. 株洲日报，2022-02-07（A1）.',
    ],
    [
      '海南日报 online, 001 → 002',
      sourceOf(hainan),
      { accessed: '2026-11-29' },
      `黄媛艳. 一枚“海南芯”，让“意念控制”照进现实[N/OL]. 海南日报，2026-07-13（1）[2026-11-29]. ${hainan.urls[0]}.`,
    ],
  ];
  it.each(real)('%s', (_name, src, opts, expected) => {
    const out = citeGBT7714(src, { style: '2025', ...opts });
    expect(out).toBe(expected);
    // Marks outside the URL: full-width 「，：（）」, never their half-width forms; the element
    // separator 「. 」 and the brackets of [N], [N/OL] and [引用日期] half-width, never 「．」「［］」.
    const url = src.urls.find((u) => out.includes(u)) ?? '';
    const marks = url ? out.replace(url, '') : out;
    expect(marks).not.toMatch(/[,:()．［］【】]/);
    expect(marks).toMatch(/\[N(\/OL)?\]\. /);
    expect(marks.endsWith('.')).toBe(true);
  });
});

describe('a dateline names no person: the agency stands as 主要责任者', () => {
  const HB = {
    paper: '湖北日报',
    date: '2023-02-11',
    pages: ['2'],
    title: '习近平给第19批援助中非共和国的中国医疗队队员回信',
  };
  it.each<[string[], string]>([
    [
      ['新华社北京2月10日电'],
      '新华社. 习近平给第19批援助中非共和国的中国医疗队队员回信[N]. 湖北日报, 2023-02-11(2).',
    ],
    [
      ['据新华社北京2月10日电'],
      '新华社. 习近平给第19批援助中非共和国的中国医疗队队员回信[N]. 湖北日报, 2023-02-11(2).',
    ],
    [
      ['中新社北京1月31日电'],
      '中新社. 习近平给第19批援助中非共和国的中国医疗队队员回信[N]. 湖北日报, 2023-02-11(2).',
    ],
    // a person in the dateline's brackets is the author, not the agency
    [
      ['新华社北京2月6日电（记者 张三）'],
      '张三. 习近平给第19批援助中非共和国的中国医疗队队员回信[N]. 湖北日报, 2023-02-11(2).',
    ],
    // the paper's own dateline names nobody
    [['本报北京1月31日电'], '习近平给第19批援助中非共和国的中国医疗队队员回信[N]. 湖北日报, 2023-02-11(2).'],
  ])('%j', (bylines, cited) => {
    expect(citeGBT7714(source({ ...HB, bylines }), { style: '2015' })).toBe(cited);
  });
});
