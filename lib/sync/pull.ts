/**
 * The pull half of a sync: list the other devices' folders, then read what this device has not
 * read yet, oldest first, moving a device's high-water mark only after its file was applied.
 * A device's change files may be gone (compacted, or replaced by a sealed snapshot when it turned
 * encryption on): a reader missing any file between its mark and that device's snapshot reads
 * the snapshot instead, which holds everything those files held, tombstones too.
 */
import { SyncError } from './errors.ts';
import { deviceDir, DEVICES, parseFileName } from './files.ts';
import type { SyncCtx, SyncReport } from './engine.ts';
import type { SyncState } from './types.ts';

interface FileRef {
  seq: number;
  name: string;
}

/** One other device's folder as listed. */
export interface Listing {
  device: string;
  /** Change files, oldest first. */
  changes: FileRef[];
  /** Its newest snapshot (an encrypted one before a plain one of the same number) and its size. */
  snapshot?: FileRef & { size: number };
  /** It holds encrypted files. */
  sealed: boolean;
}

/** PROPFIND `devices`, then each other device's folder. */
export async function listDevices(state: SyncState, { dav }: SyncCtx): Promise<Listing[]> {
  const devices = (await dav.list(DEVICES)).filter((e) => e.isDir && e.name !== state.deviceId);
  const listings: Listing[] = [];
  for (const d of devices) {
    const files = (await dav.list(deviceDir(d.name))).flatMap((e) => {
      const f = parseFileName(e.name);
      return f ? [{ ...f, name: e.name, size: e.size }] : [];
    });
    const snaps = files
      .filter((f) => f.type === 's')
      .sort((a, b) => b.seq - a.seq || Number(b.sealed) - Number(a.sealed));
    const snap = snaps[0];
    listings.push({
      device: d.name,
      changes: files
        .filter((f) => f.type === 'c')
        .map(({ seq, name }) => ({ seq, name }))
        .sort((a, b) => a.seq - b.seq),
      ...(snap ? { snapshot: { seq: snap.seq, name: snap.name, size: snap.size } } : {}),
      sealed: files.some((f) => f.sealed),
    });
  }
  return listings;
}

/** Read every file above the marks (after a first snapshot for a device that has read nothing). */
export async function pull(
  state: SyncState,
  ctx: SyncCtx,
  report: SyncReport,
  listings: Listing[],
): Promise<void> {
  if (Object.keys(state.marks).length === 0) await startFromSnapshot(state, ctx, report, listings);
  for (const l of listings) {
    const snap = l.snapshot;
    const mark = state.marks[l.device] ?? 0;
    if (snap && mark < snap.seq && missing(l.changes, mark, snap.seq)) {
      if ((await readFile(ctx, report, l.device, snap.name)) === 'gone') continue;
      state.marks[l.device] = snap.seq;
      await ctx.save(state);
    }
    for (const c of l.changes) {
      if (c.seq <= (state.marks[l.device] ?? 0)) continue;
      // Gone since the listing (that device compacted): the next sync's listing sends us to its snapshot.
      if ((await readFile(ctx, report, l.device, c.name)) === 'gone') break;
      state.marks[l.device] = c.seq;
      await ctx.save(state);
    }
  }
}

/**
 * Is any change file numbered in (mark, upTo] absent? Then it was removed and the snapshot is the
 * only place its records are. (A number skipped by a failed PUT looks the same and costs one
 * snapshot read, once: the mark then passes it.)
 */
function missing(changes: FileRef[], mark: number, upTo: number): boolean {
  const present = changes.filter((c) => c.seq > mark && c.seq <= upTo).length;
  return present < upTo - mark;
}

/**
 * A device that has read nothing yet starts from the snapshot that holds the most (the sum of its
 * high-water marks), then reads only the change files after it: a few files instead of every
 * device's whole history.
 */
async function startFromSnapshot(
  state: SyncState,
  ctx: SyncCtx,
  report: SyncReport,
  listings: Listing[],
): Promise<void> {
  const candidates = listings.flatMap((l) => (l.snapshot ? [{ device: l.device, ...l.snapshot }] : []));
  if (candidates.length === 0) return;
  // The largest file holds the most records; its covers are only known once it is read.
  const best = candidates.sort((a, b) => b.size - a.size)[0]!;
  const covers = await readFile(ctx, report, best.device, best.name);
  if (covers === 'gone') return;
  for (const [device, seq] of Object.entries(covers ?? { [best.device]: best.seq }))
    if (device !== state.deviceId) state.marks[device] = Math.max(state.marks[device] ?? 0, seq);
  await ctx.save(state);
}

/**
 * GET, decode and apply one file; returns a snapshot's covers, or 'gone' when the file was removed
 * after the listing. A damaged file is reported and skipped; a file this device cannot decrypt
 * stops the sync (SyncError), before anything of it is applied.
 */
async function readFile(
  { dav, store, codec }: SyncCtx,
  report: SyncReport,
  device: string,
  name: string,
): Promise<Record<string, number> | undefined | 'gone'> {
  const path = `${deviceDir(device)}/${name}`;
  let bytes: Uint8Array;
  try {
    bytes = await dav.get(path);
  } catch (e) {
    if (e instanceof SyncError && e.info.status === 404) return 'gone';
    throw e;
  }
  report.filesRead += 1;
  let decoded;
  try {
    decoded = await codec.decode(path, bytes);
  } catch (e) {
    if (e instanceof SyncError) throw e;
    // Its records are also in that device's next snapshot; stopping here would stop every later file.
    report.problems.push(e instanceof Error ? e.message.replace(`${DEVICES}/`, '') : String(e));
    return undefined;
  }
  report.problems.push(...decoded.problems.map((p) => p.replace(`${DEVICES}/`, '')));
  const applied = await store.applyRemote(decoded.file.records);
  report.pulled += decoded.file.records.length;
  report.applied += applied.changed.length;
  report.conflicts.push(...applied.replaced);
  report.problems.push(...applied.invalid);
  return decoded.file.covers;
}
