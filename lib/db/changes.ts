/**
 * The change feed for sync (lib/db/README.md, "Sync contract"): `changesSince` reads rows and
 * tombstones by `seq`, the local write order, as SyncRecords. The merge is apply.ts.
 */
import type { Ctx } from './records.ts';
import { toClip, toHighlight, toStoredArticle } from './rows.ts';
import type { ArticleRow, ClipRow, HighlightRow, TombstoneRow } from './schema.ts';
import type { ChangeBatch, SyncRecord } from './types.ts';
import { writing } from './versions.ts';

const DEFAULT_BATCH = 1000;

/** A row of one of the record tables. */
export type Row = ArticleRow | HighlightRow | ClipRow;

/** This library's device id (made on first use). */
export async function deviceId(ctx: Ctx): Promise<string> {
  const known = await ctx.db.meta.get('clock');
  if (known) return known.device;
  const { db } = ctx;
  return writing(db, [], async (st) => st.device);
}

/** Records written after `cursor` (tombstones too), oldest first, at most `limit`. */
export async function changesSince(ctx: Ctx, cursor: number, limit = DEFAULT_BATCH): Promise<ChangeBatch> {
  const { db } = ctx;
  const n = Math.max(1, Math.floor(limit));
  const from = Number.isFinite(cursor) ? cursor : 0;
  const tables = [db.articles, db.highlights, db.clips, db.tombstones];
  const read = await db.transaction('r', tables, () =>
    Promise.all(tables.map((t) => t.where('seq').above(from).limit(n).toArray())),
  );
  const [articles, highlights, clips, tombs] = read as [
    ArticleRow[],
    HighlightRow[],
    ClipRow[],
    TombstoneRow[],
  ];
  const all: Array<{ seq: number; r: SyncRecord }> = [
    ...articles.map((r) => ({ seq: r.seq, r: recordOf('article', r) })),
    ...highlights.map((r) => ({ seq: r.seq, r: recordOf('highlight', r) })),
    ...clips.map((r) => ({ seq: r.seq, r: recordOf('clip', r) })),
    ...tombs.map((t) => ({ seq: t.seq, r: tombRecord(t) })),
  ].sort((a, b) => a.seq - b.seq);
  const taken = all.slice(0, n);
  const more = all.length > n || read.some((rows) => rows.length === n);
  return { records: taken.map((x) => x.r), cursor: taken.at(-1)?.seq ?? from, more };
}

/** A row as sync sends it. */
export function recordOf(kind: 'article' | 'highlight' | 'clip', row: Row): SyncRecord {
  const meta = { id: '', rev: row.rev, device: row.device, deleted: false as const };
  if (kind === 'article') {
    const a = toStoredArticle(row as ArticleRow);
    return { ...meta, kind, id: a.key, updatedAt: a.lastSeenAt, data: a };
  }
  if (kind === 'highlight') {
    const h = toHighlight(row as HighlightRow);
    return { ...meta, kind, id: h.id, updatedAt: h.updatedAt, data: h };
  }
  const c = toClip(row as ClipRow);
  return { ...meta, kind, id: c.id, updatedAt: c.updatedAt, data: c };
}

/** A tombstone as sync sends it. */
export function tombRecord(t: TombstoneRow): SyncRecord {
  return { kind: t.kind, id: t.id, rev: t.rev, updatedAt: t.updatedAt, device: t.device, deleted: true };
}
