/**
 * Loading the reader kit into the content script: `import()` of the extension's own reader-kit.js
 * (listed in web_accessible_resources so the page's frame may load it), which leaves the kit on a
 * global of the isolated world. One load per page; a failure is retried on the next use. In Chrome
 * the entry has `use_dynamic_url`: only the per-session URL runtime.getURL gives works, so a site
 * cannot detect us by loading the static chrome-extension://<id>/reader-kit.js.
 */
import type { ReaderKit } from '../kit/reader-kit';

/** The isolated-world global the kit script sets. */
export const KIT_GLOBAL = '__epaperReaderKit';
/** Path of the built kit script inside the extension. */
export const KIT_PATH = '/reader-kit.js';

/**
 * A loader for the kit at `url` (browser.runtime.getURL(KIT_PATH)). Any other on-demand part can
 * use the same pattern: an unlisted script that sets its own global, listed in
 * web_accessible_resources, loaded with `kitLoader<ItsType>(url, '__itsGlobal')`.
 */
export function kitLoader<T = ReaderKit>(url: string, globalName = KIT_GLOBAL): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= import(/* @vite-ignore */ url).then(() => {
      const kit = (globalThis as Record<string, unknown>)[globalName] as T | undefined;
      if (!kit) throw new Error(`${globalName === KIT_GLOBAL ? 'reader kit' : globalName} did not load`);
      return kit;
    })).catch((e: unknown) => {
      loading = null;
      throw e;
    });
}
