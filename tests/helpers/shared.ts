/**
 * Real pages from whole-repository snapshots live in ../shared/fixtures (SOURCES.md there) and are
 * read in place, never copied into the project. Without that folder the tests that need them skip,
 * saying why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * ../shared/fixtures/ beside the project checkout (tests run from its root). Not import.meta.url:
 * under the happy-dom environment it is no file: URL.
 */
export const SHARED_FIXTURES = `${resolve(process.cwd(), '..', 'shared', 'fixtures')}/`;

/** Is the shared fixture folder there? */
export const HAVE_SHARED = existsSync(`${SHARED_FIXTURES}real/SOURCES.md`);

/** Why the tests that read shared pages skipped. */
export const NO_SHARED = `skipped: ${SHARED_FIXTURES} is absent (the real pages of SOURCES.md are read in place there)`;

/** A shared fixture's text (path relative to shared/fixtures/). */
export function sharedText(relative: string): string {
  return readFileSync(`${SHARED_FIXTURES}${relative}`, 'utf8');
}
