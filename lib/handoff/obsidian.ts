/**
 * 「发送到 Obsidian」: the article's note (the per-article export's Markdown, with its front matter as
 * Obsidian properties, domain.md §10) and the `obsidian://new` URI that makes Obsidian write it.
 * The note always travels on the clipboard (`&clipboard`, Obsidian 1.7.2+), never in `&content=`,
 * which Chrome cuts near 2,000 characters. Pure: the date and the settings are parameters.
 */
import type { ArticleGroup } from '../export/selection';
import { authorsOf } from '../export/bylines';
import { articleBody, type Opts } from '../export/clips';
import { fileTitle } from '../export/files';
import { safeFileName } from '../export/filenames';
import { citationUrl } from '../export/citation';
import { citationLine, headlineBlock, withDefaults, type MarkdownOptions } from '../export/markdown';
import { flattenParagraph, frontMatter } from '../export/text';

/** Set once in the settings: which vault, which folder in it, and what to do with a note that exists. */
export interface ObsidianSettings {
  vault: string;
  folder: string;
  /** `append` adds the clips under the existing note; `overwrite` replaces it. */
  mode: 'append' | 'overwrite';
}

export const DEFAULT_OBSIDIAN: ObsidianSettings = { vault: '', folder: '数字报', mode: 'append' };

/** One note to write: its path in the vault (no `.md`, as the URI takes it) and its text. */
export interface ObsidianNote {
  /** 「数字报/2026-07-13 海南日报 一枚“海南芯”，让“意念控制”照进现实」 */
  path: string;
  /** The file name with `.md`, for a folder write or the zip. */
  fileName: string;
  text: string;
}

/**
 * A tag as Obsidian reads one: letters, digits, `_`, `-`, `/`, no spaces; 「科技 金融」 →
 * 「科技_金融」. A tag of digits only is no tag in Obsidian, so it gets a leading 「_」.
 */
export function obsidianTag(tag: string): string {
  const t = flattenParagraph(tag)
    .replace(/^#+/, '')
    .replace(/[^\p{L}\p{N}_\-/]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return /^\d+$/.test(t) ? '_' + t : t;
}

/** The folder as a vault path: no leading or trailing slash, no `..` or empty parts. */
export function vaultFolder(folder: string): string {
  return folder
    .split(/[\\/]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== '.' && p !== '..')
    .join('/');
}

/**
 * Properties, typed as Obsidian types them across a vault: `title`, `source` (URL), `author`
 * (list), `published` (date), `created`, `tags` (list); `paper`, `pages` and `section` (版名) as text
 * (「A1」 is no number).
 */
export function obsidianProperties(
  g: ArticleGroup,
  created: string,
  extraTags: readonly string[] = [],
): string {
  const s = g.source;
  const tags = [
    ...new Set(
      [...extraTags, ...g.clips.flatMap((c) => c.tags), ...g.highlights.flatMap((h) => h.tags)]
        .map(obsidianTag)
        .filter((t) => t !== ''),
    ),
  ];
  const fields: Array<[string, string | readonly string[]]> = [
    ['title', flattenParagraph(s.title || s.leadTitle || s.subtitle) || '无题'],
    ['paper', s.paper],
    ['pages', s.pages],
  ];
  // 版名 as text beside 版次, only when the stored article names its page.
  const section = flattenParagraph(s.section ?? '').trim();
  if (section) fields.push(['section', section]);
  fields.push(['source', citationUrl(s.urls)], ['author', authorsOf(s.bylines)], ['published', s.date]);
  if (created) fields.push(['created', created]);
  fields.push(['tags', tags]);
  return frontMatter(fields);
}

/**
 * One article's note: properties, headline, clips and highlights, citation (the per-article
 * export, its front matter as properties). Appended to a note that `exists` already, the
 * properties and headline are left out so they are not repeated in the middle of the note.
 */
export function obsidianNote(
  g: ArticleGroup,
  s: ObsidianSettings,
  opts: MarkdownOptions & { created?: string; exists?: boolean } = {},
): ObsidianNote {
  const o: Opts = withDefaults(opts);
  const body = [...articleBody(g.clips, g.highlights, o, 2), '---', citationLine(g.source, o)];
  const blocks =
    s.mode === 'append' && opts.exists
      ? body
      : [obsidianProperties(g, opts.created ?? '', o.tags), ...headlineBlock(g.source), ...body];
  const fileName = safeFileName(fileTitle(g.source), 'md');
  const folder = vaultFolder(s.folder);
  const name = fileName.replace(/\.md$/, '');
  return { path: folder ? `${folder}/${name}` : name, fileName, text: blocks.join('\n\n') + '\n' };
}

/**
 * `obsidian://new?vault=…&file=…&clipboard&append|overwrite`. Values are percent-encoded with
 * encodeURIComponent: Obsidian decodes `%20`, while a `+` would stay a plus in the file name.
 * An empty vault name leaves `vault` out, so Obsidian uses the vault it has open.
 */
export function obsidianUri(s: ObsidianSettings, path: string): string {
  const q: string[] = [];
  if (s.vault.trim()) q.push('vault=' + encodeURIComponent(s.vault.trim()));
  q.push('file=' + encodeURIComponent(path), 'clipboard', s.mode === 'append' ? 'append' : 'overwrite');
  return 'obsidian://new?' + q.join('&');
}
