/**
 * What a device does in its own folder besides adding change files: write its snapshot
 * (everything it holds, tombstones too, with `covers`: up to which file of each device), and then
 * tidy the folder: older snapshots go, once its files are encrypted its plain ones go too, and
 * change files the snapshot covers go once they are older than `compactAfterMs` (compaction).
 * Removing files is safe for every reader because of the rule in lib/sync/pull.ts: a reader that
 * misses any file below the snapshot's number reads the snapshot.
 */
import { CONTENT_TYPE, deviceDir, parseFileName, snapshotFile } from './files.ts';
import type { SyncCtx, SyncReport } from './engine.ts';
import type { SyncState } from './types.ts';

/** Two weeks: a device used now and then still finds the change files; one away longer reads the snapshot. */
export const COMPACT_AFTER_MS = 14 * 86_400_000;

/** Write everything this device holds as its snapshot, then tidy its folder. */
export async function snapshot(state: SyncState, ctx: SyncCtx, report: SyncReport): Promise<void> {
  const { dav, store, save, codec } = ctx;
  const all = await store.changesSince(null);
  const covers = { ...state.marks, [state.deviceId]: state.seq };
  const name = snapshotFile(state.seq, codec.sealed);
  const path = `${deviceDir(state.deviceId)}/${name}`;
  const body = await codec.encode(path, {
    device: state.deviceId,
    seq: state.seq,
    covers,
    records: all.records,
  });
  await dav.put(path, body, CONTENT_TYPE);
  state.sinceSnapshot = 0;
  await save(state);
  report.snapshot = true;
  await tidy(state, ctx, name);
}

/**
 * Remove what the snapshot `kept` (number `state.seq`) makes unneeded: other snapshots; plain
 * files once we encrypt; change files it covers that are older than `compactAfterMs` by the
 * server's clock. The age keeps readers that sync now and then on small change files: only a
 * device away longer than that reads the snapshot. A server that sends no last-modified time
 * gets no compaction.
 */
async function tidy(state: SyncState, ctx: SyncCtx, kept: string): Promise<void> {
  const { dav, codec } = ctx;
  const dir = deviceDir(state.deviceId);
  const before = (ctx.now ?? Date.now)() - (ctx.compactAfterMs ?? COMPACT_AFTER_MS);
  for (const e of await dav.list(dir)) {
    const f = parseFileName(e.name);
    if (!f || e.name === kept) continue;
    const old = f.type === 'c' && f.seq <= state.seq && e.modified !== undefined && e.modified < before;
    if (f.type === 's' || (codec.sealed && !f.sealed) || old) await dav.remove(`${dir}/${e.name}`);
  }
}

/**
 * Encryption just turned on here: this device's plain files are replaced by one sealed snapshot of
 * everything it holds (the folder then shows the server only ciphertext of ours). Marked done only
 * after the plain files are gone, so a sync cut off halfway does it again.
 */
export async function sealOwnFolder(state: SyncState, ctx: SyncCtx, report: SyncReport): Promise<void> {
  if (state.seq > 0) await snapshot(state, ctx, report);
  state.sealed = true;
  await ctx.save(state);
}
