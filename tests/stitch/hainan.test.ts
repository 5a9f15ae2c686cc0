/**
 * End to end on real text: the 海南日报 continuation pairs rendered by the demo, read by the Founder
 * classic reader, stitched through a loader over the demo site. Each pair must give the story exactly
 * as the site publishes part 1 (the whole story), once, with both pages and URLs.
 */
import { describe, expect, it } from 'vitest';
import { demoIssues, renderIssues } from '../../demo/render';
import { readIndexedIssue, readRawIssue } from '../../demo/render/data';
import { stitchArticle, stitchPages } from '../../lib/stitch';
import { BASE, demoSite, FIXTURES, readSitePage, siteLoader } from '../demo/demo-site';
import { golden, summary } from './golden';

const HAINAN = `${FIXTURES}/real/hainan-daily`;
// The site as published, no demo edits: part 1 of each pair holds the whole story.
const published = renderIssues(
  [
    readRawIssue(HAINAN, '2026-07-09'),
    readIndexedIssue(HAINAN, '2026-07-10'),
    readIndexedIssue(HAINAN, '2026-07-13'),
  ],
  '',
);
const demo = demoSite();
// The demo with page 004 of 07-10 put back: the 07-10 pair in the split regime, cut mid-sentence.
const complete = renderIssues(
  demoIssues(FIXTURES).map((i) => ({ ...i, pages: i.pages.map((p) => ({ ...p, missing: false })) })),
  '',
);

const CASES = [
  {
    name: 'hainan-2026-07-09-duplicate',
    site: demo,
    part1: '/html/2026-07/09/content_58464_19688151.htm',
    part2: '/html/2026-07/09/content_58469_19688192.htm',
    regime: 'duplicate',
  },
  {
    name: 'hainan-2026-07-13-duplicate',
    site: demo,
    part1: '/html/2026-07/13/content_58464_19697257.htm',
    part2: '/html/2026-07/13/content_58465_19697273.htm',
    regime: 'duplicate',
  },
  {
    name: 'hainan-2026-07-13-split',
    site: demo,
    part1: '/html/2026-07/13/content_58464_19697256.htm',
    part2: '/html/2026-07/13/content_58465_19697268.htm',
    regime: 'split',
  },
  {
    name: 'hainan-2026-07-10-split-mid-sentence',
    site: complete,
    part1: '/html/2026-07/10/content_58464_19691675.htm',
    part2: '/html/2026-07/10/content_58467_19691717.htm',
    regime: 'split',
  },
] as const;

describe.each(CASES)('$name', ({ name, site, part1, part2, regime }) => {
  const whole = readSitePage(published, part1).articles[0];
  const labels = [part1, part2].map((p) => readSitePage(site, p).label);

  it('opened on part 2, gives the whole story once, as the site publishes part 1', async () => {
    const page = readSitePage(site, part2);
    const { article, problems } = await stitchArticle(page.articles[0], page, siteLoader(site).load);
    expect(problems).toEqual([]);
    expect(article.paragraphs).toEqual(whole.paragraphs);
    expect(article.bylines).toEqual(whole.bylines);
    expect(article.pages).toEqual(labels);
    expect(article.urls).toEqual([BASE + part1, BASE + part2]);
    expect(article.parts.map((p) => p.regime)).toEqual(['first', regime]);
    expect(article.paragraphs.some((p) => /上接|下转/.test(p.text))).toBe(false);
    golden(name, summary(article, problems));
  });

  it('stitchPages over both article pages, either order, lists it once', async () => {
    const pages = [part1, part2].map((p) => readSitePage(site, p));
    for (const given of [pages, [...pages].reverse()]) {
      const { articles } = await stitchPages(given);
      expect(articles).toHaveLength(1);
      expect(articles[0].paragraphs).toEqual(whole.paragraphs);
      expect(articles[0].pages).toEqual(labels);
    }
  });
});

describe('opened on part 1', () => {
  it.each([
    ['split 「下转A02版」', '/html/2026-07/13/content_58464_19697256.htm', ['1', '2']],
    // 001 → 002 are neighbours and 001 lists its pages: the same-title probe finds the copy.
    ['duplicate on the next page', '/html/2026-07/13/content_58464_19697257.htm', ['1', '2']],
    // 006 is not next to 001 and 001 has no marker: the text is whole already, page 6 is not found.
    ['duplicate on a far page', '/html/2026-07/09/content_58464_19688151.htm', ['1']],
  ])('%s', async (_, path, pages) => {
    const page = readSitePage(demo, path);
    const { load, calls } = siteLoader(demo);
    const { article, problems } = await stitchArticle(page.articles[0], page, load);
    // Only the next page and its matching article page are opened (001 has no page before it).
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
    expect(article.paragraphs).toEqual(readSitePage(published, path).articles[0].paragraphs);
    expect(article.pages).toEqual(pages);
  });
});

describe('a continuation whose page is missing (07-10, 004 not in the demo)', () => {
  it('returns part 1 as far as it goes and names the missing page', async () => {
    const path = '/html/2026-07/10/content_58464_19691675.htm';
    const page = readSitePage(demo, path);
    const { article, problems } = await stitchArticle(page.articles[0], page, siteLoader(demo).load);
    expect(problems).toEqual([
      '下转A4版: page A4 is not available (HTTP 404 /html/2026-07/10/node_58467.htm)',
    ]);
    expect(article.pages).toEqual(['1']);
    expect(article.continuesTo).toBe('A4');
    // Print cut it mid-sentence: the part ends 「…许多商场悄然增加座椅休息区，」.
    expect(article.paragraphs.at(-1)?.text.endsWith('近年来，许多商场悄然增加座椅休息区，')).toBe(true);
    golden('hainan-2026-07-10-missing', summary(article, problems));
  });
});
