/**
 * A SyncStore held in memory: the contract of lib/sync/types.ts in its plainest form, for the merge
 * tests, the integration tests against a real WebDAV server and the bench (Node). Local edits are
 * stamped with the store's hybrid clock and logged; remote records go through `mergeRecord` and
 * are not logged, so they are never sent back.
 */
import { Hlc } from './hlc.ts';
import { mergeRecord } from './merge.ts';
import type { ApplyReport, Changes, Cursor, RecordKind, SyncRecord, SyncStore } from './types.ts';

const keyOf = (kind: RecordKind, id: string) => `${kind}\u0000${id}`;

export class MemoryStore implements SyncStore {
  readonly clock: Hlc;
  private readonly records = new Map<string, SyncRecord>();
  /** Local changes in order: the cursor is an index into it. */
  private readonly log: string[] = [];

  constructor(
    readonly device: string,
    private readonly now: () => number = Date.now,
  ) {
    this.clock = new Hlc(device, now);
  }

  /** A local edit: the new version of a record (made on top of the current one). */
  put(kind: RecordKind, id: string, data: unknown): SyncRecord {
    return this.write(kind, id, { deleted: false, data });
  }

  /** A local delete: a tombstone that syncs like an edit. */
  delete(kind: RecordKind, id: string): SyncRecord {
    return this.write(kind, id, { deleted: true });
  }

  get(kind: RecordKind, id: string): SyncRecord | undefined {
    return this.records.get(keyOf(kind, id));
  }

  /** Live records of a kind (tombstones left out), sorted by id for comparing libraries. */
  live(kind: RecordKind): SyncRecord[] {
    return [...this.records.values()]
      .filter((r) => r.kind === kind && !r.deleted)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  get size(): number {
    return this.records.size;
  }

  async changesSince(cursor: Cursor, limit = Infinity): Promise<Changes> {
    // null = everything (a snapshot); otherwise the log after the cursor, each record once, newest version.
    const keys = cursor === null ? [...this.records.keys()] : this.log.slice(Number(cursor));
    const end = cursor === null ? this.log.length : Number(cursor) + Math.min(keys.length, limit);
    const picked = [...new Set(cursor === null ? keys : keys.slice(0, limit))];
    return { records: picked.map((k) => this.records.get(k)!), cursor: String(end) };
  }

  async applyRemote(records: SyncRecord[]): Promise<ApplyReport> {
    const report: ApplyReport = { changed: [], ignored: 0, replaced: [], invalid: [] };
    for (const r of records) {
      this.clock.receive(r.rev);
      const key = keyOf(r.kind, r.id);
      const out = mergeRecord(this.records.get(key), r);
      if (out.conflict) report.replaced.push(out.conflict);
      if (out.store) {
        this.records.set(key, out.store);
        report.changed.push(out.store);
      } else report.ignored += 1;
    }
    return report;
  }

  private write(kind: RecordKind, id: string, v: { deleted: boolean; data?: unknown }): SyncRecord {
    const key = keyOf(kind, id);
    const prev = this.records.get(key);
    const rec: SyncRecord = {
      kind,
      id,
      rev: this.clock.tick(),
      device: this.device,
      updatedAt: this.now(),
      ...v,
      ...(prev ? { base: prev.rev } : {}),
    };
    this.records.set(key, rec);
    this.log.push(key);
    return rec;
  }
}
