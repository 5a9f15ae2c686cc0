/**
 * Text evidence for matching continuation parts: title similarity (character-bigram Dice) and
 * whether one part's text already holds the other's (the 海南日报 duplicate regime, domain.md §3).
 */
import type { Article } from '../model';
import { SPACE_CLASS, stripZeroWidth } from '../text/chars';

const SPACES = new RegExp(`[${SPACE_CLASS}]+`, 'g');

/** Text with all white space (U+3000, NBSP included) and zero-width characters removed, for comparing. */
export function compact(s: string): string {
  return stripZeroWidth(s).replace(SPACES, '');
}

/** Character bigrams of compacted text as a multiset; a one-character text counts as its own bigram. */
function bigramCounts(s: string): Map<string, number> {
  const chars = Array.from(compact(s));
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Dice coefficient over character bigrams, 0..1. 「一张“纸”里的45亿元自贸港外贸账」 against itself is 1;
 * two empty titles score 0 (an empty title is no evidence either way).
 */
export function titleSimilarity(a: string, b: string): number {
  const x = bigramCounts(a);
  const y = bigramCounts(b);
  let nx = 0;
  let ny = 0;
  let both = 0;
  for (const n of x.values()) nx += n;
  for (const [g, n] of y) {
    ny += n;
    both += Math.min(n, x.get(g) ?? 0);
  }
  return nx + ny === 0 ? 0 : (2 * both) / (nx + ny);
}

/**
 * Do the two titles name the same story? Block titles may be cut short by the site (old 人民日报
 * cuts list titles to 20 characters), so a long enough prefix also counts.
 */
export function sameTitle(a: string, b: string): boolean {
  const x = compact(a);
  const y = compact(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 8 && long.startsWith(short)) return true;
  return titleSimilarity(x, y) >= 0.8;
}

// Compacted paragraph texts per article object: stitchPages compares the same parts many times.
const compacted = new WeakMap<Article, { texts: string[]; all: string }>();

function compactParagraphs(a: Article): { texts: string[]; all: string } {
  let hit = compacted.get(a);
  if (!hit) {
    const texts = a.paragraphs.map((p) => compact(p.text));
    hit = { texts, all: texts.join('') };
    compacted.set(a, hit);
  }
  return hit;
}

/** An article's body as one compacted string (what the duplicate test compares). */
export function bodyText(a: Article): string {
  return compactParagraphs(a).all;
}

/**
 * Where does `inner`'s text sit inside `outer`'s? The paragraph index of `outer` where the copy
 * begins and whether it begins mid-paragraph; null when `outer` does not hold `inner`'s whole text.
 * 07-09 一张“纸”…: page 6's 「橡胶乳胶制品…」 begins inside page 1's second-to-last long paragraph.
 */
export function findCopy(outer: Article, inner: Article): { paragraph: number; mid: boolean } | null {
  const needle = bodyText(inner);
  const { texts, all: hay } = compactParagraphs(outer);
  if (needle.length < 2 || needle.length > hay.length) return null;
  // The copy is the tail in every real pair; search from the end so a repeated phrase earlier on
  // does not win.
  const at = hay.lastIndexOf(needle);
  if (at < 0) return null;
  let start = 0;
  for (let i = 0; i < texts.length; i++) {
    const end = start + texts[i].length;
    if (at < end || i === texts.length - 1) return { paragraph: i, mid: at > start };
    start = end;
  }
  return null;
}
