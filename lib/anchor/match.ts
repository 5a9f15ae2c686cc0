/**
 * Re-anchoring on normalised text: where does a stored quote sit in today's text? Exact quote first
 * (context decides between repeats, the stored position breaks ties), fuzzy only for quotes of 8+
 * characters (domain.md §7: a fuzzy 「株洲」 lands on the wrong 株洲).
 */
import type { Selectors } from '../model/index.ts';
import { fuzzyFind } from './fuzzy.ts';
import { normalizeForMatch, trimSpan } from './normalize.ts';

/** How a highlight was placed: unique exact quote, context among repeats, position among equals, or fuzzy. */
export type AnchorMethod = 'exact' | 'context' | 'position' | 'fuzzy';

/** A placed quote: [start, end) in the text that was searched, with a confidence in [0, 1]. */
export interface TextMatch {
  start: number;
  end: number;
  score: number;
  method: AnchorMethod;
}

/** A quote that cannot be placed: the highlight is kept and listed as "not found on this page". */
export interface NotFound {
  notFound: true;
}

/** Tuning knobs; the defaults are what the extension uses. */
export interface AnchorOptions {
  /** Minimum similarity (1 - edits / length) of a fuzzy match. Default 0.8. */
  minSimilarity?: number;
  /** Quotes shorter than this are never matched fuzzily. Default 8. */
  minFuzzyLength?: number;
}

const MAX_OCCURRENCES = 5000;
/** A quote shorter than the fuzzy minimum needs this many characters of prefix/suffix agreement. */
const SHORT_QUOTE_CONTEXT = 4;

/** Places `sel` in normalised text `text` (as built by normalizeForMatch or the DOM view). */
export function matchNormalized(
  text: string,
  sel: Selectors,
  opts: AnchorOptions = {},
): TextMatch | NotFound {
  const minSimilarity = opts.minSimilarity ?? 0.8;
  const minFuzzyLength = opts.minFuzzyLength ?? 8;
  const exact = normalizeForMatch(sel.exact ?? '').text;
  if (exact.length === 0) return { notFound: true };
  const prefix = sel.prefix ?? '';
  const suffix = sel.suffix ?? '';
  const hint = Number.isFinite(sel.start) ? sel.start : 0;

  const found: Array<{ at: number; ctx: Context }> = [];
  for (
    let at = text.indexOf(exact);
    at >= 0 && found.length < MAX_OCCURRENCES;
    at = text.indexOf(exact, at + 1)
  ) {
    found.push({ at, ctx: context(text, at, at + exact.length, prefix, suffix) });
  }
  const isShort = exact.length < minFuzzyLength;
  // Short quotes must agree with a little of their context: 「株洲」 alone proves nothing.
  const usable = isShort
    ? found.filter((f) => f.ctx.agreeing >= Math.min(SHORT_QUOTE_CONTEXT, f.ctx.total))
    : found;
  if (usable.length > 0) return pickExact(usable, found.length, exact.length, hint);
  if (isShort || found.length > 0) return { notFound: true };

  const hit = fuzzyFind(text, exact, hint, minSimilarity);
  if (!hit) return { notFound: true };
  const [start, end] = trimSpan(text, hit.start, hit.end);
  if (end <= start) return { notFound: true };
  const ctx = context(text, start, end, prefix, suffix);
  return { start, end, score: round(hit.similarity * (0.8 + 0.2 * ctx.ratio)), method: 'fuzzy' };
}

/** Chooses among exact occurrences: best context, then nearest to the stored position. */
function pickExact(
  found: Array<{ at: number; ctx: Context }>,
  seen: number,
  length: number,
  hint: number,
): TextMatch {
  if (seen === 1) {
    const only = found[0];
    return {
      start: only.at,
      end: only.at + length,
      score: round(0.8 + 0.2 * only.ctx.ratio),
      method: 'exact',
    };
  }
  let bestRatio = -1;
  for (const f of found) bestRatio = Math.max(bestRatio, f.ctx.ratio);
  const top = found.filter((f) => f.ctx.ratio >= bestRatio - 1e-9);
  let best = top[0];
  for (const f of top) if (Math.abs(f.at - hint) < Math.abs(best.at - hint)) best = f;
  const method: AnchorMethod = top.length === 1 ? 'context' : 'position';
  // Ties broken only by position are less certain than a context win.
  const score = round((0.8 + 0.2 * best.ctx.ratio) * (method === 'position' ? 0.9 : 1));
  return { start: best.at, end: best.at + length, score, method };
}

interface Context {
  /** Characters of prefix and suffix that agree with the text around the occurrence. */
  agreeing: number;
  /** Characters of prefix and suffix stored. */
  total: number;
  /** agreeing / total, 1 when nothing was stored. */
  ratio: number;
}

/** How much of the stored prefix/suffix the text around [start, end) agrees with (from the quote outwards). */
function context(text: string, start: number, end: number, prefix: string, suffix: string): Context {
  let p = 0;
  while (p < prefix.length && start - 1 - p >= 0 && text[start - 1 - p] === prefix[prefix.length - 1 - p])
    p++;
  let s = 0;
  while (s < suffix.length && end + s < text.length && text[end + s] === suffix[s]) s++;
  const total = prefix.length + suffix.length;
  return { agreeing: p + s, total, ratio: total === 0 ? 1 : (p + s) / total };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
