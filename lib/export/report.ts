/**
 * 「这一页读得不对」: one file a reader attaches to a report when a page reads wrong. It holds what a
 * maintainer needs to reproduce it without the site (sites change, pages go offline): the page's
 * URL, the adapter that read it and how it decided, what it read, and the page's HTML as it was.
 * Pure: the clock, the HTML and the read page come in as parameters. Built by the CLI (`--report`)
 * and by the popup, from the same readers.
 */
import type { Page } from '../model';
import { safeFileName } from './filenames';

/** The report file's format name and version (bump the version when a field changes meaning). */
export const REPORT_FORMAT = 'epaper-reader-page-report';
export const REPORT_VERSION = 1;

/** What went into a report. */
export interface ReportInput {
  url: string;
  html: string;
  page: Page;
  /** How the reader decided (lib/sites/full ReadTrace), when known. */
  trace?: Record<string, string>;
  /** Where the report was made: 'cli 0.1.0', 'extension 0.1.0 (chrome)'. */
  made: string;
  /** ISO time the report was made. */
  now: string;
}

/** One report file. */
export interface ReportFile {
  name: string;
  text: string;
}

/** The report as a JSON file named after the page's host and the time (safe on every file system). */
export function pageReport(input: ReportInput): ReportFile {
  const { page } = input;
  const body = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    made: input.made,
    at: input.now,
    url: input.url,
    adapter: page.adapter,
    trace: input.trace ?? {},
    read: page,
    html: input.html,
  };
  let host = 'page';
  try {
    host = new URL(input.url).host || 'page';
  } catch {
    // a file name, not a URL: keep 'page'
  }
  const stamp = input.now.replace(/[^0-9]/g, '').slice(0, 14);
  return {
    name: safeFileName(`epaper-report-${host}-${stamp}`, '.json'),
    text: `${JSON.stringify(body, null, 2)}\n`,
  };
}
