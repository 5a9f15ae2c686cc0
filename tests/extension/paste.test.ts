import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSheets, sheetUrl, splitPasted } from '../../lib/extension/pages/paste';
import { readText } from '../../lib/sites';
import { stitchPages } from '../../lib/stitch';

describe('page-text mode', () => {
  it.each([
    ['one page', '第一版\n正文', ['第一版\n正文']],
    ['two pages', '第一版\n---\n第二版', ['第一版', '第二版']],
    ['dashes with spaces, CRLF', 'A\r\n  -----  \r\nB', ['A', 'B']],
    ['leading separator and empty pieces', '---\nA\n---\n\n---\nB\n', ['A', 'B\n']],
    ['dashes inside a line stay', '比分 2---1\n正文', ['比分 2---1\n正文']],
  ])('splitPasted: %s', (_name, text, expected) => {
    expect(splitPasted(text)).toEqual(expected);
  });

  it('names a dropped file by its name and pasted text by its place', () => {
    expect(sheetUrl({ name: 'zhuzhou-daily-2022-02-07-A1.txt', text: '' }, 0)).toBe(
      'file:///zhuzhou-daily-2022-02-07-A1.txt',
    );
    expect(sheetUrl({ name: '', text: '' }, 2)).toBe('paste:3');
  });

  it('reads the seed page as a dropped file: its articles with the page label from the name', async () => {
    const seed = readFileSync('tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt', 'utf8');
    const out = await readSheets([{ name: 'zhuzhou-daily-2022-02-07-A1.txt', text: seed }], readText, (p) =>
      stitchPages(p),
    );
    expect(out.articles.length).toBeGreaterThan(3);
    expect(out.articles.every((a) => a.pages[0] === 'A1')).toBe(true);
    // The seed's lead story goes on to A4, which was not pasted: a problem says so, the part stays.
    expect(out.problems.some((p) => /A4/.test(p))).toBe(true);
  });

  it('turns a throwing reader into a problem', async () => {
    const out = await readSheets(
      [{ name: '', text: 'x' }],
      () => {
        throw new Error('boom');
      },
      stitchPages,
    );
    expect(out).toEqual({ articles: [], problems: ['boom'] });
  });
});
