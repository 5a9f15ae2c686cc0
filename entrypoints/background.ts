// Background service worker: wiring only (see lib/ for logic). It owns the library database
// (IndexedDB in the extension origin), answers messages behind the sender/schema/scope guard
// (lib/extension/background), fetches switched-on cross-origin continuation pages, and keeps the
// popup's per-site content scripts registered.
import { browser } from 'wxt/browser';
import { openLibrary, requestPersistence } from '../lib/db';
import { backgroundHandlers } from '../lib/extension/background/messages';
import { originOf } from '../lib/extension/background/senders';
import {
  setMenuSites,
  setUpCaptureBackground,
  type CaptureBackgroundApi,
} from '../lib/extension/background/capture-menus';
import { libraryHandoffUrl } from '../lib/extension/shared/handoff-link';
import { isContentUrl } from '../lib/extension/shared/site-patterns';
import { t } from '../lib/extension/shared/i18n';
import {
  isSwitchedOn,
  sitePatterns,
  syncSiteScripts,
  type SwitchApi,
} from '../lib/extension/shared/site-switch';
import { createHandler } from '../lib/messaging';
import { setUpSync, type SyncBrowser } from '../lib/extension/background/sync';

export default defineBackground(() => {
  const library = openLibrary();
  const api = browser as unknown as SwitchApi;
  const captureApi = browser as unknown as CaptureBackgroundApi;
  // Switched on = the exact origin grant (not `contains`, which Firefox answers true for any origin).
  const granted = (url: string) => isSwitchedOn(api, url);
  // WebDAV sync (docs/sync.md): on page request, alarm, and a few seconds after each change.
  const sync = setUpSync(browser as unknown as SyncBrowser, library, (u, init) => fetch(u, init));
  const { handlers, tabs } = backgroundHandlers(library, {
    runtime: browser.runtime,
    tabs: captureApi.tabs,
    fetch: (u, init) => fetch(u, init),
    granted,
    openIssue: async (url) => {
      const page = (browser.runtime.getURL as (path: string) => string)('/issue.html');
      await browser.tabs.create({ url: `${page}?url=${encodeURIComponent(url)}` });
    },
    openLibrary: async (articleKey) => {
      const page = (browser.runtime.getURL as (path: string) => string)('/library.html');
      await browser.tabs.create({ url: libraryHandoffUrl(page, articleKey) });
    },
    onChanged: () => sync.schedule(),
    sender: {
      extensionId: browser.runtime.id,
      extensionOrigin: originOf(browser.runtime.getURL('/')),
      contentRunsOn: async (url) => isContentUrl(url) || granted(url),
    },
  });
  browser.runtime.onMessage.addListener(
    createHandler(handlers) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
  browser.tabs.onRemoved.addListener((id) => tabs.forget(id));

  // Context menu and keyboard commands → a captureSelection message to the tab (menus also on the
  // sites switched on in the popup).
  setUpCaptureBackground(
    captureApi,
    (key) => t(key),
    async () => sitePatterns((await api.permissions.getAll()).origins ?? []),
  );

  // Sites switched on in the popup: keep the run-time content script registration equal to the
  // granted origins, whoever changed them (the popup, or the browser's own extension settings).
  const syncScripts = () =>
    void syncSiteScripts(api).then((r) => (r.ok ? setMenuSites(captureApi, r.value) : undefined));
  browser.permissions.onAdded.addListener(syncScripts);
  browser.permissions.onRemoved.addListener(syncScripts);
  browser.runtime.onInstalled.addListener(syncScripts);
  browser.runtime.onStartup.addListener(syncScripts);

  // What a reader saved must outlive the site: ask once that the browser never evicts the library.
  browser.runtime.onInstalled.addListener(() => void requestPersistence(navigator));
  // Fetched continuation pages are a cache: drop the ones not refetched for 90 days.
  browser.runtime.onStartup.addListener(() => {
    void library.prunePages(Date.now() - 90 * 24 * 3600 * 1000);
  });
});
