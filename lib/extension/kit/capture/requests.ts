/**
 * What the toolbar sends: a highlight (selectors over the article text + colour + note), a clip (the
 * paragraphs the selection touches, their indexes in the (stitched) article, the full source), or the
 * quote with its GB/T 7714 citation for the clipboard. Pure: the surface and the selectors are given.
 */
import { sourceOf, type HighlightColor, type Selectors } from '../../../model';
import type { Request } from '../../../messaging';
import { paragraphsTouched, type Surface } from './surface';

/** The `saveHighlight` request for a selection, with the article so the library keeps its text. */
export function highlightRequest(
  s: Pick<Surface, 'article'>,
  selectors: Selectors,
  color: HighlightColor,
  note = '',
  tags: string[] = [],
): Request<'saveHighlight'> {
  return {
    type: 'saveHighlight',
    highlight: { articleKey: s.article.key, color, selectors, note, tags },
    article: s.article,
  };
}

/** The `saveClip` request: every paragraph the selection touches, whole, with the article's source. */
export function clipRequest(
  s: Pick<Surface, 'article' | 'text'>,
  selectors: Selectors,
  note = '',
  tags: string[] = [],
): Request<'saveClip'> {
  const indexes = paragraphsTouched(s, selectors).filter((i) => i < s.article.paragraphs.length);
  return {
    type: 'saveClip',
    clip: {
      articleKey: s.article.key,
      paragraphs: indexes.map((i) => s.article.paragraphs[i].text),
      paragraphIndexes: indexes,
      note,
      tags,
      source: sourceOf(s.article),
    },
    article: s.article,
  };
}

/** The quote and its reference for the clipboard: one rule for the reader and paste mode (lib/export/quote). */
export { quoteWithCitation } from '../../../export/quote';

/** Today's date as YYYY-MM-DD in local time (the 引用日期 of an online citation). */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Tags as typed: 「芯片 脑机接口」, 「芯片，脑机接口」, 「#芯片、#三亚」 → each once, in order. */
export function parseTags(typed: string): string[] {
  return [...new Set(typed.split(/[\s,，、;；#＃]+/).filter((x) => x !== ''))];
}
