/** One Markdown file per article, for the zip export: 「2022-02-07 株洲日报 乡村振兴“开卷” 株洲这样作答.md」. */
import type { LibraryData, SourceRef } from '../model';
import { articleClipsMarkdown } from './clips';
import { groupByArticle } from './selection';
import { safeFileName } from './filenames';
import type { MarkdownOptions } from './markdown';
import type { TextFile } from './zip';

/** File title for a source: date, paper and title, so a folder sorts by publication date. */
export function fileTitle(s: SourceRef): string {
  return [s.date, s.paper, s.title || s.leadTitle || s.subtitle].filter((x) => x.trim() !== '').join(' ');
}

/** Every article with clips or highlights as its own note, names safe and unique. */
export function libraryFiles(data: LibraryData, opts: MarkdownOptions = {}): TextFile[] {
  const taken = new Set<string>();
  return groupByArticle(data).map((g) => ({
    name: safeFileName(fileTitle(g.source), 'md', taken),
    text: articleClipsMarkdown(g.stored, g.clips, g.highlights, opts),
  }));
}
