/**
 * Clips and highlights as Markdown: one clip, one article's clips, a selection, or the whole library.
 * Each clip is a blockquote of the paragraphs it took, highlights marked inline, its note below.
 */
import type { Clip, Highlight, SourceRef, StoredArticle } from '../model';
import { sourceOf } from '../model';
import { placeHighlights, renderMarked } from './marks';
import {
  citationLine,
  headlineBlock,
  sourceFrontMatter,
  withDefaults,
  type MarkdownOptions,
} from './markdown';
import { escapeBlockStart, escapeInline, escapeParagraph, flattenParagraph } from './text';
import { citationUrl } from './citation';
import { narrowToPart } from './quote';
import { obsidianTag } from './tags';

/** Resolved Markdown options. */
export type Opts = Required<MarkdownOptions>;

/**
 * A note is the reader's own plain text: escaped like page text (a pasted 「#话题#」 stays text),
 * each non-empty line its own paragraph so no line break is lost or turned into a space.
 */
function noteLines(note: string): string[] {
  return note
    .split(/\r\n?|\n/)
    .map((l) => escapeParagraph(l))
    .filter((l) => l !== '');
}

/** The item's tags as Obsidian/Typora `#tags` on one line: 「#春运 #交通信息化」. */
function tagLine(tags: readonly string[]): string[] {
  const clean = [...new Set(tags.map(obsidianTag).filter((t) => t !== ''))];
  return clean.length ? [clean.map((t) => '#' + t).join(' ')] : [];
}

/**
 * Where an item came from: the article as stored (for the part a paragraph is in), else its source.
 * With `stored`, `source` is `sourceOf(stored.article)` (sourceFor).
 */
export interface ItemOrigin {
  source: SourceRef;
  stored?: StoredArticle;
}

/** 「第2版」 for a page number, 「A4版」 for a lettered page label. */
function pageName(label: string): string {
  return /^\d+$/.test(label) ? `第${label}版` : `${label}版`;
}

/**
 * A link back to the page the item was printed on: the URL of the stitched article's part holding
 * `paragraph` (a quote from page 2 links page 2), else the source's first web address.
 */
