/**
 * What `epaper-reader parse` prints: the JSON shape of issue 2 (pages, articles, problems) or one
 * Markdown note per article (lib/export). Pure functions of the parsed data.
 */
import { articleMarkdown } from '../lib/export/markdown';
import type { Article, Page, Paragraph } from '../lib/model';

/** A problem and the file it belongs to ('' for problems found while stitching across files). */
export interface FileProblem {
  file: string;
  message: string;
}

/** One page as printed. */
export interface PageJson {
  file: string;
  /** The address the page was read under (--url, its "saved from" mark, its own, or its file: URL). */
  url: string;
  /** The reader that read it: founder-classic, founder-nbs, founder-pc, generic, page-text. */
  adapter: string;
  kind: Page['kind'];
  paper: string;
  date: string;
  page: string;
  pageName: string;
  blocks: { title: string; href: string }[];
}

/** One (stitched) article as printed. */
export interface ArticleJson {
  title: string;
  leadTitle: string;
  subtitle: string;
  bylines: string[];
  paper: string;
  date: string;
  pages: string[];
  /** Every page the story was read from (a copy's page too, when its text came out once). */
  urls: string[];
  continuesTo: string;
  continuedFrom: string;
  paragraphs: Paragraph[];
}

/** The whole JSON document. */
export interface ParseJson {
  pages: PageJson[];
  articles: ArticleJson[];
  problems: FileProblem[];
}

/** Build the JSON document from the pages read (with their files) and the stitched articles. */
export function toJson(
  pages: { file: string; page: Page }[],
  articles: Article[],
  problems: FileProblem[],
): ParseJson {
  return {
    pages: pages.map(({ file, page }) => ({
      file,
      url: page.url,
      adapter: page.adapter,
      kind: page.kind,
      paper: page.paper,
      date: page.date,
      page: page.label,
      pageName: page.name,
      blocks: page.blocks.map((b) => ({ title: b.title, href: b.href })),
    })),
    articles: articles.map((a) => ({
      title: a.title,
      leadTitle: a.leadTitle,
      subtitle: a.subtitle,
      bylines: [...a.bylines],
      paper: a.paper,
      date: a.date,
      pages: [...a.pages],
      urls: [...a.urls],
      continuesTo: a.continuesTo,
      continuedFrom: a.continuedFrom,
      paragraphs: a.paragraphs.map((p) => ({ text: p.text, kind: p.kind })),
    })),
    problems,
  };
}

/**
 * Markdown notes, one per article, separated by a blank line. A file:// URL is where the CLI read
 * the page, not where it was published, so it is left out: the citation becomes the print form [N].
 */
export function toMarkdown(articles: Article[], accessed: string): string {
  return articles
    .map((a) => {
      const urls = a.urls.filter((u) => !u.startsWith('file:'));
      // 引用日期 belongs to online sources only ([N/OL]).
      return articleMarkdown({ ...a, urls }, urls.length ? { accessed } : {});
    })
    .join('\n');
}
