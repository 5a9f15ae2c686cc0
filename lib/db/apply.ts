/**
 * The merge for sync (lib/db/README.md, "Sync contract"): `applyRemote` checks another device's
 * records, then merges them by version (`rev`, clock.ts) in one transaction and says what changed.
 */
import { futureProblem } from '../export/validate.ts';
import type { Clip, Highlight, StoredArticle } from '../model/index.ts';
import { check, syncDataSchemas, syncMetaSchema } from '../model/schemas.ts';
import { type Row, recordOf, tombRecord } from './changes.ts';
import { parseRev } from './clock.ts';
import type { Ctx } from './records.ts';
import { articleRow, clipRow, highlightRow, mergeArticles, toStoredArticle } from './rows.ts';
import type { ArticleRow, ClipRow, TombstoneRow, Versioned } from './schema.ts';
import type { ApplyReport, SyncKind, SyncRecord } from './types.ts';
import { type Stamps, revive, tombKey, writing } from './versions.ts';

/** How far ahead of this library's clock a version may be dated (a day, as restore allows). */
const AHEAD_MS = 86_400_000;

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
      if (row && kind !== 'article') st.count(kind, -1);
      const t: TombstoneRow = { k: tombKey(kind, r.id), kind, id: r.id, updatedAt: r.updatedAt, ...theirs() };
      newTombs.push(t);
      report.changed.push(tombRecord(t));
      continue;
    }
    if (tombs[i]) revived.push(r.id);
    if (!row && kind !== 'article') st.count(kind, 1);
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
