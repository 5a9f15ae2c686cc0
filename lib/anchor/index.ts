/**
 * Highlight anchoring (domain.md §7): describe a selection as several selectors (quote + context,
 * position in the article's normalised text, paragraph, article key) and place them again on the
 * page or in the reader. Pure: the root element or the text is always a parameter.
 */
export {
  describe,
  anchor,
  anchorAll,
  locate,
  toRange,
  type DomAnchor,
  type DomLocation,
  type DomPoint,
} from './dom.ts';
export { buildView, rootText, paragraphAt, type DomView } from './view.ts';
export {
  articleText,
  describeText,
  describeParagraphs,
  anchorText,
  selectorsFromNormalized,
  CONTEXT_CHARS,
  type ParagraphPoint,
} from './text.ts';
export {
  matchNormalized,
  type AnchorMethod,
  type AnchorOptions,
  type NotFound,
  type TextMatch,
} from './match.ts';
export { normalizeForMatch, type Normalized } from './normalize.ts';
export { fuzzyFind, type FuzzyHit } from './fuzzy.ts';
