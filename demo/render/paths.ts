/** Paths of the demo site, as the real site names them: /html/2026-07/09/node_58464.htm. */
import type { DemoArticle, DemoIssue, DemoPage } from './data';

/** Folder of an issue: 2026-07-09 → /html/2026-07/09/. */
export function issueDir(date: string): string {
  const [y, m, d] = date.split('-');
  return `/html/${y}-${m}/${d}/`;
}

/** Layout page (版面) of a page. */
export function layoutPath(issue: DemoIssue, page: DemoPage): string {
  return `${issueDir(issue.date)}node_${page.node}.htm`;
}

/** File name of an article page, relative to the issue folder: content_58464_19688151.htm. */
export function articleFile(page: DemoPage, a: DemoArticle): string {
  return `content_${page.node}_${a.id}.htm`;
}

/** Article page of an article. */
export function articlePath(issue: DemoIssue, page: DemoPage, a: DemoArticle): string {
  return `${issueDir(issue.date)}${articleFile(page, a)}`;
}

/** Page image (SVG) of a page: /images/2026-07/09/page_001.svg. */
export function imagePath(issue: DemoIssue, page: DemoPage): string {
  return `${issueDir(issue.date).replace('/html/', '/images/')}page_${page.number}.svg`;
}

/** The image path as the layout page links it, relative like Founder's 「../../../images/…」. */
export function imageSrc(issue: DemoIssue, page: DemoPage): string {
  return `../../..${imagePath(issue, page)}`;
}
