/**
 * Many articles' clips and highlights in one Markdown document (a selection from the library page,
 * or everything), grouped by article and ordered by publication date, paper and first page.
 */
import type { Clip, Highlight, LibraryData, SourceRef, StoredArticle } from '../model';
import { authorsOf } from './bylines';
import { articleBody, sourceFor, unionTagLists } from './clips';
import { citationLine, withDefaults, type MarkdownOptions } from './markdown';
import { escapeInline, escapeParagraph, flattenParagraph, frontMatter, type FrontMatterValue } from './text';

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
  // Counts as numbers; tags are every item's tags (and the export's own), as one list of tags.
  const tags = unionTagLists([
    o.tags,
    ...data.clips.map((c) => c.tags),
    ...data.highlights.map((h) => h.tags),
  ]);
  const fields: Array<[string, FrontMatterValue]> = [
    ['title', opts.title ?? '摘录'],
    ['articles', groups.length],
    ['clips', data.clips.length],
    ['highlights', data.highlights.length],
    ['tags', tags],
  ];
  if (opts.exportedAt) fields.push(['exported', opts.exportedAt]);
  const blocks = [frontMatter(fields), '# ' + escapeInline(flattenParagraph(opts.title ?? '摘录'))];
  for (const g of groups) {
    blocks.push('## ' + escapeInline(flattenParagraph(g.source.title || g.source.leadTitle || '无题')));
    const meta = metaLine(g.source);
    if (meta) blocks.push(meta);
    blocks.push(
      ...articleBody(g.clips, g.highlights, o, 3, { source: g.source, stored: g.stored }),
      citationLine(g.source, o),
    );
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
