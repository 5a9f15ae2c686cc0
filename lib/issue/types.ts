/** The data types of an issue walk and its table of contents (目录). */
import type { Article, Page } from '../model';

/**
 * How the walk gets a page: the CLI fetches (with its cache folder), the extension asks the
 * background's fetchPage through the kit's page source, tests read the demo server. `load` rejects
 * with an Error whose message is the reason (「HTTP 404」, 「timed out after 20 s」).
 */
export interface IssueFetcher {
  load(url: string, signal?: AbortSignal): Promise<Page>;
  /** Is the page cached already? Cached pages skip the polite queue and its pause. */
  cached?(url: string): boolean | Promise<boolean>;
}

/** A page or article page that could not be had, and why. */
export interface IssueFailure {
  url: string;
  kind: 'page' | 'article';
  /** 版次 of the page (for an article, the page its block is on). */
  label: string;
  /** The block's title, for an article. */
  title: string;
  reason: string;
}

/** Progress of a walk: pages and article pages known so far, done (loaded or failed) and failed. */
export interface IssueProgress {
  total: number;
  done: number;
  failed: number;
  /** The URL just finished. */
  url: string;
}

/** What a walk gathered: the page list, every page read, the failures, and whether it was stopped. */
export interface IssueWalk {
  start: string;
  paper: string;
  date: string;
  /** The page list (版次, 版名, URL) in the order the site lists it. */
  list: { label: string; name: string; href: string }[];
  /** Layout pages by URL (no query). */
  layouts: Map<string, Page>;
  /** Article pages by URL (no query). */
  articlePages: Map<string, Page>;
  failures: IssueFailure[];
  /** Things about the page list itself: an entry outside the issue, one listed twice. */
  problems: string[];
  stopped: boolean;
  /** Requests that went through the polite queue (cache hits do not). */
  fetched: number;
}

/** One article of the 目录: where it is printed and the stitched text. */
export interface TocEntry {
  key: string;
  title: string;
  /** Every page it is printed on, in reading order: ["1", "4"] for 「第1、4版」. */
  pages: string[];
  article: Article;
  url: string;
}

/** One page of the 目录. */
export interface TocPage {
  label: string;
  name: string;
  url: string;
  /** Articles that begin on this page, in page order. */
  entries: TocEntry[];
  /** Stories continued here from an earlier page (listed once, under their first page). */
  continued: { key: string; title: string; from: string }[];
  /** Article blocks of this page whose article page failed. */
  missing: { title: string; url: string; reason: string }[];
  /** Why the page itself could not be read, '' when it was. */
  failed: string;
  image?: { src: string; width: number; height: number };
}

/** A whole issue's table of contents. */
export interface IssueToc {
  paper: string;
  date: string;
  start: string;
  pages: TocPage[];
  /** Every entry once, in reading order (page list order, then page order). */
  entries: TocEntry[];
  /** The front page image's URL, when the site has one (the EPUB's cover). */
  cover: string;
  failures: IssueFailure[];
  problems: string[];
  stopped: boolean;
}
