// Background service worker: wiring only (see lib/ for logic). It owns the library database
// (IndexedDB in the extension origin), answers the content scripts' messages, fetches granted
// cross-origin continuation pages, and keeps the popup's per-site content scripts registered.
import { browser } from 'wxt/browser';
import { libraryHandlers, openLibrary, prunePages, requestPersistence } from '../lib/db';
import { fetchPageForTab } from '../lib/extension/background-fetch';
import {
  notifyTabs,
  setMenuSites,
  setUpCaptureBackground,
  type CaptureBackgroundApi,
} from '../lib/extension/capture/background';
import { t } from '../lib/extension/i18n';
import { sitePatterns, syncSiteScripts, type SwitchApi } from '../lib/extension/site-switch';
import { createHandler, send } from '../lib/messaging';

export default defineBackground(() => {
  const library = openLibrary();
  // Tell open extension pages (popup, library) that an article's highlights or clips changed.
  // …and every tab, so the page and its reader panel redraw (lib/extension/capture).
  const captureApi = browser as unknown as CaptureBackgroundApi;
  const changed = (articleKey: string, what: 'highlight' | 'clip' | 'article') => {
    void send(browser.runtime, { type: 'libraryChanged', articleKey, what });
    void notifyTabs(captureApi.tabs, { type: 'libraryChanged', articleKey, what });
  };
  // Context menu and keyboard commands → a captureSelection message to the tab (menus also on the
  // sites switched on in the popup).
  const api = browser as unknown as SwitchApi;
  setUpCaptureBackground(
    captureApi,
    (key) => t(key),
    async () => sitePatterns((await api.permissions.getAll()).origins ?? []),
  );
  browser.runtime.onMessage.addListener(
    createHandler({
      ...libraryHandlers(library, changed),
      fetchPage: (m) =>
        fetchPageForTab(
          m.url,
          (u, init) => fetch(u, init),
          (pattern) => browser.permissions.contains({ origins: [pattern] }),
        ),
    }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );

  // Sites switched on in the popup: keep the run-time content script registration equal to the
  // granted origins, whoever changed them (the popup, or the browser's own extension settings).
  const sync = () =>
    void syncSiteScripts(api).then((r) => (r.ok ? setMenuSites(captureApi, r.value) : undefined));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);

  // What a reader saved must outlive the site: ask once that the browser never evicts the library.
  browser.runtime.onInstalled.addListener(() => void requestPersistence(navigator));
  // Fetched continuation pages are a cache: drop the ones not refetched for 90 days.
  browser.runtime.onStartup.addListener(() => {
    prunePages(library.db, Date.now() - 90 * 24 * 3600 * 1000).catch(() => {});
  });
});
