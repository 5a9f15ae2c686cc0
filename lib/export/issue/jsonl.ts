/**
 * The issue as JSON Lines for researchers' corpora: one article a line, in reading order, with
 * paper, date, pages (版次) and their 版名, titles, bylines, the text (paragraphs joined by "\n"),
 * the article's URL and every URL it was read from. One JSON.stringify per line: a newline inside
 * page text is escaped, so a line is always one article.
 */
import type { IssueToc } from '../../issue/types';
import { flattenParagraph } from '../text';
import { pageNames } from './pages';

/** What one line holds. */
export interface IssueLine {
  paper: string;
  date: string;
  pages: string[];
  pageNames: string[];
  key: string;
  leadTitle: string;
  title: string;
  subtitle: string;
  bylines: string[];
  text: string;
  url: string;
  urls: string[];
}

/** The lines as objects (the same order and fields as the file). */
export function issueLines(toc: IssueToc): IssueLine[] {
  const names = pageNames(toc);
  return toc.entries.map((e) => {
    const a = e.article;
    return {
      paper: a.paper || toc.paper,
      date: a.date || toc.date,
      pages: a.pages,
      pageNames: a.pages.map((p) => names.get(p) ?? ''),
      key: a.key,
      leadTitle: a.leadTitle,
      title: a.title,
      subtitle: a.subtitle,
      bylines: a.bylines,
      text: a.paragraphs
        .map((p) => flattenParagraph(p.text))
        .filter(Boolean)
        .join('\n'),
      url: a.urls[0] ?? '',
      urls: a.urls,
    };
  });
}

/** The JSON Lines text, one article a line, ending with a newline ('' for an issue with none). */
export function issueJsonl(toc: IssueToc): string {
  return issueLines(toc)
    .map((l) => JSON.stringify(l) + '\n')
    .join('');
}
