/**
 * Sync's wiring in the service worker: when it runs (a page asks through `sync.request`, the
 * settings change, an alarm fires, the library changed) and with what (the worker's fetch, the
 * one origin the reader granted). See docs/sync.md.
 */
import type { Library } from '../../../db/index.ts';
import { SYNC_KEYS, type StorageLike } from '../../shared/sync-settings.ts';
import { SyncRunner } from './runner.ts';

/** Every 15 minutes: often enough to find the other device's work, far below 坚果云's request limit. */
export const SYNC_ALARM = 'epaper-sync';
export const SYNC_PERIOD_MINUTES = 15;

/** The browser APIs used here (browser.*), typed narrowly so tests can pass WXT's fake browser. */
export interface SyncBrowser {
  storage: {
    local: StorageLike;
    onChanged: { addListener(fn: (changes: Record<string, unknown>, area: string) => void): void };
  };
  alarms: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
    onAlarm: { addListener(fn: (alarm: { name: string }) => void): void };
  };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
}

export function setUpSync(api: SyncBrowser, library: Library, fetchFn: typeof fetch): SyncRunner {
  const runner = new SyncRunner({
    storage: api.storage.local,
    library,
    fetch: fetchFn,
    granted: (pattern) => api.permissions.contains({ origins: [pattern] }),
  });
  void api.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: 1 });
  api.alarms.onAlarm.addListener((a) => {
    if (a.name === SYNC_ALARM) void runner.run();
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const req = (changes[SYNC_KEYS.request] as { newValue?: { manual?: boolean } } | undefined)?.newValue;
    if (req || SYNC_KEYS.settings in changes) void runner.run({ manual: req?.manual === true });
  });
  return runner;
}
