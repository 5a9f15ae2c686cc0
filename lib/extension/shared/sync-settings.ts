/**
 * Where sync keeps what it needs in `storage.local` (never in IndexedDB, so never in a backup or an
 * export): the server, password and encryption passphrase the reader entered, the engine's state, and the status the
 * library page and the popup show. The background writes the status; a page asks for a sync by
 * writing `sync.request` (no message, so no new surface at the message guard).
 */
import { ROOT } from '../../sync/files.ts';
import type { SyncErrorInfo } from '../../sync/types.ts';
import { normalizeDavUrl } from '../../sync/webdav.ts';

export const SYNC_KEYS = {
  settings: 'sync.settings',
  state: 'sync.state',
  status: 'sync.status',
  request: 'sync.request',
} as const;

/** What the reader entered in the sync panel. */
export interface SyncSettings {
  url: string;
  user: string;
  password: string;
  enabled: boolean;
  /** End-to-end encryption's passphrase; absent or '' is off (settings saved before it have none). */
  passphrase?: string;
}

/** What the panel shows: written by the background after every sync. */
export interface SyncStatus {
  running: boolean;
  lastSyncedAt?: number;
  lastError?: SyncErrorInfo;
  /** Local changes not on the server yet. */
  pending: number;
  /** The last sync's figures. */
  last?: {
    /** When that sync started (ms since epoch). */
    at: number;
    pushed: number;
    pulled: number;
    conflicts: number;
    problems: number;
    requests: number;
    ms: number;
  };
}

/** The storage.local calls used here (browser.storage.local, or WXT's fake browser in tests). */
export interface StorageLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove?(keys: string | string[]): Promise<void>;
}

function isSettings(v: unknown): v is SyncSettings {
  const o = v as SyncSettings | undefined;
  return (
    !!o &&
    typeof o.url === 'string' &&
    typeof o.user === 'string' &&
    typeof o.password === 'string' &&
    typeof o.enabled === 'boolean' &&
    (o.passphrase === undefined || typeof o.passphrase === 'string')
  );
}

export async function loadSyncSettings(storage: StorageLike): Promise<SyncSettings | null> {
  const v = (await storage.get(SYNC_KEYS.settings))[SYNC_KEYS.settings];
  return isSettings(v) ? v : null;
}

export async function loadSyncStatus(storage: StorageLike): Promise<SyncStatus | null> {
  const v = (await storage.get(SYNC_KEYS.status))[SYNC_KEYS.status] as SyncStatus | undefined;
  return v && typeof v.pending === 'number' ? v : null;
}

/**
 * The host permission to ask for: the server's origin, written with our folder's path
 * (`https://dav.jianguoyun.com/dav/epaper-reader/*`). Browsers ignore the path for host access, so
 * it grants the one origin; the path keeps it apart from the popup's site switch, which treats
 * every granted `https://host/*` as a newspaper site to run the content script on
 * (lib/extension/shared/site-switch.ts).
 */
export function originPattern(url: string): string | null {
  const u = normalizeDavUrl(url);
  return u ? `${u.origin}${u.pathname}${ROOT}/*` : null;
}

/** A page's request for a sync: when, and whether the reader pressed 「立即同步」. */
export interface SyncRequest {
  at: number;
  manual: boolean;
}

/**
 * Ask the background for a sync (the library page and the popup do on opening). A manual request
 * does not wait out the back-off after a network error (the reader may have just fixed it); a
 * server's own Retry-After is still kept.
 */
export function requestSync(storage: StorageLike, manual = false, now = Date.now()): Promise<void> {
  const req: SyncRequest = { at: now, manual };
  return storage.set({ [SYNC_KEYS.request]: req });
}
