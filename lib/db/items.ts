/**
 * Clips and highlights together: an article's items (the popup and the page's re-anchoring), the
 * library page's bulk delete and its undo, each one transaction, all or nothing.
 */
import type { StoredArticle } from '../model/index.ts';
import { clipSchema, highlightSchema } from '../model/schemas.ts';
import { type Ctx, record } from './records.ts';
import { newRows } from './counts.ts';
import { clipRow, highlightRow, toClip, toHighlight, toStoredArticle } from './rows.ts';
import type { ArticleItems, DeletedItems } from './types.ts';
import { revive, writing } from './versions.ts';

/** The stored article, its highlights and its clips (oldest first). */
export function listForArticle(ctx: Ctx, articleKey: string): Promise<ArticleItems> {
  const { db } = ctx;
  return db.transaction('r', [db.articles, db.highlights, db.clips], async () => {
    const [article, highlights, clips] = await Promise.all([
      db.articles.get(articleKey),
      db.highlights.where('articleKey').equals(articleKey).sortBy('createdAt'),
      db.clips.where('articleKey').equals(articleKey).sortBy('createdAt'),
    ]);
    return {
      article: article ? toStoredArticle(article) : null,
      highlights: highlights.map(toHighlight),
      clips: clips.map(toClip),
    };
  });
}

/**
 * Deletes many clips and highlights in one transaction (all or nothing), leaving tombstones, and
 * returns them for undo; ids not in the library are passed over.
 */
export function deleteMany(
  ctx: Ctx,
  ids: { clips?: string[]; highlights?: string[] },
): Promise<DeletedItems> {
  const { db } = ctx;
  return writing(db, [db.clips, db.highlights], async (st) => {
    // An id listed twice is one record: deleted, counted and returned for undo once.
    const once = (xs: string[] | undefined) => [...new Set(Array.isArray(xs) ? xs : [])];
    const [clips, highlights] = await Promise.all([
      db.clips.bulkGet(once(ids.clips)),
      db.highlights.bulkGet(once(ids.highlights)),
    ]);
    const gone = {
      clips: clips.filter((c) => c !== undefined).map(toClip),
      highlights: highlights.filter((h) => h !== undefined).map(toHighlight),
    };
    const now = ctx.clock();
    st.count('clip', -gone.clips.length);
    st.count('highlight', -gone.highlights.length);
    await Promise.all([
      db.clips.bulkDelete(gone.clips.map((c) => c.id)),
      db.highlights.bulkDelete(gone.highlights.map((h) => h.id)),
      db.tombstones.bulkPut([
        ...gone.clips.map((c) => st.tombstone('clip', c.id, now)),
        ...gone.highlights.map((h) => st.tombstone('highlight', h.id, now)),
      ]),
    ]);
    return gone;
  });
}

/**
 * Undo of a bulk delete: saves the deleted records again (ids and creation times kept, as
 * saveClip / saveHighlight would) in one transaction. Every record is checked first: one that
 * fails its schema refuses the whole undo, with its position, and nothing is written.
 */
export async function restoreDeleted(
  ctx: Ctx,
  items: DeletedItems,
): Promise<{ clips: number; highlights: number }> {
  const { db } = ctx;
  const now = ctx.clock();
  const list = <T>(xs: T[] | undefined): T[] => (Array.isArray(xs) ? xs : []);
  const clips = list(items?.clips).map((c, i) =>
    record(ctx, 'clip', clipSchema, c, now, `Nothing was put back: clips[${i}]`),
  );
  const highlights = list(items?.highlights).map((h, i) =>
    record(ctx, 'highlight', highlightSchema, h, now, `Nothing was put back: highlights[${i}]`),
  );
  return writing(db, [db.articles, db.highlights, db.clips], async (st) => {
    const keys = [...new Set(highlights.map((h) => h.articleKey))];
    const articles = new Map<string, StoredArticle>();
    for (const a of await db.articles.bulkGet(keys)) if (a) articles.set(a.key, a);
    await revive(
      db,
      'clip',
      clips.map((c) => c.id),
    );
    await revive(
      db,
      'highlight',
      highlights.map((h) => h.id),
    );
    // Only records not stored again since (an undo run twice writes no new rows) add to the counts.
    st.count(
      'clip',
      await newRows(
        db.clips,
        clips.map((c) => c.id),
      ),
    );
    st.count(
      'highlight',
      await newRows(
        db.highlights,
        highlights.map((h) => h.id),
      ),
    );
    await Promise.all([
      db.clips.bulkPut(clips.map((c) => clipRow(c, st.next(c.updatedAt)))),
      db.highlights.bulkPut(
        highlights.map((h) => highlightRow(h, articles.get(h.articleKey), st.next(h.updatedAt))),
      ),
    ]);
    return { clips: clips.length, highlights: highlights.length };
  });
}
