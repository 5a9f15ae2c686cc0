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
    now: () => number = Date.now,
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
    const put: LibraryData = { articles: [], highlights: [], clips: [] };
    const gone = { clips: [] as string[], highlights: [] as string[] };
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
      if (next.deleted) {
        if (live.has(key)) (r.kind === 'clip' ? gone.clips : gone.highlights).push(r.id);
      } else if (r.kind === 'article') put.articles.push(next.data as StoredArticle);
      else if (r.kind === 'highlight') put.highlights.push(next.data as Highlight);
      else put.clips.push(next.data as Clip);
      const stamp = next.deleted
        ? 0
        : ((next.data as { updatedAt?: number; lastSeenAt?: number }).updatedAt ??
          (next.data as StoredArticle).lastSeenAt);
      this.ledger.entries[key] = [next.rev, 0, next.deleted ? 1 : 0, stamp];
      report.changed.push(next);
    }
    // Articles through restore (it merges URLs); highlights and clips put back as they are, whatever
    // their updatedAt (restore would keep a copy with a later updatedAt, but the rev decided).
    if (put.articles.length)
      unwrap(await this.library.restore({ articles: put.articles, highlights: [], clips: [] }));
    if (put.highlights.length || put.clips.length)
      unwrap(await this.library.restoreDeleted({ highlights: put.highlights, clips: put.clips }));
    if (gone.clips.length || gone.highlights.length) unwrap(await this.library.deleteMany(gone));
    // The library stores a record a little differently (restore merges an article's URLs and
    // times, restoreDeleted stamps updatedAt anew): what it holds now is this version, not a
    // local edit to send back.
    if (put.articles.length || put.highlights.length || put.clips.length) {
      const stored = liveRecords(unwrap(await this.library.dumpAll()));
      for (const r of report.changed) {
        const e = this.ledger.entries[keyOf(r.kind, r.id)];
        const s = stored.get(keyOf(r.kind, r.id));
        if (e && s && !r.deleted) e[3] = s.stamp;
      }
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
      this.ledger.entries[key] = [this.clock.tick(), ++this.ledger.seq, 0, l.stamp];
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
