/**
 * Loading the reader kit into the content script: `import()` of the extension's own reader-kit.js
 * (listed in web_accessible_resources so the page's frame may load it), which leaves the kit on a
 * global of the isolated world. One load per page; a failure is retried on the next use.
 */
import type { ReaderKit } from './reader-kit';

/** The isolated-world global the kit script sets. */
export const KIT_GLOBAL = '__epaperReaderKit';
/** Path of the built kit script inside the extension. */
export const KIT_PATH = '/reader-kit.js';

/** A loader for the kit at `url` (browser.runtime.getURL(KIT_PATH)). */
export function kitLoader(url: string): () => Promise<ReaderKit> {
  let loading: Promise<ReaderKit> | null = null;
  return () =>
    (loading ??= import(/* @vite-ignore */ url).then(() => {
      const kit = (globalThis as Record<string, unknown>)[KIT_GLOBAL] as ReaderKit | undefined;
      if (!kit) throw new Error('reader kit did not load');
      return kit;
    })).catch((e: unknown) => {
      loading = null;
      throw e;
    });
}
