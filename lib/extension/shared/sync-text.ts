/** Sync's state and errors in words (both languages through _locales), for the library page and the popup. */
import type { SyncErrorCode, SyncErrorInfo } from '../../sync/types.ts';
import type { SyncStatus } from './sync-settings.ts';

type T = (key: string, subs?: string[]) => string;

/** Message names (Chrome allows no '-' in them). */
const ERROR_KEYS: Record<SyncErrorCode, string> = {
  auth: 'syncErrAuth',
  'no-folder': 'syncErrNoFolder',
  quota: 'syncErrQuota',
  'rate-limit': 'syncErrRateLimit',
  offline: 'syncErrOffline',
  server: 'syncErrServer',
  'bad-address': 'syncErrBadAddress',
  'bad-data': 'syncErrBadData',
  permission: 'syncErrPermission',
  passphrase: 'syncErrPassphrase',
  encrypted: 'syncErrEncrypted',
};

const time = (ms: number) =>
  new Date(ms).toLocaleString(undefined, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** 「密码不对（401）…」: the sentence for an error, with the status and when to retry where known. */
export function syncErrorText(e: SyncErrorInfo, t: T): string {
  const text = t(ERROR_KEYS[e.code], [e.status ? String(e.status) : e.detail.slice(0, 80)]);
  return e.retryAt && e.code !== 'auth' ? `${text} ${t('syncRetryAt', [time(e.retryAt)])}` : text;
}

/** One line of state: last synced, pending changes, running. */
export function syncStatusText(s: SyncStatus | null, t: T): string {
  if (!s) return t('syncNever');
  const parts = [
    s.running ? t('syncRunning') : s.lastSyncedAt ? t('syncLast', [time(s.lastSyncedAt)]) : t('syncNever'),
    t('syncPending', [String(s.pending)]),
  ];
  if (s.last?.conflicts) parts.push(t('syncConflicts', [String(s.last.conflicts)]));
  return parts.join(' · ');
}
