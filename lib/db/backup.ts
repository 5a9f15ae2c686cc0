/**
 * Dump and restore of the whole library. Restore merges in one transaction keyed by id (articles by
 * key): a record already in the library is replaced only by a newer copy (updatedAt), articles merge
 * their URLs. Deleted records come back if the backup holds them: a backup has no tombstones.
 * Refusing a whole file (foreign, damaged, newer version, too large) is lib/export/backup.ts's job;
 * here each record is checked with the schemas every write uses (lib/export/validate.ts
 * `checkRecords`) and with the clock: a bad one, or one dated more than a day ahead, is skipped
 * and reported, and the rest is restored.
 */
import { checkRecords, type BackupData } from '../export/validate.ts';
import type { LibraryData, StoredArticle } from '../model/index.ts';
import {
  articleRow,
  clipRow,
  clipTexts,
  highlightTexts,
  highlightRow,
  mergeArticles,
  toClip,
  toHighlight,
  toStoredArticle,
} from './rows.ts';
import type { Table } from 'dexie';
import { allClipIds, allClipRows, getClipRows, takeClipRows } from './clipstore.ts';
import { addPacks } from './packs.ts';
import { postingRowsOfTexts } from './postings.ts';
import type { EpaperDB } from './schema.ts';
import type { RestoreReport } from './types.ts';

/** Every article, highlight and clip, without derived fields. */
export async function dumpAll(db: EpaperDB): Promise<LibraryData> {
  return db.transaction('r', [db.articles, db.highlights, db.clips, db.packs], async () => {
    const [articles, highlights, clips] = await Promise.all([
      db.articles.toArray(),
      db.highlights.toArray(),
      allClipRows(db),
    ]);
    return {
      articles: articles.map(toStoredArticle),
      highlights: highlights.map(toHighlight),
      clips: clips.map(toClip),
    };
  });
}

/**
 * Merges the valid records of `data` into the library; all or nothing. `segment`: a fresh id naming
 * this restore's posting lists; `now`: the library's clock (records dated after it by more than a
 * day are skipped).
 */
export async function restore(
  db: EpaperDB,
  data: LibraryData | BackupData,
  segment: string,
  now: number,
): Promise<RestoreReport> {
  const checked = checkRecords(data ?? { articles: [], highlights: [], clips: [] }, { now });
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

  // Everything below is one transaction: a quota error leaves nothing half-written. Clips go into
  // packs of 20 (packs.ts): as one row each, 50,000 clips took Chromium ~6 s (~75 µs a row).
  await db.transaction('rw', [db.articles, db.highlights, db.clips, db.packs, db.postings], async () => {
    const oldArticles = await existing(
      await keysOf(db.articles),
      (keys) => db.articles.bulkGet(keys),
      articles.map((a) => a.key),
    );
    const mergedArticles = new Map<string, StoredArticle>();
    for (const a of articles) {
      const old = oldArticles.get(a.key);
      const merged = mergeArticles(old ? toStoredArticle(old) : undefined, toStoredArticle(a));
      mergedArticles.set(a.key, merged);
      if (!old) report.added.articles++;
      else if (JSON.stringify(toStoredArticle(old)) !== JSON.stringify(merged)) report.updated.articles++;
      else report.unchanged++;
    }
    // Not awaited here: the browser writes the articles while this thread computes the rest (an
    // early failure is seen by the Promise.all below; the catch only keeps it from being reported
    // as unhandled in between).
    const articlesWritten = db.articles.bulkPut([...mergedArticles.values()].map(articleRow));
    articlesWritten.catch(() => undefined);
    const writes: Array<Promise<unknown>> = [articlesWritten];

    const oldHighlights = await existing(
      await keysOf(db.highlights),
      (keys) => db.highlights.bulkGet(keys),
      highlights.map((h) => h.id),
    );
    const hs = highlights.filter((h) => newer(h, oldHighlights.get(h.id), report, 'highlights'));
    const unknown = [...new Set(hs.map((h) => h.articleKey).filter((k) => !mergedArticles.has(k)))];
    const stored = new Map<string, StoredArticle>(mergedArticles);
    for (const a of await db.articles.bulkGet(unknown)) if (a) stored.set(a.key, a);
    // Restored rows keep no `*terms`: their terms go to this restore's posting lists.
    const hRows = hs.map((h) => highlightRow(toHighlight(h), stored.get(h.articleKey), false));
    writes.push(db.highlights.bulkPut(hRows));

    // Clips are rows or packed (clipstore.ts).
    const oldClips = await existing(
      await allClipIds(db),
      (ids) => getClipRows(db, ids),
      clips.map((c) => c.id),
    );
    const fresh = clips.filter((c) => newer(c, oldClips.get(c.id), report, 'clips'));
    // An older copy leaves its row or pack: the new one goes into this restore's packs.
    await takeClipRows(
      db,
      fresh.filter((c) => oldClips.has(c.id)).map((c) => c.id),
    );
    const cRows = fresh.map((c) => clipRow(c, false));
    writes.push(addPacks(db, segment, cRows));
    writes.push(
      db.postings.bulkPut([
        ...postingRowsOfTexts(
          'h',
          segment,
          hRows.map((r) => ({ id: r.id, createdAt: r.createdAt, texts: highlightTexts(r) })),
        ),
        ...postingRowsOfTexts(
          'c',
          segment,
          cRows.map((r) => ({ id: r.id, createdAt: r.createdAt, texts: clipTexts(r) })),
        ),
      ]),
    );
    await Promise.all(writes);
  });
  return report;
}

/**
 * The records among `keys` already in the library: the keys it has are read first (keys only,
 * cheap), so restoring into an empty library reads no rows at all.
 */
async function existing<R>(
  have: Set<string>,
  get: (keys: string[]) => Promise<Array<R | undefined>>,
  keys: string[],
): Promise<Map<string, R>> {
  const wanted = keys.filter((k) => have.has(k));
  const rows = await get(wanted);
  const out = new Map<string, R>();
  wanted.forEach((k, i) => {
    const r = rows[i];
    if (r) out.set(k, r);
  });
  return out;
}

/** The primary keys of `table`, as a set. */
async function keysOf<R>(table: Table<R, string>): Promise<Set<string>> {
  return new Set(await table.toCollection().primaryKeys());
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
