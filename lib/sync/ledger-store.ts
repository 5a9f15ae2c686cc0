/**
 * A SyncStore over today's Library (issue 14's first half gives lib/db versions of its own; until
 * it lands this is what the extension syncs). Today's records carry no versions, so this store
 * keeps a ledger beside the library, in extension storage: for every record the rev it was last
 * synced with, the local change number, and its updatedAt (an article's lastSeenAt). It finds
 * local changes by comparing the library with the ledger, which is honest but not free: every
 * `changesSince` reads the whole library once (measured in docs/benchmarks-browser.md). A record
 * gone from the library is a local delete (a tombstone). Articles are never deleted by today's
 * library, so their tombstones from other devices are not applied.
 */
import type { Clip, Highlight, LibraryData, Result, StoredArticle } from '../model/index.ts';
import type { DeletedItems, RestoreReport } from '../db/types.ts';
import { Hlc } from './hlc.ts';
import { mergeRecord } from './merge.ts';
import type { ApplyReport, Changes, Cursor, RecordKind, SyncRecord, SyncStore } from './types.ts';

/** The Library methods this store uses (lib/db/library.ts). */
export interface LedgerLibrary {
  dumpAll(): Promise<Result<LibraryData>>;
  restore(data: LibraryData): Promise<Result<RestoreReport>>;
  restoreDeleted(items: DeletedItems): Promise<Result<{ clips: number; highlights: number }>>;
  deleteMany(ids: { clips?: string[]; highlights?: string[] }): Promise<Result<DeletedItems>>;
}

/** Per record: [rev, local change number (0: came from another device), deleted 0/1, updatedAt]. */
type Entry = [rev: string, seq: number, deleted: 0 | 1, stamp: number];

/** What is saved between syncs. */
export interface Ledger {
  entries: Record<string, Entry>;
  seq: number;
  clock: string;
}

export const emptyLedger = (): Ledger => ({ entries: {}, seq: 0, clock: '' });

const keyOf = (kind: RecordKind, id: string) => `${kind}:${id}`;

/** One record of the library with its kind, id and own time. */
interface Live {
  kind: RecordKind;
  id: string;
  stamp: number;
  data: StoredArticle | Highlight | Clip;
}

