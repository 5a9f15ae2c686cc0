/**
 * The demo's data, read from the real 海南日报 fixtures (`tests/fixtures/real/hainan-daily/`): the
 * whole 2026-07-09 issue from the crawler's raw file, and the 07-10 and 07-13 issues from their page
 * indexes plus the article files the fixtures hold (other articles there have a title but no text).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface DemoArticle {
  /** The site's article id: 19688151 in content_58464_19688151.htm. */
  id: string;
  title: string;
  /** Paragraphs as published, verbatim; null when the fixtures have only the title. */
  paragraphs: string[] | null;
}

export interface DemoPage {
  /** As the page list prints it: "001". */
  number: string;
  /** 版名: 头版, 本省新闻. */
  name: string;
  /** Founder node id of the page: node_58464.htm. */
  node: string;
  articles: DemoArticle[];
  /** Listed in the page list but not rendered (the demo's missing page). */
  missing?: boolean;
}

export interface DemoIssue {
  paper: string;
  /** YYYY-MM-DD */
  date: string;
  pages: DemoPage[];
}

/** Paragraphs of a crawler `content` string: the crawler joined `<P>` paragraphs with blank lines. */
export function paragraphsOf(content: string): string[] {
  return content
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function nodeOf(url: string): string {
  return /node_(\d+)\.htm/.exec(url)?.[1] ?? '';
}

function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The whole 2026-07-09 issue (raw-hndaily: every article with its text). */
export function readRawIssue(hainanDir: string, date: string): DemoIssue {
  const raw = readJson(join(hainanDir, 'raw-hndaily', `${date}.json`));
  return {
    paper: raw.source,
    date: raw.date,
    pages: raw.pages.map((p: any) => ({
      number: p.page,
      name: p.page_name,
      node: nodeOf(p.page_url),
      articles: p.articles.map((a: any) => ({
        id: /_(\d+)\.htm$/.exec(a.url)?.[1] ?? String(a.seq),
        title: a.title,
        paragraphs: paragraphsOf(a.content),
      })),
    })),
  };
}

/** An issue from `issues/<date>.json`, with text for the articles that have a file in `issue-items/<date>/`. */
export function readIndexedIssue(hainanDir: string, date: string): DemoIssue {
  const index = readJson(join(hainanDir, 'issues', `${date}.json`));
  const itemPath = (id: string) => join(hainanDir, 'issue-items', date, `${id}.json`);
  return {
    paper: index.source,
    date: index.date,
    pages: index.pages.map((p: any) => ({
      number: p.page_number,
      name: p.page_name,
      node: nodeOf(p.page_url),
      articles: p.articles.map((a: any) => {
        const file = itemPath(a.item_id);
        const block = existsSync(file) ? readJson(file).block : null;
        return {
          id: /(\d+)$/.exec(a.item_id)?.[1] ?? a.item_id,
          title: block?.title ?? a.title,
          paragraphs: block ? paragraphsOf(block.content) : null,
        };
      }),
    })),
  };
}
