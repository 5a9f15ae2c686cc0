/**
 * Golden files of stitched articles (tests/golden/stitch/<name>.json). Regenerate only on purpose:
 * `UPDATE_GOLDEN=1 npx vitest run --project unit tests/stitch`, then read the diff.
 */
import type { Article } from '../../lib/model';
import { jsonGolden } from '../helpers/golden';

/** The parts of a stitch result worth pinning: where each paragraph came from, and the problems. */
export function summary(a: Article, problems: string[]) {
  return {
    title: a.title,
    paper: a.paper,
    date: a.date,
    pages: a.pages,
    urls: a.urls,
    parts: a.parts,
    continuesTo: a.continuesTo,
    continuedFrom: a.continuedFrom,
    bylines: a.bylines,
    paragraphs: a.paragraphs.map((p) => (p.kind === 'text' ? p.text : { text: p.text, kind: p.kind })),
    problems,
  };
}

/** Compare with (or, with UPDATE_GOLDEN=1, write) tests/golden/stitch/<name>.json. */
export const golden = jsonGolden('stitch');
