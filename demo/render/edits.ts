/**
 * The demo's deliberate changes to the published text, so that it shows every continuation regime
 * (documented in demo/README.md): the site publishes part 1 of a continued story whole (duplicate
 * regime); print cuts it where part 2 begins and ends it with 「下转A02版」 (split regime). We cut
 * 07-13 「一枚“海南芯”…」 and 07-10 「这届海口商圈…」 that way, and leave page 004 of 07-10 out.
 */
import type { DemoArticle, DemoIssue } from './data';

/** Text without white space, for finding where one text's copy begins in another. */
function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * Part 1 as print has it: its paragraphs up to where part 2's body (after the 上接 marker) begins,
 * cut mid-paragraph when the page break fell there, then the to-marker as its own paragraph.
 * Null when part 1 does not hold part 2's text (then the demo cannot cut honestly).
 */
export function cutAsPrint(part1: string[], part2: string[], toMarker: string): string[] | null {
  const body = part2.slice(1);
  if (!body.length) return null;
  const head = compact(body[0]);
  for (let i = 0; i < part1.length; i++) {
    const at = part1[i].indexOf(body[0]);
    const found = at >= 0 ? at : compact(part1[i]) === head ? 0 : -1;
    if (found < 0) continue;
    const rest = compact(part1.slice(i).join('')).slice(compact(part1[i].slice(0, found)).length);
    if (rest !== compact(body.join(''))) return null;
    const before = part1[i].slice(0, found).trim();
    return [...part1.slice(0, i), ...(before ? [before] : []), toMarker];
  }
  return null;
}

function find(issue: DemoIssue, id: string): DemoArticle | undefined {
  for (const p of issue.pages) for (const a of p.articles) if (a.id === id) return a;
  return undefined;
}

/** One split edit: which article to cut, after which its continuation, and the marker print uses. */
export interface SplitEdit {
  part1: string;
  part2: string;
  toMarker: string;
}

/** The demo's split edits, by date. */
export const SPLIT_EDITS: Record<string, SplitEdit[]> = {
  // 一枚“海南芯”，让“意念控制”照进现实: 001 → 002, the break fell at a paragraph boundary.
  '2026-07-13': [{ part1: '19697256', part2: '19697268', toMarker: '下转A02版' }],
  // 这届海口商圈，开始赚“慢钱”: 001 → 004, the break fell mid-sentence after 「，」; 004 is left out.
  '2026-07-10': [{ part1: '19691675', part2: '19691717', toMarker: '下转A04版' }],
};

/** Pages the demo leaves out (a continuation whose page is missing), by date: page numbers. */
export const MISSING_PAGES: Record<string, string[]> = { '2026-07-10': ['004'] };

/**
 * Apply the split edits and mark the missing pages (still listed in the page list, as a page the site
 * failed to publish would be, but not rendered: the server answers 404). Returns a new issue.
 */
export function applyEdits(issue: DemoIssue): DemoIssue {
  const out: DemoIssue = structuredClone(issue);
  for (const edit of SPLIT_EDITS[issue.date] ?? []) {
    const a = find(out, edit.part1);
    const b = find(out, edit.part2);
    const cut = a?.paragraphs && b?.paragraphs ? cutAsPrint(a.paragraphs, b.paragraphs, edit.toMarker) : null;
    if (!a || !cut) throw new Error(`demo: cannot cut ${edit.part1} where ${edit.part2} begins`);
    a.paragraphs = cut;
  }
  const missing = new Set(MISSING_PAGES[issue.date] ?? []);
  for (const p of out.pages) if (missing.has(p.number)) p.missing = true;
  return out;
}
