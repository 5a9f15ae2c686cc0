/**
 * The SyncStore over the library (`deviceId`, `changesSince`, `applyRemote` on lib/db's Library,
 * contract in lib/db/README.md, "Sync contract"). The library
 * does the merge and keeps the clock; this only pages its change feed and keeps to this device's
 * own changes for upload (records applied from other devices are in the feed too).
 */
import type { Result } from '../model/index.ts';
import type { ApplyReport, Changes, Cursor, SyncRecord, SyncStore } from './types.ts';

/** The three methods of lib/db's Library this store uses. */
export interface VersionedLibrary {
  deviceId(): Promise<Result<string>>;
  changesSince(
    cursor: number,
    limit?: number,
  ): Promise<Result<{ records: SyncRecord[]; cursor: number; more: boolean }>>;
  applyRemote(records: unknown[]): Promise<Result<ApplyReport>>;
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** Rows read per page of the change feed. */
const PAGE = 5000;

export class DbStore implements SyncStore {
  constructor(
    private readonly library: VersionedLibrary,
    /** This library's own device id (`library.deviceId()`): the engine's folder and every rev's last field. */
    private readonly device: string,
  ) {}

  async changesSince(cursor: Cursor, limit = Infinity): Promise<Changes> {
    // null: everything the library holds, other devices' records and tombstones too (a snapshot, or
    // a first push); otherwise this device's changes after the cursor.
    const all = cursor === null;
    let at = all ? 0 : Number(cursor);
    const records: SyncRecord[] = [];
    // Pages no larger than a file: a page of 5,000 cut into files of 2,000 leaves a file of 1,000
    // after every page, one request more per page in a first sync.
    const page = Math.min(PAGE, limit);
    for (;;) {
      const batch = unwrap(await this.library.changesSince(at, page));
      for (const r of batch.records) if (all || r.device === this.device) records.push(r);
      at = batch.cursor;
      if (!batch.more || (!all && records.length >= limit)) break;
    }
    return { records, cursor: String(at) };
  }

  /** This device's changes after `cursor` not yet on the server (for the state panel). */
  async pending(cursor: Cursor): Promise<number> {
    return (await this.changesSince(cursor ?? '0')).records.length;
  }

  async applyRemote(records: SyncRecord[]): Promise<ApplyReport> {
    return unwrap(await this.library.applyRemote(records));
  }
}
