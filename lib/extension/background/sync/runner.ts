/**
 * Runs lib/sync in the service worker: one sync at a time (a request during a sync runs one more
 * after it), debounced after library changes, on the `alarms` timer, and when a page asks. It
 * never blocks reading or clipping: syncs run beside the message handlers, and a failure is only
 * written to the status, in words, for the library page to show.
 */
import type { Library } from '../../../db/index.ts';
import { freshState, syncOnce } from '../../../sync/engine.ts';
import { DbStore, isVersioned, type VersionedLibrary } from '../../../sync/db-store.ts';
import { emptyLedger, LedgerStore, type Ledger } from '../../../sync/ledger-store.ts';
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
  newDeviceId?: () => string;
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
    const saved = await storage.get([SYNC_KEYS.state, SYNC_KEYS.ledger, SYNC_KEYS.status]);
    // The versioned library (when it has landed) names its own device; the ledger's store needs one made here.
    const libraryDevice = isVersioned(this.deps.library) ? await this.deps.library.deviceId() : null;
    const state = this.stateFor(
      settings,
      saved[SYNC_KEYS.state],
      libraryDevice?.ok ? libraryDevice.value : undefined,
    );
    // A Retry-After is the server's word and stays; our own back-off gives way to the reader.
    if (manual && state.lastError?.retryAt && state.lastError.code !== 'rate-limit')
      delete state.lastError.retryAt;
    const ledger = (saved[SYNC_KEYS.ledger] as Ledger | undefined) ?? emptyLedger();
    const previous = saved[SYNC_KEYS.status] as SyncStatus | undefined;
    const started = now();
    await this.write({ ...(previous ?? { pending: 0 }), running: true });
    const lib = this.deps.library;
    const store = isVersioned(lib)
      ? Object.assign(new DbStore(lib, state.deviceId), {
          pending: (c: string | null) => pendingIn(lib, state.deviceId, c),
        })
      : new LedgerStore(lib, ledger, state.deviceId, (l) => storage.set({ [SYNC_KEYS.ledger]: l }), now);
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

  /** The saved state when it is for this server; a new folder starts fresh (same device id). */
  private stateFor(settings: SyncSettings, raw: unknown, device?: string): SyncState {
    const s = raw as (SyncState & { url?: string }) | undefined;
    if (s && s.url === settings.url && (!device || s.deviceId === device)) return s;
    return freshState(device ?? s?.deviceId ?? (this.deps.newDeviceId ?? randomDeviceId)());
  }

  private write(status: SyncStatus): Promise<void> {
    return this.deps.storage.set({ [SYNC_KEYS.status]: status });
  }
}

/** This device's changes after the cursor in the versioned library, counted for the state panel. */
async function pendingIn(lib: VersionedLibrary, device: string, cursor: string | null): Promise<number> {
  return (await new DbStore(lib, device).changesSince(cursor ?? '0')).records.length;
}

/** 12 hex digits: a path segment on the server and the last field of every rev this device makes. */
function randomDeviceId(): string {
  return [...crypto.getRandomValues(new Uint8Array(6))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
