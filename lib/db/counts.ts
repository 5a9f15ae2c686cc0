/**
 * How many clips and highlights the library holds, kept in the clock row of `meta` (`clips`,
 * `highlights`) by every write transaction, in that transaction: Chromium's `count()` walks every
 * row (50,000 clips: ~300 ms of the library's first rows, docs/storage.md), and the clock row is
 * read and written by every write anyway. A count the row lacks (a library of a build before the
 * counts) is counted once with `count()` and stored.
 */
import type { Table } from 'dexie';
import type { EpaperDB, MetaRow } from './schema.ts';

/** The two counted kinds and the clock row's field of each. */
export type Counted = 'clip' | 'highlight';
const FIELD = { clip: 'clips', highlight: 'highlights' } as const;

/** The table of a counted kind. */
function tableOf(db: EpaperDB, kind: Counted): Table {
  return kind === 'clip' ? db.clips : db.highlights;
}

/** The stored count of `kind`, or undefined when this row has none yet. */
export function storedCount(row: MetaRow | undefined, kind: Counted): number | undefined {
  const n = row?.[FIELD[kind]];
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Moves `row`'s count of `kind` by `delta`, inside a transaction that wrote that table: a count
 * the row lacks is counted instead (after the writes, so the rows just written are in it).
 */
export async function settleCount(db: EpaperDB, row: MetaRow, kind: Counted, delta: number): Promise<void> {
  const known = storedCount(row, kind);
  row[FIELD[kind]] = known === undefined ? await tableOf(db, kind).count() : known + delta;
}

/**
 * How many distinct ids among `ids` have no row in `table` yet, inside the caller's transaction:
 * a few are read by key; many (an undo of a large bulk delete) through the table's keys alone.
 */
export async function newRows(table: Table, ids: readonly string[]): Promise<number> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return 0;
  if (distinct.length > 50) {
    const keys = new Set((await table.toCollection().primaryKeys()) as string[]);
    return distinct.filter((id) => !keys.has(id)).length;
  }
  const rows = await table.bulkGet(distinct);
  return rows.filter((r) => r === undefined).length;
}

/**
 * The counts of `kinds`, for a read: the stored ones, and for a library whose clock row lacks one,
 * counted and stored in a write transaction first (once; other writers wait, as for any write).
 * `recount`: count them again (a listing of every row found a stored count wrong).
 */
export async function ensureCounts(db: EpaperDB, kinds: readonly Counted[], recount = false): Promise<void> {
  const row = await db.meta.get('clock');
  // No clock row: nothing was ever written to the library (the first write starts its counts at 0).
  if (!row || (!recount && kinds.every((k) => storedCount(row, k) !== undefined))) return;
  await db.transaction('rw', [db.clips, db.highlights, db.meta], async () => {
    const fresh = await db.meta.get('clock');
    if (!fresh) return;
    for (const k of kinds) {
      if (recount) fresh[FIELD[k]] = undefined;
      if (storedCount(fresh, k) === undefined) await settleCount(db, fresh, k, 0);
    }
    await db.meta.put(fresh);
  });
}
