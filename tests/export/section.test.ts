/**
 * 版名 (the article's first part's page `name`) in every hand-off format: Zotero's `section`, CSL
 * `section`, RIS `SE`, the Markdown front matter and the Obsidian properties. The 海南日报 story is
 * named from the real article pages' page lists (头版, 本省新闻); a record saved before parts kept
 * their 版名 carries none, and no format invents one.
 */
import { describe, expect, it } from 'vitest';
import { cslItem } from '../../lib/export/csl';
import { articleMarkdown } from '../../lib/export/markdown';
import { risRecord } from '../../lib/export/ris';
import { groupByArticle } from '../../lib/export/selection';
import { obsidianProperties } from '../../lib/handoff/obsidian';
import { zoteroItem } from '../../lib/handoff/zotero';
import { NEWSPAPER_ARTICLE_FIELDS } from '../../lib/handoff/zotero-schema';
import { sourceOf, type Article, type LibraryData } from '../../lib/model';
import { withPageName } from '../../lib/stitch/page-name';
import { demoSite, readSitePage } from '../demo/demo-site';
import { hainanLibrary, hainanStitched } from './hainan';

/** The story with each part named from its own real page, as the reader kit saves it now. */
function named(): Article {
  const site = demoSite();
  let a = hainanStitched();
  for (const path of [
    '/html/2026-07/13/content_58464_19697256.htm',
    '/html/2026-07/13/content_58465_19697268.htm',
  ])
    a = withPageName(a, readSitePage(site, path));
  return a;
}

function withArticle(lib: LibraryData, a: Article): LibraryData {
  return { ...lib, articles: lib.articles.map((s) => ({ ...s, article: a })) };
}

const FORMATS: Array<[string, (a: Article) => string[]]> = [
  [
    'Zotero section',
    (a) => {
      const item = zoteroItem(groupByArticle(withArticle(hainanLibrary(), a))[0].source, []);
      return item.section ? [item.section] : [];
    },
  ],
  ['CSL section', (a) => [cslItem(sourceOf(a)).section ?? ''].filter(Boolean)],
  [
    'RIS SE',
    (a) =>
      risRecord(sourceOf(a))
        .filter((l) => l.startsWith('SE  - '))
        .map((l) => l.slice(6)),
  ],
  [
    'Markdown front matter',
    (a) =>
      articleMarkdown(a)
        .split('\n')
        .filter((l) => l.startsWith('section: '))
        .map((l) => l.slice(9)),
  ],
  [
    'Obsidian properties',
    (a) => {
      const g = groupByArticle(withArticle(hainanLibrary(), a))[0];
      return obsidianProperties(g, '2026-12-04')
        .split('\n')
        .filter((l) => l.startsWith('section: '))
        .map((l) => l.slice(9));
    },
  ],
];

describe('版名 of the 海南日报 story in each format', () => {
  it('names each part from its real page: 头版, 本省新闻', () => {
    expect(named().parts.map((p) => [p.page, p.name])).toEqual([
      ['1', '头版'],
      ['2', '本省新闻'],
    ]);
  });

  it.each(FORMATS)('%s: the page the story starts on', (_, write) => {
    expect(write(named()).map((s) => s.replace(/^"|"$/g, ''))).toEqual(['头版']);
  });

  it.each(FORMATS)('%s: nothing for a record saved before 版名 was kept', (_, write) => {
    expect(write(hainanStitched())).toEqual([]);
  });

  it("is a field of Zotero's newspaperArticle schema", () => {
    expect(NEWSPAPER_ARTICLE_FIELDS as readonly string[]).toContain('section');
  });

  it('an explicit section given by the caller wins over the stored one', () => {
    expect(zoteroItem(sourceOf(named()), [], { section: '要闻' }).section).toBe('要闻');
  });
});