function liveRecords(d: LibraryData): Map<string, Live> {
  const out = new Map<string, Live>();
  for (const a of d.articles)
    out.set(keyOf('article', a.key), { kind: 'article', id: a.key, stamp: a.lastSeenAt, data: a });
  for (const h of d.highlights)
    out.set(keyOf('highlight', h.id), { kind: 'highlight', id: h.id, stamp: h.updatedAt, data: h });
  for (const c of d.clips)
    out.set(keyOf('clip', c.id), { kind: 'clip', id: c.id, stamp: c.updatedAt, data: c });
  return out;
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

export class LedgerStore implements SyncStore {
  private readonly clock: Hlc;

  constructor(
    private readonly library: LedgerLibrary,
    private readonly ledger: Ledger,
    device: string,
    private readonly persist: (l: Ledger) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {
    this.clock = new Hlc(device, now, ledger.clock || undefined);
  }

  /** Number of local changes not yet after `cursor` (for the state panel), found the same way a sync finds them. */
  async pending(cursor: Cursor): Promise<number> {
    await this.scan();
    const after = Number(cursor ?? 0);
    return Object.values(this.ledger.entries).filter((e) => e[1] > after).length;
  }

  async changesSince(cursor: Cursor, limit = Infinity): Promise<Changes> {
    const live = await this.scan();
    const after = cursor === null ? -1 : Number(cursor);
    const picked = Object.entries(this.ledger.entries)
      .filter(([, e]) => (cursor === null ? true : e[1] > after))
      .sort((a, b) => a[1][1] - b[1][1]);
    const take = cursor === null ? picked : picked.slice(0, limit);
    const records = take.map(([key, e]) => this.recordOf(key, e, live.get(key)));
    const last = cursor === null ? this.ledger.seq : (take.at(-1)?.[1][1] ?? after);
    return { records, cursor: String(Math.max(last, 0)) };
  }

  async applyRemote(records: SyncRecord[]): Promise<ApplyReport> {
    const report: ApplyReport = { changed: [], ignored: 0, replaced: [], invalid: [] };
    const live = liveRecords(unwrap(await this.library.dumpAll()));
    // New records go in one restore (the backup path: packed, updatedAt kept as sent); records the
    // library has are overwritten with restoreDeleted, since the rev decided, not updatedAt.
    const fresh: LibraryData = { articles: [], highlights: [], clips: [] };
    const over: DeletedItems = { highlights: [], clips: [] };
    const gone = { clips: [] as string[], highlights: [] as string[] };
    let restamp = false;
    for (const r of records) {
      this.clock.receive(r.rev);
      const key = keyOf(r.kind, r.id);
      const e = this.ledger.entries[key];
      const local = e ? this.recordOf(key, e, live.get(key)) : undefined;
      const out = mergeRecord(local, r);
      if (out.conflict) report.replaced.push(out.conflict);
      const next = out.store;
      if (!next || (next.deleted && r.kind === 'article')) {
        report.ignored += 1;
        continue;
      }
      const here = live.has(key);
      if (next.deleted) {
        if (here) (r.kind === 'clip' ? gone.clips : gone.highlights).push(r.id);
      } else if (r.kind === 'article') {
        fresh.articles.push(next.data as StoredArticle);
        restamp ||= here; // restore merges it with the local copy
      } else if (!here) {
        if (r.kind === 'highlight') fresh.highlights.push(next.data as Highlight);
        else fresh.clips.push(next.data as Clip);
      } else {
        if (r.kind === 'highlight') over.highlights.push(next.data as Highlight);
        else over.clips.push(next.data as Clip);
        restamp = true; // restoreDeleted stamps updatedAt anew
      }
      const stamp = next.deleted
        ? 0
        : ((next.data as { updatedAt?: number; lastSeenAt?: number }).updatedAt ??
          (next.data as StoredArticle).lastSeenAt);
      this.ledger.entries[key] = [next.rev, 0, next.deleted ? 1 : 0, stamp];
      report.changed.push(next);
    }
    if (fresh.articles.length || fresh.highlights.length || fresh.clips.length) {
      const restored = unwrap(await this.library.restore(fresh));
      report.invalid.push(...restored.problems);
      // A record restore refused (its schema, or dated over a day ahead) must not stay in the
      // ledger: the next scan would take its absence for a local delete and send a tombstone.
      restamp ||= restored.skipped > 0;
    }
    if (over.highlights.length || over.clips.length) unwrap(await this.library.restoreDeleted(over));
    if (gone.clips.length || gone.highlights.length) unwrap(await this.library.deleteMany(gone));
    // What the library holds now is this version, not a local edit to send back.
    if (restamp) {
      const stored = liveRecords(unwrap(await this.library.dumpAll()));
      report.changed = report.changed.filter((r) => {
        const key = keyOf(r.kind, r.id);
        const s = stored.get(key);
        if (r.deleted) return true;
        if (s) this.ledger.entries[key]![3] = s.stamp;
        else delete this.ledger.entries[key];
        return !!s;
      });
    }
    await this.save();
    return report;
  }

  /** Compare the library with the ledger: a new or newer record, or one gone, is a local change. */
  private async scan(): Promise<Map<string, Live>> {
    const live = liveRecords(unwrap(await this.library.dumpAll()));
    let changed = false;
    for (const [key, l] of live) {
      const e = this.ledger.entries[key];
      if (e && e[2] === 0 && e[3] === l.stamp) continue;
      // Stamped at the edit's own time (updatedAt), not when this scan found it: the later edit
      // must win even when the other device's sync found its own edit first.
      this.ledger.entries[key] = [
        this.clock.tick(Math.min(l.stamp, this.now())),
        ++this.ledger.seq,
        0,
        l.stamp,
      ];
      changed = true;
    }
    for (const [key, e] of Object.entries(this.ledger.entries)) {
      if (e[2] === 1 || live.has(key)) continue;
      this.ledger.entries[key] = [this.clock.tick(), ++this.ledger.seq, 1, 0];
      changed = true;
    }
    if (changed) await this.save();
    return live;
  }

  private recordOf(key: string, e: Entry, l: Live | undefined): SyncRecord {
    const [kind, ...rest] = key.split(':');
    const rev = e[0];
    const device = rev.slice(rev.lastIndexOf('.') + 1);
    const base = { kind: kind as RecordKind, id: rest.join(':'), rev, device, updatedAt: e[3] };
    return e[2] === 1 || !l ? { ...base, deleted: true } : { ...base, deleted: false, data: l.data };
  }

  private save(): Promise<void> {
    this.ledger.clock = this.clock.latest();
    return this.persist(this.ledger);
  }
}
