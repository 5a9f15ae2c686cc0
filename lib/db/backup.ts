/**
 * Dump and restore of the whole library. Restore merges in one transaction keyed by id (articles by
 * key): a record already in the library is replaced only by a newer copy (updatedAt), articles merge
 * their URLs. Deleted records come back if the backup holds them: a backup has no tombstones.
 * Validating a backup file (format version, damaged JSON) is lib/export/backup.ts's job; this
 * only skips records without an id.
 */
import type { Clip, Highlight, LibraryData, StoredArticle } from '../model/index.ts';
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

/** Every article, highlight and clip, without derived fields. */
export async function dumpAll(db: EpaperDB): Promise<LibraryData> {
  return db.transaction('r', db.articles, db.highlights, db.clips, async () => {
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

/** Merges `data` into the library; all or nothing. */
export async function restore(db: EpaperDB, data: LibraryData): Promise<RestoreReport> {
  const report: RestoreReport = {
    added: { articles: 0, highlights: 0, clips: 0 },
    updated: { articles: 0, highlights: 0, clips: 0 },
    unchanged: 0,
    skipped: 0,
  };
  const valid = <T>(xs: unknown, id: (x: T) => unknown): T[] => {
    const arr = Array.isArray(xs) ? (xs as T[]) : [];
    const ok = arr.filter((x) => x && typeof x === 'object' && typeof id(x) === 'string' && id(x) !== '');
    report.skipped += arr.length - ok.length;
    return ok;
  };
  const articles = dedupe(
    valid<StoredArticle>(data?.articles, (a) => a.key),
    (a) => a.key,
    'lastSeenAt',
  );
  const highlights = dedupe(
    valid<Highlight>(data?.highlights, (h) => h.id),
    (h) => h.id,
    'updatedAt',
  );
  const clips = dedupe(
    valid<Clip>(data?.clips, (c) => c.id),
    (c) => c.id,
    'updatedAt',
  );

  await db.transaction('rw', db.articles, db.highlights, db.clips, async () => {
    const oldArticles = await db.articles.bulkGet(articles.map((a) => a.key));
    const mergedArticles = new Map<string, StoredArticle>();
    articles.forEach((a, i) => {
      const old = oldArticles[i];
      const merged = mergeArticles(old ? toStoredArticle(old) : undefined, toStoredArticle(a));
      mergedArticles.set(a.key, merged);
      if (!old) report.added.articles++;
      else if (JSON.stringify(toStoredArticle(old)) !== JSON.stringify(merged)) report.updated.articles++;
      else report.unchanged++;
    });
    await db.articles.bulkPut([...mergedArticles.values()].map(articleRow));

    const oldHighlights = await db.highlights.bulkGet(highlights.map((h) => h.id));
    const hs = highlights.filter((h, i) => newer(h, oldHighlights[i], report, 'highlights'));
    const articleOf = async (key: string): Promise<StoredArticle | undefined> =>
      mergedArticles.get(key) ?? (await db.articles.get(key));
    const rows = [];
    for (const h of hs) rows.push(highlightRow(toHighlight(h), await articleOf(h.articleKey)));
    await db.highlights.bulkPut(rows);

    const oldClips = await db.clips.bulkGet(clips.map((c) => c.id));
    await db.clips.bulkPut(clips.filter((c, i) => newer(c, oldClips[i], report, 'clips')).map(clipRow));
  });
  return report;
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
  if ((next.updatedAt ?? 0) > (old.updatedAt ?? 0)) {
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
    if (!old || Number(x[stamp] ?? 0) > Number(old[stamp] ?? 0)) by.set(id(x), x);
  }
  return [...by.values()];
}
