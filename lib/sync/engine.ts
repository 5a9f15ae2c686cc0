/**
 * One sync: list the other devices' folders, push this device's new changes as new files, pull
 * the other devices' new files, and now and then write a snapshot (docs/sync.md); every file
 * plain or sealed with the passphrase (lib/sync/encryption.ts). No locks: every device writes only its own folder,
 * and every step moves the remembered state (cursor, file number, high-water marks) only after the
 * server has taken or given the file, so a sync cut off anywhere loses nothing and the next one
 * carries on. Errors come back as values.
 */
import { codecFor, type Codec } from './encryption.ts';
import { SyncError, toErrorInfo } from './errors.ts';
import { CONTENT_TYPE, changeFile, DEVICES, deviceDir, parseFileName, ROOT } from './files.ts';
import { COMPACT_AFTER_MS, sealOwnFolder, snapshot } from './own-folder.ts';
import { listDevices, pull } from './pull.ts';
import type { Conflict, DavTransport, SyncErrorInfo, SyncState, SyncStore } from './types.ts';

export interface SyncDeps {
  store: SyncStore;
  dav: DavTransport;
  /** Saved after every step that moved it (extension storage, a file, memory in tests). */
  save: (state: SyncState) => Promise<void>;
  now?: () => number;
  /** Records per change file (a first sync of a large library is several files). */
  chunk?: number;
  /** Change files between two snapshots of this device. */
  snapshotEvery?: number;
  /** Wait after an error with no Retry-After (server gone, network down). */
  backoffMs?: number;
  /** Change files covered by this device's snapshot are removed once older than this (compaction). */
  compactAfterMs?: number;
  /** End-to-end encryption: every file this device writes is sealed with it (lib/sync/crypto.ts). */
  passphrase?: string;
}

/** The deps with the codec this sync writes and reads files through (plain or sealed). */
export type SyncCtx = SyncDeps & { codec: Codec };

export interface SyncReport {
  ok: boolean;
  /** Records this device sent, and the files they went in. */
  pushed: number;
  filesWritten: number;
  /** Files read from other devices (a snapshot counts as one) and the records in them. */
  filesRead: number;
  pulled: number;
  applied: number;
  /** Records where a version from one device replaced a concurrent one from another: 「kept the later edit」. */
  conflicts: Conflict[];
  /** Records or files left out as unreadable, in sentences. */
  problems: string[];
  snapshot: boolean;
  requests: number;
  error?: SyncErrorInfo;
}

export const DEFAULTS = {
  chunk: 2000,
  snapshotEvery: 50,
  backoffMs: 60_000,
  compactAfterMs: COMPACT_AFTER_MS,
};

/** A new device's first state. */
export function freshState(deviceId: string): SyncState {
  return { deviceId, seq: 0, cursor: null, marks: {}, sinceSnapshot: 0, ready: false };
}

/** Run one sync; `state` is updated in place and saved as it moves. Never throws. */
export async function syncOnce(state: SyncState, deps: SyncDeps): Promise<SyncReport> {
  const now = deps.now ?? Date.now;
  const startRequests = deps.dav.requests;
  const report: SyncReport = {
    ok: false,
    pushed: 0,
    filesWritten: 0,
    filesRead: 0,
    pulled: 0,
    applied: 0,
    conflicts: [],
    problems: [],
    snapshot: false,
    requests: 0,
  };
  const waitUntil = state.lastError?.retryAt;
  if (waitUntil && waitUntil > now()) {
    // The server asked us to wait (坚果云's request limit): asking again now only extends the wait.
    report.error = state.lastError;
    return report;
  }
  try {
    await ensureFolders(state, deps);
    const ctx: SyncCtx = { ...deps, codec: await codecFor(state, deps.dav, deps.passphrase) };
    // Listed before anything is sent: a device without the passphrase must not add plain files
    // to a folder another device encrypts.
    const listings = await listDevices(state, ctx);
    if (!ctx.codec.sealed && listings.some((l) => l.sealed))
      throw new SyncError({ code: 'encrypted', detail: `${DEVICES}: the folder holds encrypted files` });
    if (ctx.codec.sealed && !state.sealed) await sealOwnFolder(state, ctx, report);
    await push(state, ctx, report);
    await pull(state, ctx, report, listings);
    // What the pull applied can make new versions here (an article stored on both devices merges
    // into a copy neither had): sent now, so the sync ends with nothing pending. With nothing new
    // this reads the change feed only, no request.
    if (report.applied > 0) await push(state, ctx, report);
    if (state.sinceSnapshot >= (deps.snapshotEvery ?? DEFAULTS.snapshotEvery))
      await snapshot(state, ctx, report);
    state.lastSyncedAt = now();
    delete state.lastError;
    report.ok = true;
  } catch (e) {
    const info = toErrorInfo(e);
    if (!info.retryAt && (info.code === 'offline' || info.code === 'server'))
      info.retryAt = now() + (deps.backoffMs ?? DEFAULTS.backoffMs);
    state.lastError = info;
    report.error = info;
  }
  await deps.save(state);
  report.requests = deps.dav.requests - startRequests;
  return report;
}

/**
 * Once per state: the folders, and the numbers this device already used there. A state that
 * starts fresh for a device that synced before (settings changed back, storage cleared) must not
 * reuse a number: a reader whose mark is past it would never read the new file.
 */
async function ensureFolders(state: SyncState, { dav, save }: SyncDeps): Promise<void> {
  if (state.ready) return;
  for (const p of [ROOT, DEVICES, deviceDir(state.deviceId)]) await dav.mkcol(p);
  const own = (await dav.list(deviceDir(state.deviceId))).flatMap((e) => parseFileName(e.name) ?? []);
  state.seq = Math.max(state.seq, ...own.map((f) => f.seq));
  // Sealed files of ours and no plain ones: the folder was encrypted from here before.
  if (own.length > 0 && own.every((f) => f.sealed)) state.sealed = true;
  state.ready = true;
  await save(state);
}

async function push(state: SyncState, deps: SyncCtx, report: SyncReport): Promise<void> {
  const chunk = deps.chunk ?? DEFAULTS.chunk;
  // The first push of a device is everything it holds (cursor null), in files of `chunk` records.
  for (;;) {
    const changes = await deps.store.changesSince(state.cursor, chunk);
    if (changes.records.length === 0) {
      state.cursor = changes.cursor;
      return;
    }
    for (let i = 0; i < changes.records.length; i += chunk) {
      // The number is taken (and saved) before the PUT: a PUT whose answer was lost may have
      // written the file, and a file number is never reused, so nobody reads two versions of one
      // file. The records go again in the next file; merging them twice changes nothing.
      const seq = ++state.seq;
      await deps.save(state);
      const records = changes.records.slice(i, i + chunk);
      const path = `${deviceDir(state.deviceId)}/${changeFile(seq, deps.codec.sealed)}`;
      await deps.dav.put(
        path,
        await deps.codec.encode(path, { device: state.deviceId, seq, records }),
        CONTENT_TYPE,
      );
      report.pushed += records.length;
      report.filesWritten += 1;
      state.sinceSnapshot += 1;
    }
    state.cursor = changes.cursor;
    await deps.save(state);
  }
}

export { SyncError };
