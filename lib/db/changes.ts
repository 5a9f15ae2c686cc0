/**
 * The change feed and the merge, for sync (lib/db/README.md, "Sync contract"): `changesSince` reads
 * rows and tombstones by `seq`, the local write order; `applyRemote` merges another device's records
 * by version (`rev`, clock.ts) in one transaction and says what changed.
 */
import { futureProblem } from '../export/validate.ts';
import type { Clip, Highlight, StoredArticle } from '../model/index.ts';
import { check, syncDataSchemas, syncMetaSchema } from '../model/schemas.ts';
import { parseRev } from './clock.ts';
import type { Ctx } from './records.ts';
import {
  articleRow,
  clipRow,
  highlightRow,
  mergeArticles,
  toClip,
  toHighlight,
  toStoredArticle,
} from './rows.ts';
import type { ArticleRow, ClipRow, HighlightRow, TombstoneRow, Versioned } from './schema.ts';
import type { ApplyReport, ChangeBatch, SyncKind, SyncRecord } from './types.ts';
import { Stamps, revive, tombKey, writing } from './versions.ts';

const DEFAULT_BATCH = 1000;
/** How far ahead of this library's clock a version may be dated (a day, as restore allows). */
const AHEAD_MS = 86_400_000;

type Row = ArticleRow | HighlightRow | ClipRow;

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

function tombRecord(t: TombstoneRow): SyncRecord {
  return { kind: t.kind, id: t.id, rev: t.rev, updatedAt: t.updatedAt, device: t.device, deleted: true };
}

/** An incoming record checked: envelope, data by kind, ids agreeing, nothing dated far ahead. */
function checked(
  x: unknown,
  i: number,
  now: number,
): { ok: true; r: SyncRecord } | { ok: false; why: string } {
  const m = check(syncMetaSchema, x);
  const where = `records[${i}]`;
  if (!m.ok) return { ok: false, why: `${where}: ${m.error}` };
  const meta = m.value;
  const stamp = parseRev(meta.rev);
  if (!stamp || stamp.device !== meta.device)
    return { ok: false, why: `${where}.rev: not made by device ${meta.device}` };
  if (stamp.t > now + AHEAD_MS) return { ok: false, why: `${where}.rev: dated more than a day ahead` };
  if (meta.deleted) return { ok: true, r: { ...meta, deleted: true } };
  const d = check(syncDataSchemas[meta.kind], (x as { data?: unknown }).data);
  if (!d.ok) return { ok: false, why: `${where}.data.${d.error}` };
  const data = d.value as StoredArticle | Highlight | Clip;
  const own = 'key' in data ? data.key : data.id;
  if (own !== meta.id) return { ok: false, why: `${where}.data: its id is not ${meta.id}` };
  const future = futureProblem(data, 'key' in data ? ['firstSeenAt'] : ['createdAt'], now);
  if (future) return { ok: false, why: `${where}.data.${future}` };
  return { ok: true, r: { ...meta, deleted: false, data } as SyncRecord };
}

/**
 * Merges records from other devices in one transaction: the higher `rev` wins, a tombstone is not
 * undone by an older edit, articles merge (one article per key). See lib/db/README.md.
 */
export async function applyRemote(ctx: Ctx, records: unknown[]): Promise<ApplyReport> {
  const { db } = ctx;
  const now = ctx.clock();
  const report: ApplyReport = { changed: [], ignored: 0, replaced: [], invalid: [] };
  // The highest version of each record in the batch.
  const best = new Map<string, SyncRecord>();
  (Array.isArray(records) ? records : []).forEach((x, i) => {
    const c = checked(x, i, now);
    if (!c.ok) return void report.invalid.push(c.why);
    const k = tombKey(c.r.kind, c.r.id);
    const old = best.get(k);
    if (!old || c.r.rev > old.rev) best.set(k, c.r);
    else report.ignored++;
  });
  const incoming = [...best.values()];
  const of = (kind: SyncKind) => incoming.filter((r) => r.kind === kind);
  await writing(db, [db.articles, db.highlights, db.clips], async (st) => {
    for (const r of incoming) st.witness(r.rev);
    await applyKind(ctx, st, 'article', of('article'), report);
    await applyKind(ctx, st, 'clip', of('clip'), report);
    await applyKind(ctx, st, 'highlight', of('highlight'), report);
  });
  return report;
}

