/**
 * Restore of a backup: merges its records in one transaction keyed by id (articles by key): a
 * record already in the library is replaced only by a newer copy (updatedAt), articles merge their
 * URLs, duplicate ids inside the file count once (the newest copy). Deleted records come back if
 * the backup holds them: a backup has no tombstones. Refusing a whole file (foreign, damaged, newer
 * version, too large) is lib/export/backup.ts's job; here each record is checked with the schemas
 * every write uses (lib/export/validate.ts) and with the clock: a bad one, or one dated more than a
 * day ahead, is skipped and reported, and the rest is restored. Restored records are versioned at
 * their own time (versions.ts `at`), so a restore never beats a later edit made on another device.
 *
 * Its shape follows where the time goes (docs/storage.md, "The restore, pipelined"): Chromium
 * writes ~100 µs a row in the browser process, so every read comes first (a read issued after the
 * puts would wait for all of them), then the clips are checked, versioned and put slice by slice
 * in one synchronous run, so the browser writes each slice while this thread checks the next.
 */
import type { Table } from 'dexie';
import { RecordChecker, type BackupData } from '../export/validate.ts';
import type { Clip, Highlight, LibraryData, StoredArticle } from '../model/index.ts';
import { allWritten, RawPuts } from './raw-puts.ts';
import { ClipSlices, outcome } from './restore-clips.ts';
import { articleRow, highlightRow, mergeArticles, toHighlight, toStoredArticle } from './rows.ts';
import type { EpaperDB } from './schema.ts';
import type { RestoreReport } from './types.ts';
import { revive, tombKey, writing } from './versions.ts';

/** Clips checked and put per slice: small enough that the first puts start early. */
export const SLICE = 2_000;

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
  const input: BackupData = data ?? { articles: [], highlights: [], clips: [] };
  const check = new RecordChecker(now);
  const articles = dedupe(check.all<StoredArticle>(input, 'articles'), (a) => a.key, 'lastSeenAt');
  const highlights = dedupe(check.all<Highlight>(input, 'highlights'), (h) => h.id, 'updatedAt');
  const clipList = check.list(input, 'clips');
  const report: RestoreReport = {
    added: { articles: 0, highlights: 0, clips: 0 },
    updated: { articles: 0, highlights: 0, clips: 0 },
    unchanged: 0,
    skipped: 0,
    problems: check.problems,
  };
  t = phase('check articles and highlights', t);
  // One transaction: a quota error leaves nothing half-written.
  await writing(db, [db.articles, db.highlights, db.clips], async (st) => {
    // Every read first. The clips' ids are read from the file before their check: a stored row
    // read for a record that then fails it is not used.
    const rawIds = clipList
      .map((c) => (c as { id?: unknown } | null)?.id)
      .filter((id) => typeof id === 'string');
    const [oldArticles, oldHighlights, oldClips, tombs] = await Promise.all([
      existing(
        db.articles,
        articles.map((a) => a.key),
      ),
      existing(
        db.highlights,
        highlights.map((h) => h.id),
      ),
      existing(db.clips, rawIds),
      db.tombstones.toCollection().primaryKeys(),
    ]);
    const inFile = new Set(articles.map((a) => a.key));
    const outside = [...new Set(highlights.map((h) => h.articleKey))].filter((k) => !inFile.has(k));
    const outsideArticles = await db.articles.bulkGet(outside);
    t = phase('read', t);

    // From here on nothing is awaited until every put is issued.
    const stored = new Map<string, StoredArticle>();
    for (const a of outsideArticles) if (a) stored.set(a.key, toStoredArticle(a));
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
    const writes: Promise<unknown>[] = [
      db.articles.bulkPut(changedArticles.map((a) => articleRow(a, st.at(a.lastSeenAt)))),
    ];
    // A record deleted here and brought back by the restore is a new edit (it must beat its own
    // tombstone, which other devices may hold); any other is versioned at its own time.
    const tombSet = new Set(tombs);
    const version = (kind: 'clip' | 'highlight', id: string, at: number) =>
      tombSet.size > 0 && tombSet.has(tombKey(kind, id)) ? st.next(at) : st.at(at);

    const hs: Highlight[] = [];
    for (const h of highlights) {
      const o = outcome(h, oldHighlights.get(h.id));
      if (o === 'unchanged') report.unchanged++;
      else {
        report[o].highlights++;
        hs.push(h);
      }
    }
    writes.push(
      db.highlights.bulkPut(
        hs.map((h) =>
          highlightRow(toHighlight(h), stored.get(h.articleKey), version('highlight', h.id, h.updatedAt)),
        ),
      ),
    );
    st.count('highlight', report.added.highlights);

    const clips = new ClipSlices(oldClips, (id, at) => version('clip', id, at));
    const puts = new RawPuts(db.clips);
    for (let i = 0; i < clipList.length; i += SLICE) {
      puts.put(clips.rows(check.slice<Clip>('clips', clipList, i, i + SLICE)));
    }
    writes.push(puts.done());
    const tally = clips.tally();
    report.added.clips = tally.added;
    report.updated.clips = tally.updated;
    report.unchanged += tally.unchanged;
    st.count('clip', tally.added);
    writes.push(
      revive(
        db,
        'highlight',
        hs.map((h) => h.id),
        tombSet,
      ),
      revive(db, 'clip', tally.written, tombSet),
    );
    t = phase('check, version and issue the clips', t);
    // Every write is issued; the first failure aborts the transaction.
    await allWritten(writes);
    t = phase('put', t);
  });
  report.skipped = check.skipped;
  phase('commit', t);
  return report;
}

/**
 * The rows among `keys` already in `table`: its keys are read first (keys only, cheap), so
 * restoring into an empty library reads no rows at all.
 */
async function existing<R>(table: Table<R, string>, keys: readonly string[]): Promise<Map<string, R>> {
  const have = new Set(await table.toCollection().primaryKeys());
  const wanted = [...new Set(keys.filter((k) => have.has(k)))];
  const rows = await table.bulkGet(wanted);
  const out = new Map<string, R>();
  wanted.forEach((k, i) => {
    const r = rows[i];
    if (r) out.set(k, r);
  });
  return out;
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
