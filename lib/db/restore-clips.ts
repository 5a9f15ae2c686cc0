/**
 * The clips of a restore, one slice at a time (restore.ts): which copy of each id wins, its row
 * and version, and the report's counts. The winner is what a dedupe of the whole file would keep
 * (the newest copy, the first of equal ones), written only when newer than the stored row; a
 * later, newer copy of an id already put (a file with duplicate ids) is put again over it, so the
 * last put of every id is the winner and the counts are those of the winners.
 */
import type { Clip } from '../model/index.ts';
import { clipRow } from './rows.ts';
import type { ClipRow, Versioned } from './schema.ts';

/** What a restored record does to the library. */
export type Outcome = 'added' | 'updated' | 'unchanged';

/** A record from a file against the stored row of its id: new, newer (replaces it) or not. */
export function outcome(next: { updatedAt: number }, old: { updatedAt: number } | undefined): Outcome {
  if (!old) return 'added';
  return next.updatedAt > (old.updatedAt ?? 0) ? 'updated' : 'unchanged';
}

/** The counts of a restore's clips, and the ids it wrote. */
export interface ClipTally {
  added: number;
  updated: number;
  unchanged: number;
  written: string[];
}

/** Clip rows of a restore, slice by slice. */
export class ClipSlices {
  /** For each id seen: the `updatedAt` of the copy kept and what it does. */
  private readonly kept = new Map<string, { at: number; outcome: Outcome }>();

  constructor(
    private readonly stored: ReadonlyMap<string, Clip>,
    private readonly version: (id: string, at: number) => Versioned,
  ) {}

  /** The rows to put for `valid` (checked clips, in file order). */
  rows(valid: readonly Clip[]): ClipRow[] {
    const out: ClipRow[] = [];
    for (const c of valid) {
      const prev = this.kept.get(c.id);
      if (prev && !(c.updatedAt > prev.at)) continue;
      const o = outcome(c, this.stored.get(c.id));
      this.kept.set(c.id, { at: c.updatedAt, outcome: o });
      if (o !== 'unchanged') out.push(clipRow(c, this.version(c.id, c.updatedAt)));
    }
    return out;
  }

  /** The counts over every id seen so far. */
  tally(): ClipTally {
    const t: ClipTally = { added: 0, updated: 0, unchanged: 0, written: [] };
    for (const [id, k] of this.kept) {
      t[k.outcome]++;
      if (k.outcome !== 'unchanged') t.written.push(id);
    }
    return t;
  }
}
