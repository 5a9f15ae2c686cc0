/**
 * One sync: push this device's new changes as new files, pull the other devices' new files, and
 * now and then write a snapshot (docs/sync.md). No locks: every device writes only its own folder,
 * and every step moves the remembered state (cursor, file number, high-water marks) only after the
 * server has taken or given the file, so a sync cut off anywhere loses nothing and the next one
 * carries on. Errors come back as values.
 */
import { SyncError, toErrorInfo } from './errors.ts';
import {
  CONTENT_TYPE,
  changeFile,
  decodeFile,
  DEVICES,
  deviceDir,
  encodeFile,
  parseFileName,
  ROOT,
  snapshotFile,
} from './files.ts';
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
}

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

export const DEFAULTS = { chunk: 2000, snapshotEvery: 50, backoffMs: 60_000 };

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
    await push(state, deps, report);
    await pull(state, deps, report);
    // What the pull applied can make new versions here (an article stored on both devices merges
    // into a copy neither had): sent now, so the sync ends with nothing pending. With nothing new
    // this reads the change feed only, no request.
    if (report.applied > 0) await push(state, deps, report);
    if (state.sinceSnapshot >= (deps.snapshotEvery ?? DEFAULTS.snapshotEvery))
      await snapshot(state, deps, report);
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

async function ensureFolders(state: SyncState, { dav, save }: SyncDeps): Promise<void> {
  if (state.ready) return;
  for (const p of [ROOT, DEVICES, deviceDir(state.deviceId)]) await dav.mkcol(p);
  state.ready = true;
  await save(state);
}

async function push(state: SyncState, deps: SyncDeps, report: SyncReport): Promise<void> {
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
      await deps.dav.put(
        `${deviceDir(state.deviceId)}/${changeFile(seq)}`,
        encodeFile({ device: state.deviceId, seq, records }),
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

interface Listing {
  device: string;
  changes: number[];
  /** The newest snapshot of this device and its size in bytes. */
  snapshot?: { seq: number; size: number };
}

async function pull(state: SyncState, deps: SyncDeps, report: SyncReport): Promise<void> {
  const { dav } = deps;
  const devices = (await dav.list(DEVICES)).filter((e) => e.isDir && e.name !== state.deviceId);
  const listings: Listing[] = [];
  for (const d of devices) {
    const files = (await dav.list(deviceDir(d.name))).map((e) => ({
      ...parseFileName(e.name),
      size: e.size,
    }));
    const snaps = files.flatMap((f) => (f.type === 's' ? [{ seq: f.seq!, size: f.size }] : []));
    listings.push({
      device: d.name,
      changes: files.flatMap((f) => (f.type === 'c' ? [f.seq!] : [])).sort((a, b) => a - b),
      ...(snaps.length ? { snapshot: snaps.sort((a, b) => b.seq - a.seq)[0]! } : {}),
    });
  }
  if (Object.keys(state.marks).length === 0) await startFromSnapshot(state, deps, report, listings);
  for (const l of listings) {
    for (const seq of l.changes) {
      if (seq <= (state.marks[l.device] ?? 0)) continue;
      await readFile(state, deps, report, l.device, changeFile(seq));
      state.marks[l.device] = seq;
      await deps.save(state);
    }
  }
}

/**
 * A device that has read nothing yet starts from the snapshot that holds the most (the sum of its
 * high-water marks), then reads only the change files after it: a few files instead of every
 * device's whole history.
 */
async function startFromSnapshot(
  state: SyncState,
  deps: SyncDeps,
  report: SyncReport,
  listings: Listing[],
): Promise<void> {
  const candidates = listings.flatMap((l) => (l.snapshot ? [{ device: l.device, ...l.snapshot }] : []));
  if (candidates.length === 0) return;
  // The largest file holds the most records; its covers are only known once it is read.
  const best = candidates.sort((a, b) => b.size - a.size)[0]!;
  const covers = await readFile(state, deps, report, best.device, snapshotFile(best.seq));
  for (const [device, seq] of Object.entries(covers ?? { [best.device]: best.seq }))
    if (device !== state.deviceId) state.marks[device] = Math.max(state.marks[device] ?? 0, seq);
  await deps.save(state);
}

/** GET, decode and apply one file; returns a snapshot's covers. A damaged file is reported and skipped. */
async function readFile(
  state: SyncState,
  { dav, store }: SyncDeps,
  report: SyncReport,
  device: string,
  name: string,
): Promise<Record<string, number> | undefined> {
  const bytes = await dav.get(`${deviceDir(device)}/${name}`);
  report.filesRead += 1;
  let decoded;
  try {
    decoded = decodeFile(bytes, `${device}/${name}`);
  } catch (e) {
    // Its records are also in that device's next snapshot; stopping here would stop every later file.
    report.problems.push(e instanceof Error ? e.message : String(e));
    return undefined;
  }
  report.problems.push(...decoded.problems);
  const applied = await store.applyRemote(decoded.file.records);
  report.pulled += decoded.file.records.length;
  report.applied += applied.changed.length;
  report.conflicts.push(...applied.replaced);
  report.problems.push(...applied.invalid);
  return decoded.file.covers;
}

/** Write everything this device holds as its snapshot, then drop its older snapshots. */
async function snapshot(state: SyncState, { dav, store, save }: SyncDeps, report: SyncReport): Promise<void> {
  const all = await store.changesSince(null);
  const covers = { ...state.marks, [state.deviceId]: state.seq };
  const dir = deviceDir(state.deviceId);
  await dav.put(
    `${dir}/${snapshotFile(state.seq)}`,
    encodeFile({ device: state.deviceId, seq: state.seq, covers, records: all.records }),
    CONTENT_TYPE,
  );
  state.sinceSnapshot = 0;
  await save(state);
  report.snapshot = true;
  for (const e of await dav.list(dir)) {
    const f = parseFileName(e.name);
    if (f?.type === 's' && f.seq < state.seq) await dav.remove(`${dir}/${e.name}`);
  }
}

export { SyncError };
