/**
 * One article as a Markdown note: YAML front matter (every value double-quoted), the headline block
 * (引题, `# 主题`, 副题, bylines), one line per paragraph, then the GB/T 7714 citation line.
 */
import type { Article, Highlight, SourceRef } from '../model';
import { sourceOf } from '../model';
import { authorsOf } from './bylines';
import { formatCitation, type CitationStyle } from './citation';
import { placeHighlights, renderMarked, type MarkStyle } from './marks';
import { escapeBlockStart, escapeInline, escapeParagraph, flattenParagraph, frontMatter } from './text';

/** Settings shared by every Markdown export. */
export interface MarkdownOptions {
  /** Citation punctuation: GB/T 7714-2015 (default) or 2025. */
  style?: CitationStyle;
  /** 引用日期 YYYY-MM-DD for online citations: the caller passes today's date (the clock is a parameter). */
  accessed?: string;
  /** Highlights as `==text==` (default) or `<mark>`. */
  marks?: MarkStyle;
  /** Crossheads (●拿下“基础题”…) as `## ` headings (default) or bold lines. */
  crossheads?: 'heading' | 'bold';
  /** Tags for the front matter. */
  tags?: readonly string[];
}

/** Resolved options with defaults. */
export function withDefaults(opts: MarkdownOptions = {}): Required<MarkdownOptions> {
  return {
    style: opts.style === '2025' ? '2025' : '2015',
    accessed: opts.accessed ?? '',
    marks: opts.marks === 'html' ? 'html' : 'equals',
    crossheads: opts.crossheads === 'bold' ? 'bold' : 'heading',
    tags: opts.tags ?? [],
  };
}

/** Front matter for one source: title, paper, date, pages, section (版名), authors, url, tags (+ accessed). */
export function sourceFrontMatter(source: SourceRef, o: Required<MarkdownOptions>): string {
  const fields: Array<[string, string | readonly string[]]> = [
    ['title', flattenParagraph(source.title || source.leadTitle || source.subtitle)],
  ];
  // 引题 and 副题 only when the article has them, right after the title they belong to.
  if (source.leadTitle.trim()) fields.push(['leadTitle', flattenParagraph(source.leadTitle)]);
  if (source.subtitle.trim()) fields.push(['subtitle', flattenParagraph(source.subtitle)]);
  fields.push(['paper', source.paper], ['date', source.date], ['pages', source.pages]);
  // 版名 only when the stored article names its page (records before it do not).
  const section = flattenParagraph(source.section ?? '').trim();
  if (section) fields.push(['section', section]);
  fields.push(['authors', authorsOf(source.bylines)], ['url', source.urls[0] ?? ''], ['tags', o.tags]);
  if (o.accessed) fields.push(['accessed', o.accessed]);
  return frontMatter(fields);
}

/**
 * Headline block lines: 引题, `#`-heading 主题 (at `level`), 副题, bylines. A byline the body
 * already prints is not repeated: the dateline paragraph 「株洲日报·掌上株洲讯(记者/罗欣) 2月3日，…」
 * begins with it, and a photo's credit 「株洲日报·掌上株洲记者/刘震摄」 is its own paragraph.
 */
export function headlineBlock(source: SourceRef, level = 1, body: readonly string[] = []): string[] {
  const out: string[] = [];
  if (source.leadTitle.trim()) out.push(escapeParagraph(source.leadTitle));
  const title = source.title.trim() ? source.title : '无题';
  out.push('#'.repeat(level) + ' ' + escapeInline(flattenParagraph(title)));
  if (source.subtitle.trim()) out.push(escapeParagraph(source.subtitle));
  const head = body.slice(0, 3).map((t) => flattenParagraph(t));
  const tail = body.slice(-3).map((t) => flattenParagraph(t));
  for (const b of source.bylines) {
    const byline = flattenParagraph(b);
    if (!byline) continue;
    if (head.some((t) => t.startsWith(byline)) || tail.includes(byline)) continue;
    out.push(escapeParagraph(byline));
  }
  return out;
}

/** The citation as a Markdown line: page text escaped, 「[N]」 literal, the URL as an autolink. */
export function citationLine(source: SourceRef, o: Required<MarkdownOptions>): string {
  const line = formatCitation(
    source,
    { style: o.style, accessed: o.accessed || undefined },
    // citationUrl only lets through http(s) without spaces; <, > and " are refused here too.
    { text: (t) => escapeInline(t), url: (u) => (/[<>"\\`]/.test(u) ? escapeInline(u) : '<' + u + '>') },
  );
  return escapeBlockStart(line);
}

/** One paragraph line by kind: crosshead heading/bold, caption italic, text and credit plain. */
export function paragraphLine(
  kind: string,
  marked: string,
  o: Required<MarkdownOptions>,
  headingLevel = 2,
): string {
  if (marked === '') return '';
  if (kind === 'crosshead') {
    return o.crossheads === 'bold' ? '**' + marked + '**' : '#'.repeat(headingLevel) + ' ' + marked;
  }
  // A whole line in `*…*` is always emphasis, whatever punctuation it starts or ends with.
  if (kind === 'caption') return '*' + marked + '*';
  return escapeBlockStart(marked);
}

/** The article's body lines, highlights marked; returns the highlights that could not be placed. */
export function bodyLines(
  article: Article,
  highlights: readonly Highlight[],
  o: Required<MarkdownOptions>,
  headingLevel = 2,
): { lines: string[]; unplaced: Highlight[] } {
  const texts = article.paragraphs.map((p) => flattenParagraph(p.text));
  const { spans, unplaced } = placeHighlights(
    texts,
    texts.map((_, i) => i),
    highlights,
  );
  const lines: string[] = [];
  texts.forEach((text, i) => {
    const line = paragraphLine(
      article.paragraphs[i].kind,
      renderMarked(text, spans[i], o.marks),
      o,
      headingLevel,
    );
    if (line) lines.push(line);
  });
  return { lines, unplaced };
}

/** A highlight that is not in the text any more, kept as a quote so nothing is lost. */
export function unplacedLines(unplaced: readonly Highlight[]): string[] {
  const out: string[] = [];
  for (const h of unplaced) {
    out.push('> ' + escapeParagraph(h.selectors.exact));
    if (h.note.trim()) out.push(escapeParagraph(h.note));
  }
  return out;
}

/** A whole article as a Markdown note, with its highlights marked inline. Never throws. */
export function articleMarkdown(
  article: Article,
  opts: MarkdownOptions & { highlights?: readonly Highlight[] } = {},
): string {
  const o = withDefaults(opts);
  const source = sourceOf(article);
  const { lines, unplaced } = bodyLines(article, opts.highlights ?? [], o);
  const texts = article.paragraphs.map((p) => p.text);
  const blocks = [sourceFrontMatter(source, o), ...headlineBlock(source, 1, texts), ...lines];
  if (unplaced.length) blocks.push('## 未能在正文中找到的划线', ...unplacedLines(unplaced));
  blocks.push('---', citationLine(source, o));
  return blocks.join('\n\n') + '\n';
}
