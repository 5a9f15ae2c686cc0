/**
 * The shapes the sync engine (lib/sync) speaks: versioned records, the store it reads local changes
 * from and applies remote ones to, the WebDAV transport, and the engine's own remembered state.
 * Pure types. The store and the transport are injected, so the engine runs in the background
 * worker, in Node tests against a real server, and in the bench alike.
 */

/** The kinds of record a library holds (notes and tags are fields of their highlight or clip, versioned with it). */
export type RecordKind = 'article' | 'highlight' | 'clip';

/** One record as it travels: the newest version a device knows, or its tombstone. */
export interface SyncRecord {
  kind: RecordKind;
  /** Unique within its kind. An article's id is its article key, so one article stored on two devices is one record. */
  id: string;
  /** Hybrid logical clock stamp of this version (lib/sync/hlc.ts): the order every device agrees on. */
  rev: string;
  /** The rev of the version this one replaced, when the writer keeps it: tells a clean edit from a concurrent one. */
  base?: string;
  /** Device that made this version. */
  device: string;
  /** Wall time of the edit on that device (shown to the reader; never used to order edits). */
  updatedAt: number;
  deleted: boolean;
  /** The record itself (StoredArticle, Highlight, Clip…); absent on a tombstone. */
  data?: unknown;
}

/** Where a store's local changes stand: opaque to the engine, kept in its state between syncs. */
export type Cursor = string | null;

/** Local changes after a cursor, and the cursor that follows them. */
export interface Changes {
  records: SyncRecord[];
  cursor: Cursor;
}

/** One version of a record beat another: the revs kept and dropped (their last field names the device). */
export interface Conflict {
  kind: RecordKind;
  id: string;
  kept: string;
  dropped: string;
}

/** What applying remote records did (the shape of lib/db's ApplyReport). */
export interface ApplyReport {
  /** Records written or deleted, as now stored. */
  changed: SyncRecord[];
  /** Records already known or older than the local copy. */
  ignored: number;
  /** Records the two sides had in versions neither made on top of the other: the later one kept. */
  replaced: Conflict[];
  /** Records refused by their schema, with the reason: named, skipped, never fatal. */
  invalid: string[];
}

/**
 * The store the engine syncs (lib/db through lib/sync/library-store.ts, or the in-memory
 * store of the tests). Contract:
 * - `changesSince(null)` gives every record, tombstones included; `changesSince(c)` what changed
 *   locally after `c`. Records applied through `applyRemote` are not local changes.
 * - `applyRemote` keeps, per record, the version `mergeRecord` (lib/sync/merge.ts) picks, and
 *   moves the store's clock past every clock it saw (`Hlc.receive`), so an edit made afterwards
 *   sorts after them whatever the device's wall clock says.
 */
export interface SyncStore {
  changesSince(cursor: Cursor, limit?: number): Promise<Changes>;
  applyRemote(records: SyncRecord[]): Promise<ApplyReport>;
}

/** One entry of a WebDAV folder listing. */
export interface DavEntry {
  /** Last path segment, decoded. */
  name: string;
  isDir: boolean;
  size: number;
  etag?: string;
  /** Last modified (ms since epoch, the server's clock), when the server says. */
  modified?: number;
}

/** What the engine needs of a WebDAV server; paths are relative to the sync folder. */
export interface DavTransport {
  /** Children of a folder (Depth: 1), without the folder itself. */
  list(path: string): Promise<DavEntry[]>;
  get(path: string): Promise<Uint8Array>;
  put(path: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Create a folder; an existing one is not an error. */
  mkcol(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Requests made so far (for the state panel and the bench). */
  readonly requests: number;
}

/** Why a sync stopped; each has a translated sentence (`syncErr…` in _locales, lib/extension/shared/sync-text.ts). */
export type SyncErrorCode =
  | 'auth' // 401/403: wrong user or (app) password
  | 'no-folder' // 404/409: the address names no folder
  | 'quota' // 507: the account is full
  | 'rate-limit' // 429/503: the server asks us to wait (Retry-After)
  | 'offline' // no answer: network down, server gone, timed out
  | 'server' // any other answer the server should not give
  | 'bad-address' // not an http(s) URL
  | 'bad-data' // a file on the server we cannot read
  | 'permission' // the browser has not granted us the server's origin
  | 'passphrase' // the sync passphrase does not open the folder's files (another passphrase)
  | 'encrypted'; // the folder is encrypted and this device has no passphrase

/** A sync error as a value: the code, the HTTP status when there was one, and when to try again. */
export interface SyncErrorInfo {
  code: SyncErrorCode;
  status?: number;
  /** Earliest time to try again (ms since epoch), from Retry-After or the engine's back-off. */
  retryAt?: number;
  /** Detail for the log (URL path, status text); the UI shows the translated sentence. */
  detail: string;
}

/** What the engine remembers between syncs (kept in extension storage, never in a backup). */
export interface SyncState {
  deviceId: string;
  /** Last change-file number this device used (files are never rewritten, so numbers only grow). */
  seq: number;
  /** Store cursor up to which local changes are on the server. */
  cursor: Cursor;
  /** Per other device: the highest change-file number read and applied (high-water mark). */
  marks: Record<string, number>;
  /** Change files written since this device's last snapshot. */
  sinceSnapshot: number;
  /** The folders exist (MKCOL done once). */
  ready: boolean;
  /** The folder's `crypto.json` as read or written once (non-secret: salt and key check), when encrypting. */
  crypto?: { salt: string; check: string };
  /** This device's own files on the server are encrypted (its plain ones were replaced by a sealed snapshot). */
  sealed?: boolean;
  lastSyncedAt?: number;
  lastError?: SyncErrorInfo;
}
