/**
 * The issue's Markdown folder and JSON Lines: the index note against a golden file (07-10: a page
 * that failed, a story whose continuation page is missing; UPDATE_GOLDEN=1 regenerates), one note
 * per article made by the per-article export, one line per article with the fields researchers need.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { articleMarkdown } from '../../lib/export';
import { issueJsonl, issueLines, issueMarkdownFiles, issueMarkdownZip } from '../../lib/export/issue';
import { DEMO_PATHS } from '../../demo/render';
import { demoToc } from '../issue/demo-toc';

const GOLDEN = fileURLToPath(new URL('../golden/issue/', import.meta.url));

function golden(name: string, text: string) {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(GOLDEN + name, text);
  }
  if (!existsSync(GOLDEN + name)) throw new Error(`missing golden ${name}: run with UPDATE_GOLDEN=1`);
  expect(text).toBe(readFileSync(GOLDEN + name, 'utf8'));
}

describe('issue Markdown folder', () => {
  it('07-10: the index note lists every page, the failed page with its reason', async () => {
    const toc = await demoToc(DEMO_PATHS.front['2026-07-10']);
    const [index] = issueMarkdownFiles(toc, { accessed: '2026-11-29' });
    expect(index.name).toBe('00 目录.md');
    golden('2026-07-10-index.md', index.text);
    expect(index.text).toContain('## 第4版');
    expect(index.text).toContain('本版未能载入：HTTP 404');
  });

  it('07-13: one note per article, each the per-article export, a continued story once', async () => {
    const toc = await demoToc(DEMO_PATHS.front['2026-07-13']);
    const files = issueMarkdownFiles(toc, { accessed: '2026-11-29' });
    expect(files).toHaveLength(toc.entries.length + 1);
    toc.entries.forEach((e, i) => {
      expect(files[i + 1].text).toBe(articleMarkdown(e.article, { accessed: '2026-11-29' }));
    });
    expect(files.filter((f) => f.name.includes('海南芯'))).toHaveLength(1);
    expect(files[0].text).toContain(
      '一枚“海南芯”，让“意念控制”照进现实](<01-05 一枚“海南芯”，让“意念控制”照进现实.md>)（第1、2版）',
    );
    expect(files[0].text).toContain('（上接第1版）');
  });

  it('the zip holds the folder of notes under the issue name', async () => {
    const toc = await demoToc(DEMO_PATHS.front['2026-07-13']);
    const names = Object.keys(unzipSync(issueMarkdownZip(toc, { accessed: '2026-11-29' })));
    expect(names[0]).toBe('海南日报 2026-07-13/00 目录.md');
    expect(names).toHaveLength(toc.entries.length + 1);
  });
});

describe('issue JSON Lines', () => {
  it('one article a line in reading order, with paper, date, pages, 版名, titles, bylines, text, URL', async () => {
    const toc = await demoToc(DEMO_PATHS.front['2026-07-13']);
    const text = issueJsonl(toc);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(toc.entries.length);
    const chip = lines.map((l) => JSON.parse(l)).find((l) => l.title.includes('海南芯'));
    expect(chip).toMatchObject({
      paper: '海南日报',
      date: '2026-07-13',
      pages: ['1', '2'],
      pageNames: ['头版', '本省新闻'],
      title: '一枚“海南芯”，让“意念控制”照进现实',
    });
    expect(chip.url).toMatch(/content_58464_19697256\.htm$/);
    expect(chip.urls).toHaveLength(2);
    expect(chip.text.split('\n')).toHaveLength(
      toc.entries.find((e) => e.title === chip.title)!.article.paragraphs.length,
    );
    // No marker text in a stitched story.
    expect(chip.text).not.toMatch(/下转|上接/);
  });

  it('a newline or quote in page text stays inside its line', async () => {
    const toc = await demoToc(DEMO_PATHS.front['2026-07-13']);
    const e = toc.entries[0];
    const odd = { ...e, article: { ...e.article, title: '第一行\n"第二行"', bylines: ['记者\u2028某'] } };
    const text = issueJsonl({ ...toc, entries: [odd] });
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text).title).toBe('第一行\n"第二行"');
    expect(issueLines({ ...toc, entries: [] })).toEqual([]);
  });
});
