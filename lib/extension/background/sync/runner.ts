/**
 * Runs lib/sync in the service worker: one sync at a time (a request during a sync runs one more
 * after it), debounced after library changes, on the `alarms` timer, and when a page asks. It
 * never blocks reading or clipping: syncs run beside the message handlers, and a failure is only
 * written to the status, in words, for the library page to show.
 */
import type { Library } from '../../../db/index.ts';
import { freshState, syncOnce } from '../../../sync/engine.ts';
import { DbStore } from '../../../sync/db-store.ts';
import type { SyncState } from '../../../sync/types.ts';
import { WebDav } from '../../../sync/webdav.ts';
import {
  originPattern,
  loadSyncSettings,
  SYNC_KEYS,
  type StorageLike,
  type SyncSettings,
  type SyncStatus,
} from '../../shared/sync-settings.ts';

export interface RunnerDeps {
  storage: StorageLike;
  library: Library;
  fetch: typeof fetch;
  /** permissions.contains for one origin pattern. */
  granted: (pattern: string) => Promise<boolean>;
  now?: () => number;
}

/** Wait after a change before syncing, so a burst of edits is one sync. */
export const CHANGE_DEBOUNCE_MS = 5000;

export class SyncRunner {
  private current: Promise<SyncStatus | null> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: RunnerDeps) {}

  /** A sync a little later (after a change); later calls move it. */
  schedule(delayMs = CHANGE_DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  /**
   * Sync now, or once more right after the running one. Resolves to the status written (null: not
   * set up). `manual`: the reader asked, so a back-off after a network error is not waited out.
   */
  run(opts: { manual?: boolean } = {}): Promise<SyncStatus | null> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.once(opts.manual === true).finally(() => {
      this.current = null;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    });
    return this.current;
  }

  private async once(manual: boolean): Promise<SyncStatus | null> {
    const { storage, now = Date.now } = this.deps;
    const settings = await loadSyncSettings(storage);
    if (!settings?.enabled) return null;
    const saved = await storage.get([SYNC_KEYS.state, SYNC_KEYS.status]);
    const previous = saved[SYNC_KEYS.status] as SyncStatus | undefined;
    // The library names its own device: the engine's folder on the server and every rev's last field.
    const device = await this.deps.library.deviceId();
    if (!device.ok) {
      const status: SyncStatus = {
        ...(previous ?? { pending: 0 }),
        running: false,
        lastError: { code: 'server', detail: device.error },
      };
      await this.write(status);
      return status;
    }
    const state = this.stateFor(settings, saved[SYNC_KEYS.state], device.value);
    // A Retry-After is the server's word and stays; our own back-off gives way to the reader.
    if (manual && state.lastError?.retryAt && state.lastError.code !== 'rate-limit')
      delete state.lastError.retryAt;
    const started = now();
    await this.write({ ...(previous ?? { pending: 0 }), running: true });
    const store = new DbStore(this.deps.library, state.deviceId);
    const pattern = originPattern(settings.url);
    if (!pattern || !(await this.deps.granted(pattern).catch(() => false))) {
      const status: SyncStatus = {
        running: false,
        pending: await store.pending(state.cursor),
        lastError: { code: pattern ? 'permission' : 'bad-address', detail: settings.url },
        ...(state.lastSyncedAt ? { lastSyncedAt: state.lastSyncedAt } : {}),
      };
      await this.write(status);
      return status;
    }
    let report;
    try {
      const dav = new WebDav({ ...settings, fetch: this.deps.fetch, now });
      report = await syncOnce(state, {
        store,
        dav,
        now,
        ...(settings.passphrase ? { passphrase: settings.passphrase } : {}),
        save: (s) => storage.set({ [SYNC_KEYS.state]: { ...s, url: settings.url } }),
      });
    } catch (e) {
      // Only a library that cannot be read lands here (the engine returns its own errors).
      report = null;
      state.lastError = { code: 'server', detail: e instanceof Error ? e.message : String(e) };
    }
    const status: SyncStatus = {
      running: false,
      pending: await store.pending(state.cursor).catch(() => 0),
      ...(state.lastSyncedAt ? { lastSyncedAt: state.lastSyncedAt } : {}),
      ...(state.lastError ? { lastError: state.lastError } : {}),
      ...(report
        ? {
            last: {
              at: started,
              pushed: report.pushed,
              pulled: report.pulled,
              conflicts: report.conflicts.length,
              problems: report.problems.length,
              requests: report.requests,
              ms: now() - started,
            },
          }
        : {}),
    };
    await this.write(status);
    return status;
  }

  /** The saved state when it is for this server and this library's device; otherwise a fresh one. */
  private stateFor(settings: SyncSettings, raw: unknown, device: string): SyncState {
    const s = raw as (SyncState & { url?: string }) | undefined;
    if (s && s.url === settings.url && s.deviceId === device) return s;
    return freshState(device);
  }

  private write(status: SyncStatus): Promise<void> {
    return this.deps.storage.set({ [SYNC_KEYS.status]: status });
  }
}
