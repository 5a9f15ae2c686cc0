/**
 * The content script's `browser`: the native namespace instead of webextension-polyfill (≈10 KB of
 * the 60 KB budget). Safe there because the content script only calls promise-returning MV3 APIs
 * (storage.local, runtime.sendMessage, i18n.getMessage, runtime.id) that Chrome's `chrome.*` and
 * Firefox's `browser.*` both provide natively. wxt.config.ts swaps it in for the content build only;
 * background and extension pages keep the polyfill.
 */
const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };

const native = (g.browser ?? g.chrome) as typeof import('webextension-polyfill');
export default native;
