/**
 * Clips and highlights as Markdown: one clip, one article's clips, a selection, or the whole library.
 * Each clip is a blockquote of the paragraphs it took, highlights marked inline, its note below.
 */
import type { Clip, Highlight, LibraryData, SourceRef, StoredArticle } from '../model';
import { sourceOf } from '../model';
import { authorsOf } from './bylines';
import { placeHighlights, renderMarked } from './marks';
import {
  citationLine,
  headlineBlock,
  sourceFrontMatter,
  withDefaults,
  type MarkdownOptions,
} from './markdown';
import { escapeBlockStart, escapeInline, escapeParagraph, flattenParagraph, frontMatter } from './text';

type Opts = Required<MarkdownOptions>;

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

function tagLine(tags: readonly string[]): string[] {
  const clean = tags.map((t) => flattenParagraph(t)).filter((t) => t !== '');
  return clean.length ? ['标签：' + clean.map((t) => escapeInline(t)).join('、')] : [];
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
  blocks.push(...noteLines(clip.note), ...tagLine(clip.tags));
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

/** Clips of one article in reading order, then the highlights that lie in none of them. */
function articleBody(
  clips: readonly Clip[],
  highlights: readonly Highlight[],
  o: Opts,
  level: number,
): string[] {
  const blocks: string[] = [];
  const placed = new Set<string>();
  for (const clip of [...clips].sort(byPosition)) {
    const r = clipBlocks(clip, highlights, o);
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
      blocks.push('> ' + escapeParagraph(h.selectors.exact), ...noteLines(h.note), ...tagLine(h.tags));
    }
  }
  return blocks;
}

function unionTags(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat().filter((t) => t.trim() !== ''))];
}

/** One clip as a Markdown note: front matter, title, the quote with highlights, note, citation. */
export function clipMarkdown(
  clip: Clip,
  highlights: readonly Highlight[] = [],
  opts: MarkdownOptions = {},
): string {
  const o = withDefaults(opts);
  const fm = sourceFrontMatter(clip.source, { ...o, tags: unionTags(o.tags, clip.tags) });
  const { blocks } = clipBlocks(clip, highlights, o);
  return (
    [fm, ...headlineBlock(clip.source), ...blocks, '---', citationLine(clip.source, o)].join('\n\n') + '\n'
  );
}

/** The source of an article: the stored copy when there is one, else what its first clip kept. */
function sourceFor(stored: StoredArticle | undefined, clips: readonly Clip[], key: string): SourceRef {
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
  blocks.push(...articleBody(clips, highlights, o, 2), '---', citationLine(source, o));
  return blocks.join('\n\n') + '\n';
}

/** One article's clips and highlights, grouped by article key, in a stable order. */
export interface ArticleGroup {
  key: string;
  source: SourceRef;
  stored?: StoredArticle;
  clips: Clip[];
  highlights: Highlight[];
}

/** Group a library (or a selection of it) by article: by date, paper, first page, then key. */
export function groupByArticle(data: LibraryData): ArticleGroup[] {
  const stored = new Map(data.articles.map((a) => [a.key, a]));
  const groups = new Map<string, ArticleGroup>();
  const group = (key: string): ArticleGroup => {
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        source: sourceFor(stored.get(key), [], key),
        stored: stored.get(key),
        clips: [],
        highlights: [],
      };
      groups.set(key, g);
    }
    return g;
  };
  for (const c of data.clips) {
    const g = group(c.articleKey);
    if (g.clips.length === 0 && !g.stored) g.source = c.source;
    g.clips.push(c);
  }
  for (const h of data.highlights) group(h.articleKey).highlights.push(h);
  const keyed = [...groups.values()].map((g) => ({
    g,
    k: [g.source.date, g.source.paper, g.source.pages[0] ?? '', g.key].join('\u0000'),
  }));
  return keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.g);
}

/** 「株洲日报 · 2022-02-07 · A1, A4 · 李军, 谭雪平, 陈志」: where an article section came from. */
function metaLine(s: SourceRef): string {
  const parts = [s.paper, s.date, s.pages.join(', '), authorsOf(s.bylines).join(', ')].filter(
    (x) => x.trim() !== '',
  );
  return parts.length ? escapeParagraph(parts.join(' · ')) : '';
}

/** Several articles' clips in one Markdown document (a selection, or everything). */
export function selectionMarkdown(
  data: LibraryData,
  opts: MarkdownOptions & { title?: string; exportedAt?: string } = {},
): string {
  const o = withDefaults(opts);
  const groups = groupByArticle(data);
  const fields: Array<[string, string | readonly string[]]> = [
    ['title', opts.title ?? '摘录'],
    ['articles', String(groups.length)],
    ['clips', String(data.clips.length)],
    ['highlights', String(data.highlights.length)],
    ['tags', o.tags],
  ];
  if (opts.exportedAt) fields.push(['exported', opts.exportedAt]);
  const blocks = [frontMatter(fields), '# ' + escapeInline(flattenParagraph(opts.title ?? '摘录'))];
  for (const g of groups) {
    blocks.push('## ' + escapeInline(flattenParagraph(g.source.title || g.source.leadTitle || '无题')));
    const meta = metaLine(g.source);
    if (meta) blocks.push(meta);
    blocks.push(...articleBody(g.clips, g.highlights, o, 3), citationLine(g.source, o));
  }
  return blocks.join('\n\n') + '\n';
}

/** The whole library as one Markdown document. */
export function libraryMarkdown(
  data: LibraryData,
  opts: MarkdownOptions & { exportedAt?: string } = {},
): string {
  return selectionMarkdown(data, { ...opts, title: '全部摘录' });
}
