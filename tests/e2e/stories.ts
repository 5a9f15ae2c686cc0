/**
 * The demo paper's stories the journeys open, with what the reader must show, read from the same
 * real 海南日报 data the demo renders (tests/fixtures/real/hainan-daily), never typed in by hand.
 * Paths come from the demo's DEMO_PATHS (Founder classic: node_<节点>.htm a layout page, 58464 = 001版;
 * content_<节点>_<稿件>.htm an article page).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PATHS } from '../../demo/render/index.ts';

const HAINAN = fileURLToPath(new URL('../fixtures/real/hainan-daily/', import.meta.url));

function json(path: string): any {
  return JSON.parse(readFileSync(HAINAN + path, 'utf8'));
}

/** Paragraphs of one crawled article (the crawler joined `<P>`s with blank lines). */
function itemParagraphs(date: string, item: string): string[] {
  const content: string = json(`issue-items/${date}/${item}.json`).block.content;
  return content
    .split(/\n\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A two-part story of the demo: where each part is and the text of each part as published. */
export interface Story {
  title: string;
  first: string;
  second: string;
  firstParagraphs: string[];
  secondParagraphs: string[];
}

/** Paths from the demo's own DEMO_PATHS; texts from the crawl (so a renderer slip cannot hide). */
function story(
  date: string,
  title: string,
  paths: { part1: string; part2: string },
  items: [string, string],
): Story {
  return {
    title,
    first: paths.part1,
    second: paths.part2,
    firstParagraphs: itemParagraphs(date, items[0]),
    secondParagraphs: itemParagraphs(date, items[1]),
  };
}

/** Split regime (07-13): the demo cuts 001 to end 「下转A02版」; 002 starts 「◀上接A01版」. */
export const SPLIT = story('2026-07-13', '一枚“海南芯”，让“意念控制”照进现实', DEMO_PATHS.split, [
  'hndaily-20260713-58464-19697256',
  'hndaily-20260713-58465-19697268',
]);

/** Duplicate regime (07-09, as the site publishes it): 001 holds the whole story, 006 repeats its tail. */
export const DUPLICATE = story('2026-07-09', '一张“纸”里的45亿元自贸港外贸账', DEMO_PATHS.duplicate, [
  'hndaily-19688151',
  'hndaily-19688192',
]);

/** Duplicate regime too (07-13, as published, 001 → 002): a third chain for the fetch-error tests. */
export const DUPLICATE_2 = story('2026-07-13', '海南重卡“驶向”环岛换电自由', DEMO_PATHS.duplicate2, [
  'hndaily-20260713-58464-19697257',
  'hndaily-20260713-58465-19697273',
]);

/** Missing page (07-10): the demo cuts 001 to end 「下转A04版」 and leaves page 004 out (404). */
export const MISSING = story('2026-07-10', '这届海口商圈，开始赚“慢钱”', DEMO_PATHS.missing, [
  'hndaily-19691675',
  'hndaily-19691717',
]);

/** A layout page of the demo and the article titles it lists, in page order (from the crawl). */
export interface LayoutPage {
  path: string;
  titles: string[];
  hrefs: string[];
}

/** 2026-07-09 第001版 头版, from the whole-issue crawl (it lists the 导读 box too). */
export function layout0709(pageNumber = '001'): LayoutPage {
  const issue = json('raw-hndaily/2026-07-09.json');
  const page = issue.pages.find((p: any) => p.page === pageNumber);
  const path = new URL(page.page_url).pathname;
  return {
    path,
    titles: page.articles.map((a: any) => a.title),
    hrefs: page.articles.map((a: any) => new URL(a.url).pathname),
  };
}

/** Marker words that must never reach the reader's paragraphs (下转A4版, ◀上接A01版, 转第4版, 接第4版). */
export const MARKER_WORDS = /下转|上接|转第?\s*[A-Z]?\d+\s*版|接第?\s*[A-Z]?\d+\s*版/;

/** How often `needle` occurs in `haystack`. */
export function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}