async function applyKind(
  ctx: Ctx,
  st: Stamps,
  kind: SyncKind,
  incoming: SyncRecord[],
  report: ApplyReport,
): Promise<void> {
  if (incoming.length === 0) return;
  const { db } = ctx;
  const table = kind === 'article' ? db.articles : kind === 'clip' ? db.clips : db.highlights;
  const ids = incoming.map((r) => r.id);
  const [rows, tombs] = await Promise.all([
    (table as typeof db.clips).bulkGet(ids) as Promise<Array<Row | undefined>>,
    db.tombstones.bulkGet(ids.map((id) => tombKey(kind, id))),
  ]);
  const puts: Row[] = [];
  const deletes: string[] = [];
  const newTombs: TombstoneRow[] = [];
  const revived: string[] = [];
  for (const [i, r] of incoming.entries()) {
    const row = rows[i];
    const local = row ?? tombs[i];
    const theirs = (): Versioned => ({ rev: r.rev, device: r.device, seq: st.nextSeq() });
    if (kind === 'article' && !r.deleted && row) {
      // One article per key: merged, never replaced whole.
      const mine = toStoredArticle(row as ArticleRow);
      const theirsData = r.data as StoredArticle;
      const merged = mergeArticles(mine, theirsData);
      if (sameArticle(merged, mine)) {
        report.ignored++;
        continue;
      }
      // The incoming copy already holds everything: take it as it is, version and all, so both
      // devices end with one version; else the merge is a new version of this device.
      const adopt = sameArticle(merged, theirsData) && r.rev > row.rev;
      const v = adopt ? theirs() : st.next(merged.lastSeenAt);
      const out = articleRow(adopt ? theirsData : merged, v);
      puts.push(out);
      report.changed.push(recordOf('article', out));
      report.replaced.push({ kind, id: r.id, kept: v.rev, dropped: row.rev });
      continue;
    }
    if (local && r.rev <= local.rev) {
      report.ignored++;
      if (r.rev !== local.rev) report.replaced.push({ kind, id: r.id, kept: local.rev, dropped: r.rev });
      continue;
    }
    if (local) report.replaced.push({ kind, id: r.id, kept: r.rev, dropped: local.rev });
    if (r.deleted) {
      if (row) deletes.push(r.id);
      const t: TombstoneRow = { k: tombKey(kind, r.id), kind, id: r.id, updatedAt: r.updatedAt, ...theirs() };
      newTombs.push(t);
      report.changed.push(tombRecord(t));
      continue;
    }
    if (tombs[i]) revived.push(r.id);
    const out =
      kind === 'article'
        ? articleRow(r.data as StoredArticle, theirs())
        : kind === 'clip'
          ? clipRow(r.data as Clip, theirs())
          : highlightRow(
              r.data as Highlight,
              await db.articles.get((r.data as Highlight).articleKey),
              theirs(),
            );
    puts.push(out);
    report.changed.push(recordOf(kind, out));
  }
  await Promise.all([
    revive(db, kind, revived),
    (table as typeof db.clips).bulkPut(puts as ClipRow[]),
    (table as typeof db.clips).bulkDelete(deletes),
    db.tombstones.bulkPut(newTombs),
  ]);
}

/** Two copies of an article equal but for the order of their URLs. */
function sameArticle(a: StoredArticle, b: StoredArticle): boolean {
  const norm = (x: StoredArticle) =>
    JSON.stringify({
      ...x,
      urls: [...x.urls].sort(),
      article: { ...x.article, urls: [...x.article.urls].sort() },
    });
  return norm(a) === norm(b);
}
