/** The clips repository: save (with its article), edit, delete (leaving a tombstone), read. */
import type { Article, Clip } from '../model/index.ts';
import { clipPatchSchema, clipSchema } from '../model/schemas.ts';
import { putArticle } from './articles.ts';
import { NotFoundError } from './errors.ts';
import { type Ctx, pick, record, valid } from './records.ts';
import { clipRow, toClip } from './rows.ts';
import type { ClipInput, ClipPatch } from './types.ts';
import { revive, writing } from './versions.ts';

/** Saves a clip (and its article, when given, in the same transaction). */
export function saveClip(ctx: Ctx, input: ClipInput, article?: Article): Promise<Clip> {
  const { db } = ctx;
  return writing(db, [db.articles, db.clips], async (st) => {
    if (article) await putArticle(ctx, st, article);
    const c = record(ctx, 'clip', clipSchema, input, ctx.clock());
    await revive(db, 'clip', [c.id]);
    // A save under an id already stored (an edit sent as a save) replaces it: no new row.
    if (!(await db.clips.get(c.id))) st.count('clip', 1);
    await db.clips.put(clipRow(c, st.next(c.updatedAt)));
    return toClip(c);
  });
}

/** Changes a clip's note or tags. */
export async function updateClip(ctx: Ctx, id: string, patch: ClipPatch): Promise<Clip> {
  const { db } = ctx;
  const p = valid(clipPatchSchema, patch, 'The clip was not changed');
  return writing(db, [db.clips], async (st) => {
    const old = await db.clips.get(id);
    if (!old) throw new NotFoundError('Clip', id);
    const c = valid(
      clipSchema,
      { ...toClip(old), ...pick(p), updatedAt: ctx.clock() },
      'The clip was not changed',
    );
    await db.clips.put(clipRow(c, st.next(c.updatedAt)));
    return toClip(c);
  });
}

/** Deletes a clip (a tombstone stays for sync) and returns it for undo. */
export function deleteClip(ctx: Ctx, id: string): Promise<Clip> {
  const { db } = ctx;
  return writing(db, [db.clips], async (st) => {
    const old = await db.clips.get(id);
    if (!old) throw new NotFoundError('Clip', id);
    await db.clips.delete(id);
    st.count('clip', -1);
    await db.tombstones.put(st.tombstone('clip', id, ctx.clock()));
    return toClip(old);
  });
}

/** One clip by id, or null. */
export async function getClip(ctx: Ctx, id: string): Promise<Clip | null> {
  const row = await ctx.db.clips.get(id);
  return row ? toClip(row) : null;
}
