/**
 * The demo paper's stories the journeys open, with what the reader must show, read from the same
 * real 海南日报 data the demo renders (tests/fixtures/real/hainan-daily), never typed in by hand.
 * Paths follow the Founder classic scheme the site uses: node_<节点>.htm is a layout page (58464 =
 * 001版, 58465 = 002版, …), content_<节点>_<稿件>.htm an article page.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
  /** Layout page of the second part (the stitcher may fetch it to find the part). */
  secondLayout: string;
  firstParagraphs: string[];
  secondParagraphs: string[];
}

function story(date: string, title: string, first: [string, string], second: [string, string]): Story {
  const [yyyy, mm, dd] = date.split('-');
  const dir = `/html/${yyyy}-${mm}/${dd}/`;
  const path = (node: string, item: string) => `${dir}content_${node}_${item.split('-').pop()}.htm`;
  return {
    title,
    first: path(first[0], first[1]),
    second: path(second[0], second[1]),
    secondLayout: `${dir}node_${second[0]}.htm`,
    firstParagraphs: itemParagraphs(date, first[1]),
    secondParagraphs: itemParagraphs(date, second[1]),
  };
}

/** Split regime (07-13): 001 ends 「下转A02版」 in the demo, 002 starts 「◀上接A01版」. */
export const SPLIT = story(
  '2026-07-13',
  '一枚“海南芯”，让“意念控制”照进现实',
  ['58464', 'hndaily-20260713-58464-19697256'],
  ['58465', 'hndaily-20260713-58465-19697268'],
);

/** The other split story of 07-13 (same pages, so one chain's failure cannot hide in the other). */
export const SPLIT_2 = story(
  '2026-07-13',
  '海南重卡“驶向”环岛换电自由',
  ['58464', 'hndaily-20260713-58464-19697257'],
  ['58465', 'hndaily-20260713-58465-19697273'],
);

/** Duplicate regime (07-09, as the site publishes it): 001 holds the whole story, 006 repeats its tail. */
export const DUPLICATE = story(
  '2026-07-09',
  '一张“纸”里的45亿元自贸港外贸账',
  ['58464', 'hndaily-19688151'],
  ['58469', 'hndaily-19688192'],
);

/** Missing page (07-10): the continuation is on 004版, which the demo leaves out. */
export const MISSING = story(
  '2026-07-10',
  '这届海口商圈，开始赚“慢钱”',
  ['58464', 'hndaily-19691675'],
  ['58467', 'hndaily-19691717'],
);

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
