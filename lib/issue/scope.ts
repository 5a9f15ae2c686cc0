/**
 * What belongs to an issue: pages on the start page's origin that carry the same issue date in
 * their URL (Founder classic /html/2026-07/09/, pc /pc/layout/202609/16/ and /pc/content/202609/16/,
 * nbs _20171016_), or, for a family whose URLs carry no date, the same folder. A page list that
 * points anywhere else is refused entry by entry; the walk never leaves the issue.
 */
import { dateFromUrl } from '../text/dates';

/** The issue a start URL belongs to. */
export interface IssueScope {
  origin: string;
  /** YYYY-MM-DD from the URL, '' when the URL carries none. */
  date: string;
  /** The start URL's folder, used when there is no date. */
  folder: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The scope of the issue `url` is a page of; null for a URL that is no http(s) address. */
export function scopeOf(url: string): IssueScope | null {
  const u = parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  return { origin: u.origin, date: dateFromUrl(u.pathname), folder: u.pathname.replace(/[^/]*$/, '') };
}

/** Why `url` is not a page of the issue, or '' when it is. */
export function outsideIssue(scope: IssueScope, url: string): string {
  const u = parse(url);
  if (!u) return 'not a web address';
  if (u.origin !== scope.origin) return `on another site (${u.origin})`;
  if (scope.date) {
    const d = dateFromUrl(u.pathname);
    return d === scope.date ? '' : `of another date (${d || 'none in its address'})`;
  }
  return u.pathname.startsWith(scope.folder) ? '' : 'outside the issue folder';
}

/** A URL without query and hash (`?div=0` sub-boxes are the same page). */
export function pageKey(url: string): string {
  return url.replace(/[?#].*$/, '');
}
