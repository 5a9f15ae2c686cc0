/**
 * The library page's side of sync: ask for the server's one origin (in the click, as browsers
 * require), 「测试连接」 from the page itself, save the settings for the background to use, ask it
 * for a sync, follow the status it writes. The password and the passphrase go to storage.local only.
 */
import { testConnection } from '../../../sync/connection.ts';
import { WebDav } from '../../../sync/webdav.ts';
import {
  loadSyncSettings,
  loadSyncStatus,
  originPattern,
  requestSync,
  SYNC_KEYS,
  type StorageLike,
  type SyncSettings,
  type SyncStatus,
} from '../../shared/sync-settings.ts';
import { syncErrorText } from '../../shared/sync-text.ts';

type T = (key: string, subs?: string[]) => string;

export interface SyncPageDeps {
  storage: StorageLike;
  permissions: { request(p: { origins: string[] }): Promise<boolean> };
  fetch: typeof fetch;
  t: T;
}

/** A sentence for the panel. */
export interface Said {
  text: string;
  error: boolean;
}

export function syncActions(deps: SyncPageDeps) {
  const { t } = deps;
  const err = (code: 'bad-address' | 'permission', url: string): Said => ({
    text: syncErrorText({ code, detail: url }, t),
    error: true,
  });
  /** Permission first (no await before it: the click's user gesture must still hold), then the server. */
  const check = async (s: SyncSettings): Promise<Said | null> => {
    const pattern = originPattern(s.url);
    if (!pattern) return err('bad-address', s.url);
    if (!(await deps.permissions.request({ origins: [pattern] }).catch(() => false)))
      return err('permission', s.url);
    const r = await testConnection(new WebDav({ ...s, fetch: deps.fetch }), Date.now, s.passphrase);
    return r.ok ? null : { text: syncErrorText(r.error, t), error: true };
  };
  return {
    async onTest(s: SyncSettings): Promise<Said> {
      return (await check(s)) ?? { text: t('syncTestOk'), error: false };
    },
    /** Saved only once the server answers as it should, so a typo never becomes a failing background sync. */
    async onSave(s: SyncSettings): Promise<Said> {
      const problem = await check(s);
      if (problem) return problem;
      await deps.storage.set({ [SYNC_KEYS.settings]: { ...s, url: s.url.trim(), enabled: true } });
      return { text: t('syncSaved'), error: false };
    },
    async onSyncNow(): Promise<Said> {
      await requestSync(deps.storage, true);
      return { text: t('syncStarted'), error: false };
    },
    async onTurnOff(): Promise<Said> {
      const s = await loadSyncSettings(deps.storage);
      if (s) await deps.storage.set({ [SYNC_KEYS.settings]: { ...s, enabled: false } });
      return { text: t('syncTurnedOff'), error: false };
    },
  };
}

/** Settings and status as saved, for the first render. */
export async function loadSyncView(
  storage: StorageLike,
): Promise<{ settings: SyncSettings | null; status: SyncStatus | null }> {
  return { settings: await loadSyncSettings(storage), status: await loadSyncStatus(storage) };
}
