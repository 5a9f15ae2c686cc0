/**
 * Dump and restore of the whole library. Restore merges in one transaction keyed by id (articles by
 * key): a record already in the library is replaced only by a newer copy (updatedAt), articles merge
 * their URLs. Deleted records come back if the backup holds it: a backup has no tombstones.
 * Refusing a whole file (foreign, damaged, newer version, too large) is lib/export/backup.ts's job;
 * here each record is checked with the schemas every write uses (lib/export/validate.ts
 * `checkRecords`) and with the clock: a bad one, or one dated more than a day ahead, is skipped
 * and reported, and the rest is restored. Restored records are versioned at their own time
 * (versions.ts `at`), so a restore never beats a later edit made on another device.
 */
import type { Table } from 'dexie';
import { checkRecords, type BackupData } from '../export/validate.ts';
import type { LibraryData, StoredArticle } from '../model/index.ts';
import {
  articleRow,
  clipRow,
  highlightRow,
  mergeArticles,
  toClip,
  toHighlight,
  toStoredArticle,
} from './rows.ts';
import type { EpaperDB } from './schema.ts';
import type { RestoreReport } from './types.ts';
import { revive, tombKey, writing } from './versions.ts';

/** Every article, highlight and clip, without derived fields. */
export async function dumpAll(db: EpaperDB): Promise<LibraryData> {
  return db.transaction('r', [db.articles, db.highlights, db.clips], async () => {
    const [articles, highlights, clips] = await Promise.all([
      db.articles.toArray(),
      db.highlights.toArray(),
      db.clips.toArray(),
    ]);
    return {
      articles: articles.map(toStoredArticle),
      highlights: highlights.map(toHighlight),
      clips: clips.map(toClip),
    };
  });
}

/**
 * A user-timing span `restore: <name>` from `start` to now: the phases of a restore, read by
 * tests/e2e/library-perf.test.ts (where a 50,000-clip restore spends its time, docs/storage.md).
 */
function phase(name: string, start: number): number {
  const end = performance.now();
  performance.measure(`restore: ${name}`, { start, end });
  return end;
}

/** Merges the valid records of `data` into the library; all or nothing. `now`: the library's clock. */
export async function restore(
  db: EpaperDB,
  data: LibraryData | BackupData,
  now: number,
): Promise<RestoreReport> {
  let t = performance.now();
  const checked = checkRecords(data ?? { articles: [], highlights: [], clips: [] }, { now });
  t = phase('check', t);
  const report: RestoreReport = {
    added: { articles: 0, highlights: 0, clips: 0 },
    updated: { articles: 0, highlights: 0, clips: 0 },
    unchanged: 0,
    skipped: checked.skipped,
    problems: checked.problems,
  };
  const articles = dedupe(checked.data.articles, (a) => a.key, 'lastSeenAt');
  const highlights = dedupe(checked.data.highlights, (h) => h.id, 'updatedAt');
  const clips = dedupe(checked.data.clips, (c) => c.id, 'updatedAt');

  t = phase('dedupe', t);
  // One transaction: a quota error leaves nothing half-written.
  await writing(db, [db.articles, db.highlights, db.clips], async (st) => {
    t = phase('open', t);
    const oldArticles = await existing(
      db.articles,
      articles.map((a) => a.key),
    );
    const stored = new Map<string, StoredArticle>();
    const changedArticles: StoredArticle[] = [];
    for (const a of articles) {
      const old = oldArticles.get(a.key);
      const merged = mergeArticles(old ? toStoredArticle(old) : undefined, toStoredArticle(a));
      stored.set(a.key, merged);
      if (!old) report.added.articles++;
      else if (JSON.stringify(toStoredArticle(old)) !== JSON.stringify(merged)) report.updated.articles++;
      else {
        report.unchanged++;
        continue;
      }
      changedArticles.push(merged);
    }
    // Not awaited here: the browser writes the articles while this thread computes the rest (an
    // early failure is seen by the Promise.all below; the catch only keeps it from being reported
    // as unhandled in between).
    const articlesWritten = db.articles.bulkPut(
      changedArticles.map((a) => articleRow(a, st.at(a.lastSeenAt))),
    );
    articlesWritten.catch(() => undefined);

    const oldHighlights = await existing(
      db.highlights,
      highlights.map((h) => h.id),
    );
    const hs = highlights.filter((h) => newer(h, oldHighlights.get(h.id), report, 'highlights'));
    const unknown = [...new Set(hs.map((h) => h.articleKey).filter((k) => !stored.has(k)))];
    for (const a of await db.articles.bulkGet(unknown)) if (a) stored.set(a.key, a);
    // A record deleted here and brought back by the restore is a new edit (it must beat its own
    // tombstone, which other devices may hold); any other is versioned at its own time.
    const tombs = new Set(await db.tombstones.toCollection().primaryKeys());
    const version = (kind: 'clip' | 'highlight', id: string, at: number) =>
      tombs.has(tombKey(kind, id)) ? st.next(at) : st.at(at);
    const oldClips = await existing(
      db.clips,
      clips.map((c) => c.id),
    );
    const cs = clips.filter((c) => newer(c, oldClips.get(c.id), report, 'clips'));
    const hRows = hs.map((h) =>
      highlightRow(toHighlight(h), stored.get(h.articleKey), version('highlight', h.id, h.updatedAt)),
    );
    const cRows = cs.map((c) => clipRow(c, version('clip', c.id, c.updatedAt)));
    // `existing` read every stored id: the rows not among them are new.
    st.count('highlight', hs.filter((h) => !oldHighlights.has(h.id)).length);
    st.count('clip', cs.filter((c) => !oldClips.has(c.id)).length);
    t = phase('merge and rows', t);
    await Promise.all([
      articlesWritten,
      revive(
        db,
        'highlight',
        hs.map((h) => h.id),
      ),
      revive(
        db,
        'clip',
        cs.map((c) => c.id),
      ),
      db.highlights.bulkPut(hRows),
      db.clips.bulkPut(cRows),
    ]);
    t = phase('put', t);
  });
  phase('commit', t);
  return report;
}

/**
 * The rows among `keys` already in `table`: its keys are read first (keys only, cheap), so
 * restoring into an empty library reads no rows at all.
 */
async function existing<R>(table: Table<R, string>, keys: string[]): Promise<Map<string, R>> {
  const have = new Set(await table.toCollection().primaryKeys());
  const wanted = keys.filter((k) => have.has(k));
  const rows = await table.bulkGet(wanted);
  const out = new Map<string, R>();
  wanted.forEach((k, i) => {
    const r = rows[i];
    if (r) out.set(k, r);
  });
  return out;
}

/** True when `next` should be written over `old`; counts it in the report. */
function newer(
  next: { updatedAt: number },
  old: { updatedAt: number } | undefined,
  report: RestoreReport,
  table: 'highlights' | 'clips',
): boolean {
  if (!old) {
    report.added[table]++;
    return true;
  }
  if (next.updatedAt > (old.updatedAt ?? 0)) {
    report.updated[table]++;
    return true;
  }
  report.unchanged++;
  return false;
}

/** One record per id inside the backup itself (the newest), so a file with duplicate ids restores cleanly. */
function dedupe<T>(xs: T[], id: (x: T) => string, stamp: keyof T): T[] {
  const by = new Map<string, T>();
  for (const x of xs) {
    const old = by.get(id(x));
    if (!old || Number(x[stamp]) > Number(old[stamp])) by.set(id(x), x);
  }
  return [...by.values()];
}
