/**
 * Which article on the target page is the other part of ours? Evidence, strongest first: text
 * (one part holds a copy of the other: the duplicate regime), the marker (its 上接 names our page),
 * the title (identical in 10 of 10 real pairs). Empty titles exist: then marker and text decide.
 */
import type { Article } from '../model';
import { labelsMatch } from '../text/labels';
import { compact, findCopy, sameTitle, titleSimilarity } from './evidence';
import type { Candidate } from './load';

/** 'forward': the candidate is printed after ours (we followed 下转); 'backward': before (上接). */
export type Direction = 'forward' | 'backward';

// Titles that many unrelated items share on neighbouring pages; never evidence of a continuation.
const GENERIC_TITLES = new Set([
  '导读',
  '编者按',
  '图片新闻',
  '广告',
  '公告',
  '启事',
  '声明',
  '短评',
  '图片报道',
  '本版导读',
]);

/** Is the title specific enough to link two pages with no marker (same-title regime)? */
export function specificTitle(title: string): boolean {
  const t = compact(title);
  return Array.from(t).length >= 4 && !GENERIC_TITLES.has(t);
}

/** May a block with this title be (a page of) our article's other part? Decides which article pages to load. */
export function blockMayMatch(ours: Article, blockTitle: string, needTitle: boolean): boolean {
  if (!compact(ours.title) || !compact(blockTitle)) return !needTitle;
  return sameTitle(ours.title, blockTitle) || titleSimilarity(ours.title, blockTitle) >= 0.5;
}

interface Scored {
  candidate: Candidate;
  score: number;
}

/**
 * Score one candidate; null when the evidence rules it out. `marker` says whether we followed a
 * marker (split regime) or are probing a neighbouring page for the same title (no marker).
 */
function score(ours: Article, c: Article, direction: Direction, marker: boolean): number | null {
  const ourLabel = direction === 'forward' ? ours.pages[ours.pages.length - 1] : ours.pages[0];
  if (ours.urls.some((u) => c.urls.includes(u)) && c.order === ours.order) return null;
  // The candidate's own marker must point back at our page: 「上接A01版」 for a story from A1.
  const back = direction === 'forward' ? c.continuedFrom : c.continuesTo;
  if (back && ourLabel && !labelsMatch(back, ourLabel)) return null;
  const markerEvidence = Boolean(back);
  const copy =
    direction === 'forward' ? findCopy(ours, c) || findCopy(c, ours) : findCopy(c, ours) || findCopy(ours, c);
  const titled = Boolean(compact(ours.title) && compact(c.title));
  const titleSame = titled && sameTitle(ours.title, c.title);
  // Two stories of page 1 often both continue on page 2 (07-13: 海南芯 and 海南重卡): a different
  // title rules a candidate out unless its text is a copy of ours.
  if (titled && !titleSame && !copy) return null;
  if (!marker) {
    // Same-title regime: the title must be specific and the same, or the text must repeat.
    if (!copy && !(titleSame && specificTitle(ours.title))) return null;
  } else if (!copy && !titleSame && !markerEvidence) {
    // Followed a marker, but nothing ties this untitled candidate to us.
    return null;
  }
  return (
    (copy ? 4 : 0) +
    (markerEvidence ? 2 : 0) +
    (titleSame ? 2 : 0) +
    (titled ? titleSimilarity(ours.title, c.title) : 0)
  );
}

/** The best-supported candidate, or null; `ambiguous` when two candidates tie on evidence. */
export function bestMatch(
  ours: Article,
  candidates: Candidate[],
  direction: Direction,
  marker: boolean,
): { candidate: Candidate; ambiguous: boolean } | null {
  const scored: Scored[] = [];
  for (const candidate of candidates) {
    const s = score(ours, candidate.article, direction, marker);
    if (s !== null) scored.push({ candidate, score: s });
  }
  if (!scored.length) return null;
  // Stable: on a tie the candidate printed first on the page wins.
  scored.sort((a, b) => b.score - a.score || a.candidate.article.order - b.candidate.article.order);
  const ambiguous = scored.length > 1 && scored[1].score === scored[0].score;
  return { candidate: scored[0].candidate, ambiguous };
}
