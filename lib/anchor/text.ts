/**
 * Selectors over plain article text, for code without a DOM (the stitched reader keeps paragraphs as
 * an array; the CLI and exports work on Article objects). The text is the article's paragraphs
 * joined with '\n' — the same text `rootText(root)` gives for a root holding those paragraphs as
 * <p> elements, so a highlight made in one place anchors in the other.
 */
import type { Selectors } from '../model/index.ts';
import { type AnchorOptions, type NotFound, type TextMatch, matchNormalized } from './match.ts';
import { normalizeForMatch, toNormalized, trimSpan } from './normalize.ts';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_CHARS = 32;

/** The text selectors are computed over: article paragraphs joined with '\n'. */
export function articleText(paragraphs: ReadonlyArray<string | { text: string }>): string {
  return paragraphs.map((p) => (typeof p === 'string' ? p : p.text)).join('\n');
}

/** Builds selectors from a span [start, end) of already-normalised text; null when the span is blank. */
export function selectorsFromNormalized(
  norm: string,
  start: number,
  end: number,
  articleKey: string,
  paragraphOf: (index: number) => number = (i) => countBreaks(norm, i),
): Selectors | null {
  const [s, e] = trimSpan(norm, Math.max(0, start), Math.min(norm.length, end));
  if (e <= s) return null;
  return {
    exact: norm.slice(s, e),
    prefix: norm.slice(Math.max(0, s - CONTEXT_CHARS), s),
    suffix: norm.slice(e, e + CONTEXT_CHARS),
    start: s,
    end: e,
    paragraph: paragraphOf(s),
    articleKey,
  };
}

/** Selectors for raw offsets [start, end) of `text` (paragraphs joined with '\n'); null when blank. */
export function describeText(text: string, start: number, end: number, articleKey: string): Selectors | null {
  const { text: norm, map } = normalizeForMatch(text);
  return selectorsFromNormalized(norm, toNormalized(map, start), toNormalized(map, end), articleKey);
}

/** A point in the reader's paragraph array: paragraph index and offset inside its text. */
export interface ParagraphPoint {
  paragraph: number;
  offset: number;
}

/** Selectors for a selection given as paragraph points (the reader's own coordinates). */
export function describeParagraphs(
  paragraphs: ReadonlyArray<string | { text: string }>,
  from: ParagraphPoint,
  to: ParagraphPoint,
  articleKey: string,
): Selectors | null {
  const texts = paragraphs.map((p) => (typeof p === 'string' ? p : p.text));
  const offsetOf = (pt: ParagraphPoint): number => {
    const i = Math.max(0, Math.min(texts.length - 1, pt.paragraph));
    let at = 0;
    for (let k = 0; k < i; k++) at += texts[k].length + 1;
    return at + Math.max(0, Math.min(texts[i]?.length ?? 0, pt.offset));
  };
  return describeText(texts.join('\n'), offsetOf(from), offsetOf(to), articleKey);
}

/** Where `sel` sits in raw `text` today: raw offsets, or notFound. */
export function anchorText(text: string, sel: Selectors, opts?: AnchorOptions): TextMatch | NotFound {
  const { text: norm, map } = normalizeForMatch(text);
  const m = matchNormalized(norm, sel, opts);
  if ('notFound' in m) return m;
  // map[end - 1] + 1: the raw end right after the last matched char (skips dropped spaces after it).
  return { ...m, start: map[m.start], end: map[m.end - 1] + 1 };
}

/** Paragraph index of normalised offset `at`: the number of '\n' before it. */
function countBreaks(norm: string, at: number): number {
  let n = 0;
  for (let i = norm.indexOf('\n'); i >= 0 && i < at; i = norm.indexOf('\n', i + 1)) n++;
  return n;
}
