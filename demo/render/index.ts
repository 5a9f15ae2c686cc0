/**
 * renderDemoSite: the bundled demo e-paper as `path → {contentType, body}`, built from the real
 * fixtures (tests/fixtures): 海南日报 2026-07-09 (whole issue), 2026-07-10 (page 004 left out) and
 * 2026-07-13, rendered as Founder classic pages, plus the 株洲日报 seed page. Reads files, otherwise pure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIndexedIssue, readRawIssue, type DemoIssue } from './data';
import { applyEdits } from './edits';
import { articlePageHtml } from './article-page';
import { indexHtml, SEED_FILE, seedHtml } from './index-page';
import { layoutPageHtml } from './layout-page';
import { articlePath, imagePath, layoutPath } from './paths';
import { pageSvg } from './svg';

/** One file of the demo site. */
export interface DemoFile {
  contentType: string;
  body: string;
}

const HTML = 'text/html; charset=utf-8';

/** The pages tests and `npm start` look at. */
export const DEMO_PATHS = {
  index: '/index.html',
  front: {
    '2026-07-09': '/html/2026-07/09/node_58464.htm',
    '2026-07-10': '/html/2026-07/10/node_58464.htm',
    '2026-07-13': '/html/2026-07/13/node_58464.htm',
  },
  /** 07-09 一张“纸”里的45亿元自贸港外贸账, as published: 001 whole, 006 「上接A01版」 + a copy of the tail. */
  duplicate: {
    part1: '/html/2026-07/09/content_58464_19688151.htm',
    part2: '/html/2026-07/09/content_58469_19688192.htm',
    page2: '/html/2026-07/09/node_58469.htm',
  },
  /** 07-13 海南重卡“驶向”环岛换电自由, as published (duplicate regime, 001 → 002). */
  duplicate2: {
    part1: '/html/2026-07/13/content_58464_19697257.htm',
    part2: '/html/2026-07/13/content_58465_19697273.htm',
  },
  /** 07-13 一枚“海南芯”，让“意念控制”照进现实, cut as print: 001 ends 「下转A02版」, 002 starts 「◀上接A01版」. */
  split: {
    part1: '/html/2026-07/13/content_58464_19697256.htm',
    part2: '/html/2026-07/13/content_58465_19697268.htm',
    page2: '/html/2026-07/13/node_58465.htm',
  },
  /** 07-10 这届海口商圈，开始赚“慢钱”: 001 ends 「下转A04版」, page 004 is not in the demo (404). */
  missing: {
    part1: '/html/2026-07/10/content_58464_19691675.htm',
    page: '/html/2026-07/10/node_58467.htm',
    part2: '/html/2026-07/10/content_58467_19691717.htm',
  },
  /** An article page of 07-09 第3版 the issue tests serve with one 500 first (startDemoServer's failOnce). */
  flaky: '/html/2026-07/09/content_58466_19688168.htm',
  seedText: `/seed/${SEED_FILE}`,
  seedHtml: '/seed/index.html',
} as const;

/** The three demo issues, edits applied (see edits.ts). */
export function demoIssues(fixturesDir: string): DemoIssue[] {
  const hainan = join(fixturesDir, 'real', 'hainan-daily');
  return [
    readRawIssue(hainan, '2026-07-09'),
    readIndexedIssue(hainan, '2026-07-10'),
    readIndexedIssue(hainan, '2026-07-13'),
  ].map(applyEdits);
}

/** Render the site of the given issues (pure): layout pages, article pages, page images, index. */
export function renderIssues(issues: DemoIssue[], seedText: string): Map<string, DemoFile> {
  const site = new Map<string, DemoFile>();
  site.set(DEMO_PATHS.index, { contentType: HTML, body: indexHtml(issues) });
  for (const issue of issues) {
    for (const page of issue.pages) {
      if (page.missing) continue;
      site.set(layoutPath(issue, page), { contentType: HTML, body: layoutPageHtml(issue, page) });
      site.set(imagePath(issue, page), {
        contentType: 'image/svg+xml; charset=utf-8',
        body: pageSvg(issue, page),
      });
      for (const a of page.articles) {
        site.set(articlePath(issue, page, a), { contentType: HTML, body: articlePageHtml(issue, page, a) });
      }
    }
  }
  site.set(DEMO_PATHS.seedText, { contentType: 'text/plain; charset=utf-8', body: seedText });
  site.set(DEMO_PATHS.seedHtml, { contentType: HTML, body: seedHtml(seedText) });
  return site;
}

/** The demo e-paper site rendered from the fixtures folder (tests/fixtures). */
export function renderDemoSite(fixturesDir: string): Map<string, DemoFile> {
  const seed = readFileSync(join(fixturesDir, 'seed', SEED_FILE), 'utf8');
  return renderIssues(demoIssues(fixturesDir), seed);
}
