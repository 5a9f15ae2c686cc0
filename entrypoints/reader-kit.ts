// The reader kit, an unlisted script the content script imports on first use (see
// lib/extension/kit/reader-kit.ts): it runs in the content script's isolated world and hands the kit
// over on a global of that world (invisible to the page).
import { browser } from 'wxt/browser';
import { backgroundFetch, messageCache } from '../lib/extension/kit/background-io';
import { makeReaderKit } from '../lib/extension/kit/reader-kit';
import { KIT_GLOBAL } from '../lib/extension/content/kit-loader';
import type { CaptureIo } from '../lib/extension/kit/capture';
import { send } from '../lib/messaging';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[KIT_GLOBAL] = makeReaderKit({
    fetch: (u, init) => fetch(u, init),
    cache: messageCache(browser.runtime),
    fetchOtherOrigin: backgroundFetch(browser.runtime),
    settings: browser.storage.local,
    openIssue: (url) => void send(browser.runtime, { type: 'openIssue', url }),
    openHandoff: (articleKey) => send(browser.runtime, { type: 'openHandoff', articleKey }),
    capture: captureIo,
  });
});

/**
 * The browser services of highlights and clips: messages, the CSS highlight registry, the clipboard.
 * Built here rather than in the content script because only the kit's capture uses them (the content
 * script's size budget); the listener goes when the content script is invalidated.
 */
function captureIo(onInvalidated: (fn: () => void) => void): CaptureIo {
  const g = globalThis as unknown as {
    CSS?: { highlights?: CaptureIo['registry'] };
    Highlight?: CaptureIo['Highlight'];
  };
  type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];
  return {
    send: (req) => send(browser.runtime, req),
    registry: g.CSS?.highlights ?? null,
    Highlight: g.Highlight ?? null,
    clipboard: (text) =>
      navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      ),
    onMessage: (listener) => {
      browser.runtime.onMessage.addListener(listener as Listener);
      onInvalidated(() => browser.runtime.onMessage.removeListener(listener as Listener));
    },
  };
}
