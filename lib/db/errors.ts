/**
 * Storage failures as values with a sentence a reader can act on. Every repository call goes through
 * `guard`, so nothing is thrown to the page and a failed transaction has written nothing.
 */
import type { Result } from '../model/index.ts';

/** Names of an error and of the errors it wraps (Dexie wraps DOMExceptions in `inner`). */
function names(e: unknown): string[] {
  const out: string[] = [];
  for (
    let x = e as { name?: unknown; inner?: unknown } | undefined, i = 0;
    x && i < 5;
    x = x.inner as typeof x, i++
  ) {
    if (typeof x.name === 'string') out.push(x.name);
  }
  return out;
}

/** A clear message for a storage error. */
export function storageMessage(e: unknown): string {
  if (e instanceof InvalidRecordError) return e.message;
  const n = names(e);
  if (n.includes('QuotaExceededError')) {
    return 'Storage is full: the browser refused to save (QuotaExceededError). Nothing was saved. Free disk space or export and delete old clips, then try again.';
  }
  if (n.includes('DatabaseClosedError')) {
    return 'The library database is closed (the extension was updated or reloaded). Nothing was saved. Reload the page and try again.';
  }
  if (n.includes('VersionError')) {
    return 'The library was opened by a newer version of the extension. Update the extension to use it.';
  }
  if (n.includes('InvalidStateError') || n.includes('MissingAPIError')) {
    return 'The library database cannot be opened here (IndexedDB is unavailable, e.g. in a private window).';
  }
  const msg = e instanceof Error ? e.message : String(e);
  return `The library could not complete the operation: ${msg}`;
}

/** Runs a storage operation and turns any failure into `{ ok: false, error }`. */
export async function guard<T>(op: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await op() };
  } catch (e) {
    return { ok: false, error: storageMessage(e) };
  }
}

/** An error for a record that is not there, reported like other failures. */
export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} is not in the library (deleted in another tab?)`);
    this.name = 'NotFoundError';
  }
}

/** A record that fails its schema (lib/model/schemas.ts): refused before anything is written. */
export class InvalidRecordError extends Error {
  /** `sentence`: what was refused and the first problem, e.g. 「The clip was not saved: note: …」. */
  constructor(sentence: string) {
    super(`${sentence}. Nothing was saved.`);
    this.name = 'InvalidRecordError';
  }
}
