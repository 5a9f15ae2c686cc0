/**
 * Golden files of stitched articles (tests/golden/stitch/<name>.json). Regenerate only on purpose:
 * `UPDATE_GOLDEN=1 npx vitest run --project unit tests/stitch`, then read the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Article } from '../../lib/model';

const GOLDEN_DIR = fileURLToPath(new URL('../golden/stitch/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

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
export function golden(name: string, value: unknown): void {
  const path = `${GOLDEN_DIR}${name}.json`;
  const json = `${JSON.stringify(value, null, 2)}\n`;
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, json);
    return;
  }
  expect(existsSync(path), `missing golden ${name}.json: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
