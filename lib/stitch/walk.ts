/**
 * Walking a continuation chain in one direction: forward along 下转 (and same-title neighbours),
 * backward along 上接, one page at a time (a part's marker is only known once its page is read),
 * each page's candidate article pages loaded concurrently. Stops on cycles and missing pages.
 */
import type { Article } from '../model';
import { splitLabel, labelsMatch } from '../text/labels';
import { compact } from './evidence';
import { candidatesOn, isListed, loadPage, refFor, type LoadContext } from './load';
import { bestMatch, blockMayMatch, specificTitle, type Direction } from './match';

/** Longest chain followed; real chains have two or three parts (A1 → A4 → A5). */
export const MAX_PARTS = 12;

/** One part found by the walk, and the regime of its link to the part before it in reading order. */
export interface Piece {
  article: Article;
  regime: 'split' | 'same-title';
}

/** Identity of a part across loads: URL + order on the page + title (text pages share one URL). */
export function pieceId(a: Article): string {
  return `${a.urls[0] ?? ''}|${a.order}|${compact(a.title)}`;
}

/** The page printed right after (or before) `label` in the same section: A4 → A5, 6 → 5. */
export function neighbour(label: string, direction: Direction): string {
  const { letter, num } = splitLabel(label);
  if (!Number.isFinite(num)) return '';
  const n = direction === 'forward' ? num + 1 : num - 1;
  return n >= 1 ? `${letter}${n}` : '';
}

function markerText(direction: Direction, label: string): string {
  return direction === 'forward' ? `下转${label}版` : `上接${label}版`;
}

function quoted(title: string): string {
  return title ? `「${title.replace(/\s+/g, ' ')}」` : 'this untitled part';
}

/** Find the other part on page `label`; problems say what is missing. */
async function findPart(
  ctx: LoadContext,
  cur: Article,
  direction: Direction,
  label: string,
  marker: boolean,
): Promise<{ found: Article | null; problems: string[] }> {
  const said = markerText(direction, label);
  const loaded = await loadPage(ctx, refFor(ctx, label));
  if (!loaded.ok) {
    // A neighbour probed for a same-title part is a guess: its absence is no problem.
    return {
      found: null,
      problems: marker ? [`${said}: page ${label} is not available (${loaded.error})`] : [],
    };
  }
  const { candidates, failures } = await candidatesOn(ctx, loaded.page, (t) =>
    blockMayMatch(cur, t, !marker),
  );
  const match = bestMatch(cur, candidates, direction, marker);
  if (match) {
    const problems = match.ambiguous
      ? [
          `${said}: several articles on page ${label} could be the other part of ${quoted(cur.title)}; took the first`,
        ]
      : [];
    return { found: match.candidate.article, problems };
  }
  const failed = failures.map((f) => `${quoted(f.title)} ${f.href} (${f.error})`).join('; ');
  if (!marker) {
    return {
      found: null,
      problems: failures.length
        ? [
            `${quoted(cur.title)} may continue on page ${label}, which lists the same title, but its page could not be loaded: ${failed}`,
          ]
        : [],
    };
  }
  const why = failures.length ? `; article pages that could not be loaded: ${failed}` : '';
  return {
    found: null,
    problems: [
      direction === 'forward'
        ? `${said}: no article on page ${label} continues ${quoted(cur.title)}${why}`
        : `${said}: no article on page ${label} is the start of ${quoted(cur.title)}${why}`,
    ],
  };
}

/**
 * Follow the chain from `start` in one direction. `probeNeighbours` also looks at the adjacent page
 * for a same-title part when there is no marker (中国青年报 05版 → 06版).
 */
export async function walk(
  ctx: LoadContext,
  start: Article,
  direction: Direction,
  probeNeighbours: boolean,
): Promise<{ pieces: Piece[]; problems: string[] }> {
  const pieces: Piece[] = [];
  const problems: string[] = [];
  const labels = [...start.pages];
  let cur = start;
  let probing = probeNeighbours;
  for (;;) {
    const target = direction === 'forward' ? cur.continuesTo : cur.continuedFrom;
    const here = direction === 'forward' ? cur.pages[cur.pages.length - 1] : cur.pages[0];
    let label = target;
    const marker = Boolean(target);
    if (!marker) {
      if (!probing || !here || !specificTitle(cur.title)) break;
      label = neighbour(here, direction);
      // With a page list, probe only pages the issue has.
      if (!label || (ctx.links.length > 0 && !isListed(ctx, label))) break;
    }
    if (labels.some((l) => labelsMatch(l, label))) {
      if (marker)
        problems.push(
          `${markerText(direction, label)}: page ${label} is already part of this article (a cycle); stopped there`,
        );
      break;
    }
    if (pieces.length + 1 >= MAX_PARTS) {
      problems.push(`${markerText(direction, label)}: more than ${MAX_PARTS} parts; stopped there`);
      break;
    }
    const step = await findPart(ctx, cur, direction, label, marker);
    problems.push(...step.problems);
    if (!step.found) break;
    pieces.push({ article: step.found, regime: marker ? 'split' : 'same-title' });
    labels.push(...step.found.pages);
    cur = step.found;
    // A part found next door that carries a marker (07-13 海南重卡 002: 「◀上接A01版」) is the duplicate
    // regime's other half: the story is complete, no need to look at the page after it.
    if (cur.continuesTo || cur.continuedFrom) probing = false;
  }
  return { pieces, problems };
}
