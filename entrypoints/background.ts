// Background service worker: wiring only (see lib/ for logic).
import { browser } from 'wxt/browser';
import { syncSiteScripts, type SwitchApi } from '../lib/extension/site-switch';

export default defineBackground(() => {
  const api = browser as unknown as SwitchApi;
  // Sites switched on in the popup: keep the run-time content script registration equal to the
  // granted origins, whoever changed them (the popup, or the browser's own extension settings).
  const sync = () => void syncSiteScripts(api);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
});
