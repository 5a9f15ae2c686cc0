/**
 * Dump of the whole library for a backup file; its restore is restore.ts.
 */
import type { LibraryData } from '../model/index.ts';
import { toClip, toHighlight, toStoredArticle } from './rows.ts';
import type { EpaperDB } from './schema.ts';

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
