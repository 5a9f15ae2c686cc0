/**
 * Golden Markdown for the seed page's articles (read by lib/sites/page-text) and a 海南日报 story
 * stitched across 001/002 with clips and highlights. Regenerate with UPDATE_GOLDEN=1 and read the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleClipsMarkdown } from '../../lib/export/clips';
import { selectionMarkdown } from '../../lib/export/selection';
import { clipsCsl, cslJson } from '../../lib/export/csl';
import { articleMarkdown } from '../../lib/export/markdown';
import { readPageText } from '../../lib/sites/page-text';
import { hainanStitched, hainanLibrary } from './hainan';

const GOLDEN = join(__dirname, '../golden/export');
const ROOT = join(__dirname, '../..');

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1')
      throw new Error(`missing golden ${name}: run with UPDATE_GOLDEN=1`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const seedText = readFileSync(join(ROOT, 'tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt'), 'utf8');
const seed = readPageText(seedText, 'file:///seed/zhuzhou-daily-2022-02-07-A1.txt');
const ACCESSED = '2026-11-29';

describe('golden: the seed page, one note per article', () => {
  it('reads eight articles from the seed', () => {
    expect(seed.articles.map((a) => a.title)).toHaveLength(8);
  });
  it.each(seed.articles.map((a, i) => [i, a.title, a] as const))('seed-%i %s', (i, _t, article) => {
    const md = articleMarkdown(article, { accessed: ACCESSED });
    golden(`seed-${i}.md`, md);
    // Paragraph text must come through intact: every paragraph's text appears on a line of its own.
    for (const p of article.paragraphs)
      expect(md).toContain(p.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  });
  it('seed-0 in GB/T 7714-2025 with <mark> highlights and bold crossheads', () => {
    const a = seed.articles[0];
    const md = articleMarkdown(a, {
      style: '2025',
      marks: 'html',
      crossheads: 'bold',
      highlights: [
        {
          id: 'h1',
          articleKey: a.key,
          color: 'green',
          selectors: {
            exact: '防止规模性返贫是底线',
            prefix: '乡村振兴，',
            suffix: '',
            start: 0,
            end: 0,
            paragraph: 4,
            articleKey: a.key,
          },
          note: '',
          tags: [],
          createdAt: 1,
          updatedAt: 1,
        },
      ],
    });
    golden('seed-0-2025.md', md);
    // Green is kept as the mark's background (yellow is <mark>'s own).
    expect(md).toContain('乡村振兴，<mark style="background: #b2f2bb">防止规模性返贫是底线</mark>');
  });
});

describe('golden: 海南日报 stitched article with clips and highlights', () => {
  const lib = hainanLibrary();
  it('whole article with highlights inline', () => {
    const md = articleMarkdown(hainanStitched(), {
      accessed: ACCESSED,
      highlights: lib.highlights,
      tags: ['脑机接口'],
    });
    golden('hainan-19697256-article.md', md);
    expect(md).toContain('台下==掌声雷动==。');
    expect(md).not.toContain('\u200C');
  });
  it('clips note (one file of the zip)', () => {
    const md = articleClipsMarkdown(lib.articles[0], lib.clips, lib.highlights, { accessed: ACCESSED });
    golden('hainan-19697256-clips.md', md);
  });
  it('a selection across the seed and 海南日报', () => {
    const a = seed.articles[2];
    const clip = {
      id: 'seed-clip',
      articleKey: a.key,
      paragraphs: [a.paragraphs[1].text],
      paragraphIndexes: [1],
      note: '#春运# 交通信息化',
      tags: ['春运'],
      source: {
        articleKey: a.key,
        paper: a.paper,
        date: a.date,
        pages: a.pages,
        leadTitle: a.leadTitle,
        title: a.title,
        subtitle: a.subtitle,
        bylines: a.bylines,
        urls: a.urls,
      },
      createdAt: 5,
      updatedAt: 5,
    };
    const md = selectionMarkdown(
      { articles: lib.articles, highlights: lib.highlights, clips: [...lib.clips, clip] },
      { accessed: ACCESSED, exportedAt: '2026-11-29T20:00:00.000Z' },
    );
    golden('selection.md', md);
    expect(md).toContain('\\#春运\\# 交通信息化');
  });
  it('CSL-JSON for the articles behind the clips', () => {
    golden('hainan-csl.json', cslJson(clipsCsl(lib.clips, { accessed: ACCESSED })));
  });
});
