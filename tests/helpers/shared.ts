/**
 * Real pages from whole-repository snapshots live in ../shared/fixtures (SOURCES.md there) and are
 * read in place, never copied into the project. Without that folder the tests that need them skip,
 * saying why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** /work/shared/fixtures/ seen from this worktree (a sibling of the project checkout). */
export const SHARED_FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

/** Is the shared fixture folder there? */
export const HAVE_SHARED = existsSync(`${SHARED_FIXTURES}real/SOURCES.md`);

/** Why the tests that read shared pages skipped. */
export const NO_SHARED = `skipped: ${SHARED_FIXTURES} is absent (the real pages of SOURCES.md are read in place there)`;

/** A shared fixture's text (path relative to shared/fixtures/). */
export function sharedText(relative: string): string {
  return readFileSync(`${SHARED_FIXTURES}${relative}`, 'utf8');
}
