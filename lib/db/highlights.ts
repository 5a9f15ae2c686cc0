/** The highlights repository: save (with its article), edit, delete (leaving a tombstone), read. */
import type { Article, Highlight } from '../model/index.ts';
import { highlightPatchSchema, highlightSchema } from '../model/schemas.ts';
import { putArticle } from './articles.ts';
import { NotFoundError } from './errors.ts';
import { type Ctx, pick, record, valid } from './records.ts';
import { highlightRow, toHighlight } from './rows.ts';
import type { HighlightInput, HighlightPatch } from './types.ts';
import { revive, writing } from './versions.ts';

/** Saves a highlight (and its article, when given, in the same transaction). */
export function saveHighlight(ctx: Ctx, input: HighlightInput, article?: Article): Promise<Highlight> {
  const { db } = ctx;
  return writing(db, [db.articles, db.highlights], async (st) => {
    // An invalid highlight throws here, after its article: the transaction then writes neither.
    const stored = article ? await putArticle(ctx, st, article) : undefined;
    const h = record(ctx, 'highlight', highlightSchema, input, ctx.clock());
    await revive(db, 'highlight', [h.id]);
    if (!(await db.highlights.get(h.id))) st.count('highlight', 1);
    const known = stored ?? (await db.articles.get(h.articleKey));
    await db.highlights.put(highlightRow(h, known, st.next(h.updatedAt)));
    return toHighlight(h);
  });
}

/** Changes a highlight's colour, note, tags or selectors. */
export async function updateHighlight(ctx: Ctx, id: string, patch: HighlightPatch): Promise<Highlight> {
  const { db } = ctx;
  const p = valid(highlightPatchSchema, patch, 'The highlight was not changed');
  return writing(db, [db.articles, db.highlights], async (st) => {
    const old = await db.highlights.get(id);
    if (!old) throw new NotFoundError('Highlight', id);
    const h = valid(
      highlightSchema,
      { ...toHighlight(old), ...pick(p), updatedAt: ctx.clock() },
      'The highlight was not changed',
    );
    await db.highlights.put(highlightRow(h, await db.articles.get(h.articleKey), st.next(h.updatedAt)));
    return toHighlight(h);
  });
}

/** Deletes a highlight (a tombstone stays for sync) and returns it, so the caller can offer undo. */
export function deleteHighlight(ctx: Ctx, id: string): Promise<Highlight> {
  const { db } = ctx;
  return writing(db, [db.highlights], async (st) => {
    const old = await db.highlights.get(id);
    if (!old) throw new NotFoundError('Highlight', id);
    await db.highlights.delete(id);
    st.count('highlight', -1);
    await db.tombstones.put(st.tombstone('highlight', id, ctx.clock()));
    return toHighlight(old);
  });
}

/** One highlight by id, or null. */
export async function getHighlight(ctx: Ctx, id: string): Promise<Highlight | null> {
  const row = await ctx.db.highlights.get(id);
  return row ? toHighlight(row) : null;
}
