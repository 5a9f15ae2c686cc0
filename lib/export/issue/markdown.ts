/**
 * The issue as a Markdown folder in a zip: one note per article made by the per-article export
 * (articleMarkdown: front matter, headline, body, GB/T 7714 citation), named so the folder sorts in
 * reading order (「01-03 一张“纸”里的45亿元自贸港外贸账.md」), and an index note 「00 目录.md」 listing
 * every 版面 with its articles as links, the stories continued there and what could not be loaded.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { IssueToc } from '../../issue/types';
import { safeFileName } from '../filenames';
import { articleMarkdown, type MarkdownOptions } from '../markdown';
import { escapeInline, frontMatter } from '../text';
import { entryTitle, issueTitle, pagesLabel } from './pages';

/** One file of the folder. */
export interface IssueFile {
  name: string;
  text: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The notes of the folder, the index first; names safe and unique. */
export function issueMarkdownFiles(toc: IssueToc, opts: MarkdownOptions = {}): IssueFile[] {
  const taken = new Set<string>();
  const index = safeFileName('00 目录', 'md', taken);
  const nameOf = new Map<string, string>();
  const notes: IssueFile[] = [];
  toc.pages.forEach((p, i) => {
    p.entries.forEach((e, j) => {
      const name = safeFileName(`${two(i + 1)}-${two(j + 1)} ${entryTitle(e)}`, 'md', taken);
      nameOf.set(e.key, name);
      notes.push({ name, text: articleMarkdown(e.article, opts) });
    });
  });
  const lines: string[] = [
    frontMatter([
      ['title', `${issueTitle(toc)} 目录`],
      ['paper', toc.paper],
      ['date', toc.date],
      ['url', toc.start],
      ['tags', opts.tags ?? []],
    ]),
    `# ${escapeInline(issueTitle(toc))}`,
  ];
  const link = (title: string, key: string) => {
    const file = nameOf.get(key);
    return file ? `[${escapeInline(title)}](<${file}>)` : escapeInline(title);
  };
  for (const p of toc.pages) {
    lines.push(`## ${pagesLabel([p.label])} ${escapeInline(p.name)}`.trim());
    if (p.failed) lines.push(`本版未能载入：${escapeInline(p.failed)}`);
    const items = p.entries.map((e) => {
      const more = e.pages.length > 1 ? `（${pagesLabel(e.pages)}）` : '';
      return `- ${link(entryTitle(e), e.key)}${more}`;
    });
    for (const c of p.continued) items.push(`- ${link(c.title, c.key)}（上接${pagesLabel([c.from])}）`);
    for (const m of p.missing)
      items.push(`- ${escapeInline(m.title)}（未能载入：${escapeInline(m.reason)}）`);
    if (items.length) lines.push(items.join('\n'));
  }
  if (toc.stopped) lines.push('（下载被中止，目录不完整）');
  return [{ name: index, text: lines.join('\n\n') + '\n' }, ...notes];
}

/** The folder zipped: every note inside one folder named after the issue. */
export function issueMarkdownZip(toc: IssueToc, opts: MarkdownOptions & { mtime?: Date } = {}): Uint8Array {
  const folder = safeFileName(issueTitle(toc), '');
  const mtime = opts.mtime && opts.mtime.getFullYear() >= 1980 ? opts.mtime : new Date(1980, 0, 1);
  const zip: Zippable = Object.create(null);
  for (const f of issueMarkdownFiles(toc, opts))
    zip[`${folder}/${f.name}`] = [strToU8(f.text), { mtime, level: 6 }];
  return zipSync(zip);
}
