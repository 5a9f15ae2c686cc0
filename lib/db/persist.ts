/**
 * Asks the browser not to evict the library under storage pressure (navigator.storage.persist()).
 * Takes the navigator as a parameter; Chrome grants it silently to installed extensions, Firefox may
 * ask the user, and a refusal is not an error: the data is kept, just not guaranteed.
 */
import type { Result } from '../model/index.ts';

/** The part of `navigator` this needs. */
export interface NavigatorLike {
  storage?: { persisted?: () => Promise<boolean>; persist?: () => Promise<boolean> };
}

/** True when storage is (now) persistent; an error when the API is missing or fails. */
export async function requestPersistence(nav: NavigatorLike | undefined): Promise<Result<boolean>> {
  const storage = nav?.storage;
  if (!storage?.persist)
    return {
      ok: false,
      error: 'This browser does not offer persistent storage (navigator.storage.persist).',
    };
  try {
    if (storage.persisted && (await storage.persisted())) return { ok: true, value: true };
    return { ok: true, value: await storage.persist() };
  } catch (e) {
    return {
      ok: false,
      error: `Persistent storage request failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
