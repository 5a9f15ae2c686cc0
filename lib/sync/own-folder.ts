/**
 * What a device does in its own folder besides adding change files: write its snapshot
 * (everything it holds, tombstones too, with `covers`: up to which file of each device), and then
 * tidy the folder: older snapshots go, and once its files are encrypted its plain ones go too.
 * Removing files is safe for every reader because of the rule in lib/sync/pull.ts: a reader that
 * misses any file below the snapshot's number reads the snapshot.
 */
import { CONTENT_TYPE, deviceDir, parseFileName, snapshotFile } from './files.ts';
import type { SyncCtx, SyncReport } from './engine.ts';
import type { SyncState } from './types.ts';

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

/** Remove what the snapshot `kept` makes unneeded: other snapshots; plain files once we encrypt. */
async function tidy(state: SyncState, { dav, codec }: SyncCtx, kept: string): Promise<void> {
  const dir = deviceDir(state.deviceId);
  for (const e of await dav.list(dir)) {
    const f = parseFileName(e.name);
    if (!f || e.name === kept) continue;
    if (f.type === 's' || (codec.sealed && !f.sealed)) await dav.remove(`${dir}/${e.name}`);
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
