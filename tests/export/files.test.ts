import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { safeFileName, utf8Bytes } from '../../lib/export/filenames';
import { zipFiles } from '../../lib/export/zip';

describe('safeFileName', () => {
  it.each([
    ['乡村振兴“开卷” 株洲这样作答', 'md', '乡村振兴“开卷” 株洲这样作答.md'],
    ['问答：谁的房子谁的家?', 'md', '问答：谁的房子谁的家？.md'],
    ['a<b>c:d"e/f\\g|h?i*j', '.md', 'a＜b＞c：d＂e／f＼g｜h？i＊j.md'],
    ['CON', 'md', 'CON_.md'],
    ['nul.txt', 'md', 'nul.txt_.md'],
    ['com1', 'md', 'com1_.md'],
    ['标题。。。  ...', 'md', '标题。。。.md'],
    ['.hidden', 'md', 'hidden.md'],
    ['第一行\n第二行\t\u0007尾', 'md', '第一行 第二行 尾.md'],
    ['乡村\u200B振兴', 'md', '乡村振兴.md'],
    ['', 'md', '无题.md'],
    ['...', 'md', '无题.md'],
  ])('%j → %s', (title, ext, name) => {
    expect(safeFileName(title, ext)).toBe(name);
  });

  it('limits the name to 255 UTF-8 bytes, not characters', () => {
    const name = safeFileName('防'.repeat(200), 'md');
    expect(utf8Bytes(name)).toBeLessThanOrEqual(255);
    expect(name).toBe('防'.repeat(84) + '.md'); // 84 × 3 bytes + 3 = 255
  });

  it('never cuts a surrogate pair or an emoji sequence', () => {
    const name = safeFileName('a' + '😀'.repeat(100), 'md');
    expect(utf8Bytes(name)).toBeLessThanOrEqual(255);
    expect(name).toBe('a' + '😀'.repeat(62) + '.md');
    // A flag is two regional indicators (8 bytes) and one grapheme: kept whole or not at all.
    expect(safeFileName('x'.repeat(244) + '🇨🇳', 'md')).toBe('x'.repeat(244) + '🇨🇳.md');
    expect(safeFileName('x'.repeat(245) + '🇨🇳', 'md')).toBe('x'.repeat(245) + '.md');
  });

  it('makes names unique case-insensitively, within the byte limit', () => {
    const taken = new Set<string>();
    expect(safeFileName('Report', 'md', taken)).toBe('Report.md');
    expect(safeFileName('report', 'md', taken)).toBe('report (2).md');
    expect(safeFileName('REPORT', 'md', taken)).toBe('REPORT (3).md');
    const long = '防'.repeat(200);
    expect(safeFileName(long, 'md', taken)).toBe('防'.repeat(84) + '.md');
    const second = safeFileName(long, 'md', taken);
    expect(second).toBe('防'.repeat(82) + ' (2).md');
    expect(utf8Bytes(second)).toBeLessThanOrEqual(255);
  });
});

describe('zipFiles', () => {
  it('stores UTF-8 names with the language-encoding flag and the text intact', () => {
    const zip = zipFiles(
      [
        { name: '乡村振兴“开卷” 株洲这样作答.md', text: '# 乡村振兴“开卷” 株洲这样作答\n' },
        { name: '乡村振兴“开卷” 株洲这样作答.md', text: 'second' },
        { name: '__proto__', text: 'x' },
      ],
      { mtime: new Date(2026, 10, 29, 20, 0, 0) },
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual([
      '乡村振兴“开卷” 株洲这样作答.md',
      '乡村振兴“开卷” 株洲这样作答 (2).md',
      '__proto__ (2)',
    ]);
    expect(strFromU8(files['乡村振兴“开卷” 株洲这样作答.md'])).toBe('# 乡村振兴“开卷” 株洲这样作答\n');
    // Local file header: general-purpose flag bit 11 (0x0800) marks the name as UTF-8.
    const flags = zip[6] | (zip[7] << 8);
    expect(flags & 0x0800).toBe(0x0800);
  });

  it('is a pure function of its input', () => {
    const files = [{ name: 'a.md', text: '甲' }];
    expect(zipFiles(files)).toEqual(zipFiles(files));
  });
});

describe('library zip', () => {
  it('holds one note per article, named by date, paper and title', async () => {
    const { hainanLibrary } = await import('./hainan');
    const { libraryFiles } = await import('../../lib/export/files');
    const { articleClipsMarkdown } = await import('../../lib/export/clips');
    const lib = hainanLibrary();
    const files = unzipSync(zipFiles(libraryFiles(lib, { accessed: '2026-11-29' })));
    expect(Object.keys(files)).toEqual(['2026-07-13 海南日报 一枚“海南芯”，让“意念控制”照进现实.md']);
    expect(strFromU8(Object.values(files)[0])).toBe(
      articleClipsMarkdown(lib.articles[0], lib.clips, lib.highlights, { accessed: '2026-11-29' }),
    );
  });
});
