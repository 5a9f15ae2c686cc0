/**
 * Every write is one read-write transaction that also holds `meta` and `tombstones`: it loads the
 * library's clock (device id, hybrid logical clock, last seq), gives each row it writes the next
 * version, and saves the clock with the rows. IndexedDB serialises read-write transactions over
 * the same tables, so two tabs writing at once still get distinct, rising `seq`s and stamps.
 */
import type { Table } from 'dexie';
import { formatRev, tick, witness } from './clock.ts';
import { type Counted, settleCount } from './counts.ts';
import { newDeviceId } from './ids.ts';
import type { EpaperDB, MetaRow, TombstoneRow, Versioned } from './schema.ts';
import type { SyncKind } from './types.ts';

/** The clock of one write transaction. */
export class Stamps {
  /** Rows this transaction added (positive) or removed (negative), by kind (counts.ts). */
  private readonly delta = new Map<Counted, number>();

  private constructor(
    private readonly db: EpaperDB,
    private readonly row: MetaRow,
  ) {}

  /** Loads (or makes, on a new library) the clock row inside the caller's transaction. */
  static async load(db: EpaperDB): Promise<Stamps> {
    // No clock row: nothing was ever written to this library (every write and the v6 upgrade
    // leave one), so its counts start at zero rather than be counted after the first write (a
    // 50,000-clip restore into a new library would count every row it wrote).
    const row = (await db.meta.get('clock')) ?? {
      k: 'clock',
      device: newDeviceId(),
      t: 0,
      c: 0,
      seq: 0,
      clips: 0,
      highlights: 0,
    };
    return new Stamps(db, row);
  }

  get device(): string {
    return this.row.device;
  }

  /** The next version for a row this transaction writes, the record's own time `at` as wall time. */
  next(at: number): Versioned {
    return { rev: tick(this.row, at, this.row.device), device: this.row.device, seq: ++this.row.seq };
  }

  /**
   * A version at the record's own time `at`, not ticked: a restored or migrated record is an old
   * version brought back, so it must not beat a later edit made on another device.
   */
  at(at: number): Versioned {
    const t = Math.max(0, Math.floor(at));
    // The receive rule for a stamp of counter 0 (`witness`), without parsing back the stamp just
    // made: a restore versions every record here, 50,000 for a large library.
    if (t > this.row.t) {
      this.row.t = t;
      this.row.c = 0;
    }
    return { rev: formatRev(t, 0, this.row.device), device: this.row.device, seq: ++this.row.seq };
  }

  /** The next seq only, for a row written with another device's version (applyRemote). */
  nextSeq(): number {
    return ++this.row.seq;
  }

  /** Moves the clock past a stamp received from another device. */
  witness(rev: string): void {
    witness(this.row, rev);
  }

  /** A tombstone for a record deleted at `now`. */
  tombstone(kind: SyncKind, id: string, now: number): TombstoneRow {
    return { k: tombKey(kind, id), kind, id, updatedAt: now, ...this.next(now) };
  }

  /**
   * Notes `n` rows of `kind` added (or, negative, removed) by this transaction; every write path
   * that adds or removes a clip or highlight row calls it, so the stored counts stay exact.
   */
  count(kind: Counted, n: number): void {
    if (n !== 0) this.delta.set(kind, (this.delta.get(kind) ?? 0) + n);
  }

  /** Writes the clock and the counts back (the last step of the transaction). */
  async save(): Promise<unknown> {
    for (const [kind, n] of this.delta) await settleCount(this.db, this.row, kind, n);
    return this.db.meta.put(this.row);
  }
}

/** The tombstones table key of a record. */
export function tombKey(kind: SyncKind, id: string): string {
  return `${kind} ${id}`;
}

/**
 * Runs `fn` in one read-write transaction over `tables`, `meta` and `tombstones` with the clock
 * loaded; the clock is saved after `fn`, in the same transaction.
 */
export function writing<T>(db: EpaperDB, tables: Table[], fn: (s: Stamps) => Promise<T>): Promise<T> {
  return db.transaction('rw', [...tables, db.meta, db.tombstones], async () => {
    const stamps = await Stamps.load(db);
    const out = await fn(stamps);
    await stamps.save();
    return out;
  });
}

/**
 * Drops the tombstones of records written again (an undo, a restore), inside the caller's
 * transaction. `stored`: the tombstones' keys, when the caller has read them already.
 */
export async function revive(
  db: EpaperDB,
  kind: SyncKind,
  ids: readonly string[],
  stored?: ReadonlySet<string>,
): Promise<void> {
  if (ids.length === 0) return;
  // Most libraries hold few tombstones: read their keys once rather than delete 50,000 absent keys.
  const keys =
    stored ?? (ids.length > 50 ? new Set(await db.tombstones.toCollection().primaryKeys()) : undefined);
  const gone = ids.map((id) => tombKey(kind, id)).filter((k) => !keys || keys.has(k));
  if (gone.length > 0) await db.tombstones.bulkDelete(gone);
}
