// The reader kit, an unlisted script the content script imports on first use (see
// lib/extension/kit/reader-kit.ts): it runs in the content script's isolated world and hands the kit
// over on a global of that world (invisible to the page).
import { browser } from 'wxt/browser';
import { backgroundFetch, messageCache } from '../lib/extension/kit/background-io';
import { makeReaderKit } from '../lib/extension/kit/reader-kit';
import { KIT_GLOBAL } from '../lib/extension/content/kit-loader';
import { send } from '../lib/messaging';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[KIT_GLOBAL] = makeReaderKit({
    fetch: (u, init) => fetch(u, init),
    cache: messageCache(browser.runtime),
    fetchOtherOrigin: backgroundFetch(browser.runtime),
    settings: browser.storage.local,
    openIssue: (url) => void send(browser.runtime, { type: 'openIssue', url }),
    openHandoff: (articleKey) => send(browser.runtime, { type: 'openHandoff', articleKey }),
  });
});