export function itemLink(origin: ItemOrigin | undefined, paragraph: number): string[] {
  if (!origin) return [];
  const s = origin.stored ? narrowToPart(origin.source, origin.stored.article, paragraph) : origin.source;
  const url = citationUrl(s.urls);
  if (!url) return [];
  const label = s.pages.length === 1 && s.pages[0].trim() ? `原文（${pageName(s.pages[0].trim())}）` : '原文';
  // Angle brackets keep any URL one destination; the few characters they cannot hold are encoded.
  const dest = url.replace(
    /[<>\s\\`]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
  );
  return [`[${escapeInline(label)}](<${dest}>)`];
}

/** Highlights that may fall inside this clip: same article, starting in one of its paragraphs. */
function highlightsFor(clip: Clip, highlights: readonly Highlight[]): Highlight[] {
  if (highlights.length === 0) return [];
  const inClip = new Set(clip.paragraphIndexes);
  return highlights.filter(
    (h) => h.articleKey === clip.articleKey && (inClip.size === 0 || inClip.has(h.selectors.paragraph)),
  );
}

/** One clip as blocks: the quote, its note, its tags, then notes of the highlights inside it. */
function clipBlocks(
  clip: Clip,
  highlights: readonly Highlight[],
  o: Opts,
  origin?: ItemOrigin,
): { blocks: string[]; placed: Set<string> } {
  const texts = clip.paragraphs.map(flattenParagraph);
  const candidates = highlightsFor(clip, highlights);
  const { spans, unplaced } = placeHighlights(texts, clip.paragraphIndexes, candidates);
  const missing = new Set(unplaced.map((h) => h.id));
  const placed = new Set(candidates.filter((h) => !missing.has(h.id)).map((h) => h.id));
  const quote = texts
    .map((t, i) => renderMarked(t, spans[i], o.marks))
    .filter((l) => l !== '')
    .map((l) => '> ' + escapeBlockStart(l))
    .join('\n>\n');
  const blocks = quote ? [quote] : [];
  blocks.push(
    ...noteLines(clip.note),
    ...tagLine(clip.tags),
    ...itemLink(origin, clip.paragraphIndexes[0] ?? 0),
  );
  for (const h of candidates) {
    if (placed.has(h.id) && h.note.trim()) {
      blocks.push(
        '- 「' + escapeInline(flattenParagraph(h.selectors.exact)) + '」' + noteLines(h.note).join(' '),
      );
    }
  }
  return { blocks, placed };
}

function byPosition(a: Clip, b: Clip): number {
  return (a.paragraphIndexes[0] ?? 0) - (b.paragraphIndexes[0] ?? 0) || a.createdAt - b.createdAt;
}

/**
 * Clips of one article in reading order under 「摘录」, then the highlights that lie in none of them
 * under 「划线」, each item with its tags and a link back to its page when `origin` is given.
 */
export function articleBody(
  clips: readonly Clip[],
  highlights: readonly Highlight[],
  o: Opts,
  level: number,
  origin?: ItemOrigin,
): string[] {
  const blocks: string[] = [];
  const placed = new Set<string>();
  if (clips.length) blocks.push('#'.repeat(level) + ' 摘录');
  for (const clip of [...clips].sort(byPosition)) {
    const r = clipBlocks(clip, highlights, o, origin);
    blocks.push(...r.blocks);
    r.placed.forEach((id) => placed.add(id));
  }
  const loose = highlights.filter((h) => !placed.has(h.id));
  if (loose.length) {
    blocks.push('#'.repeat(level) + ' 划线');
    for (const h of [...loose].sort(
      (a, b) =>
        a.selectors.paragraph - b.selectors.paragraph ||
        a.selectors.start - b.selectors.start ||
        a.createdAt - b.createdAt,
    )) {
      // The whole quote marked in its colour, so the 划线 list keeps the reader's colours.
      const exact = flattenParagraph(h.selectors.exact);
      const quote = exact
        ? renderMarked(exact, [{ start: 0, end: exact.length, color: h.color }], o.marks)
        : '';
      blocks.push(
        '> ' + escapeBlockStart(quote),
        ...noteLines(h.note),
        ...tagLine(h.tags),
        ...itemLink(origin, h.selectors.paragraph),
      );
    }
  }
  return blocks;
}

/** Every tag once, in the form Obsidian accepts as a property tag (no spaces or punctuation). */
export function unionTags(...lists: ReadonlyArray<readonly string[]>): string[] {
  return unionTagLists(lists);
}

/**
 * unionTags of a list of lists: the library's export passes one list per item, 50,000 and more,
 * too many to spread as arguments. Each tag as typed is converted once, in order of first use.
 */
export function unionTagLists(lists: Iterable<readonly string[]>): string[] {
  const typed = new Set<string>();
  for (const l of lists) for (const t of l) typed.add(t);
  return [...new Set([...typed].map(obsidianTag).filter((t) => t !== ''))];
}

/** One clip as a Markdown note: front matter, title, the quote with highlights, note, citation. */
export function clipMarkdown(
  clip: Clip,
  highlights: readonly Highlight[] = [],
  opts: MarkdownOptions = {},
): string {
  const o = withDefaults(opts);
  const fm = sourceFrontMatter(clip.source, { ...o, tags: unionTags(o.tags, clip.tags) });
  const { blocks } = clipBlocks(clip, highlights, o, { source: clip.source });
  return (
    [fm, ...headlineBlock(clip.source), ...blocks, '---', citationLine(clip.source, o)].join('\n\n') + '\n'
  );
}

/** The source of an article: the stored copy when there is one, else what its first clip kept. */
export function sourceFor(stored: StoredArticle | undefined, clips: readonly Clip[], key: string): SourceRef {
  if (stored) return sourceOf(stored.article);
  if (clips[0]) return clips[0].source;
  return {
    articleKey: key,
    paper: '',
    date: '',
    pages: [],
    leadTitle: '',
    title: '',
    subtitle: '',
    bylines: [],
    urls: [],
  };
}

/** All clips and highlights of one article as one note (one file of the zip export). */
export function articleClipsMarkdown(
  stored: StoredArticle | undefined,
  clips: readonly Clip[],
  highlights: readonly Highlight[],
  opts: MarkdownOptions = {},
): string {
  const o = withDefaults(opts);
  const source = sourceFor(stored, clips, clips[0]?.articleKey ?? highlights[0]?.articleKey ?? '');
  const tags = unionTags(o.tags, ...clips.map((c) => c.tags), ...highlights.map((h) => h.tags));
  const blocks = [sourceFrontMatter(source, { ...o, tags }), ...headlineBlock(source)];
  blocks.push(...articleBody(clips, highlights, o, 2, { source, stored }), '---', citationLine(source, o));
  return blocks.join('\n\n') + '\n';
}
