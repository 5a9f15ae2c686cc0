/**
 * Upgrade functions of the schema's versions (schema.ts declares them). Each runs inside Dexie's
 * version-change transaction: if one throws, the database stays at the version it had.
 */
import type { Transaction } from 'dexie';
import { formatRev } from './clock.ts';
import { newDeviceId } from './ids.ts';
import { MAX_PAGE_CHARS, evictPages } from './pages.ts';
import type {
  ArticleRowV1,
  ClipRow,
  ClipRowV1,
  HighlightRowV1,
  HighlightRowV2,
  MetaRow,
  PackRow,
  PageRow,
  PageRowV1,
} from './schema.ts';
import { paperDateFromKey } from './schema.ts';

/** v1 → v2: give every highlight its article's paper and date (from the stored article, else the key). */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const known = new Map<string, { paper: string; date: string }>();
  await tx
    .table('articles')
    .each((a: ArticleRowV1) =>
      known.set(a.key, { paper: a.article?.paper ?? '', date: a.article?.date ?? '' }),
    );
  await tx
    .table('highlights')
    .toCollection()
    .modify((h: HighlightRowV1 & Partial<HighlightRowV2>) => {
      const from = known.get(h.articleKey) ?? paperDateFromKey(h.articleKey);
      h.paper = from.paper;
      h.date = from.date;
    });
}

/** v4 → v5: give every cached page its `usedAt` (its fetch time) and `size`, then apply the caps. */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  const pages = tx.table<PageRow, string>('pages');
  await pages.toCollection().modify((p: PageRowV1 & Partial<PageRow>, ctx) => {
    const size = typeof p.text === 'string' ? p.text.length : 0;
    // An entry over the cap (up to 8 MB could be cached before) is dropped, as a put would refuse it.
    if (size > MAX_PAGE_CHARS) return void delete (ctx as { value?: unknown }).value;
    p.usedAt = p.fetchedAt;
    p.size = size;
  });
  await evictPages(pages, 0);
}

/**
 * v5 → v6: one versioned row per record. Clips in a restore's packs become rows (a row and a packed
 * copy of one id keep the newer), `terms` go (search-index.ts builds its index from the rows), and
 * every row gets its first version: a stamp at its own updatedAt (an article's lastSeenAt) from this
 * library's new device id, and a place in the change feed, so a first sync sends everything.
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const device = newDeviceId();
  const clock: MetaRow = { k: 'clock', device, t: 0, c: 0, seq: 0 };
  const version = (at: number) => {
    const t = Number.isFinite(at) ? Math.max(0, Math.floor(at)) : 0;
    clock.t = Math.max(clock.t, t);
    return { rev: formatRev(t, 0, device), device, seq: ++clock.seq };
  };
  const clips = tx.table<ClipRow, string>('clips');
  const packed = new Map<string, ClipRowV1>();
  await tx.table<PackRow, string>('packs').each((p) => {
    for (const c of p.clips ?? []) {
      const old = packed.get(c.id);
      if (!old || c.updatedAt > old.updatedAt) packed.set(c.id, c);
    }
  });
  if (packed.size > 0) {
    const copies = [...packed.values()];
    const rows = await clips.bulkGet(copies.map((c) => c.id));
    const fresh = copies.filter((c, i) => !rows[i] || c.updatedAt > (rows[i]?.updatedAt ?? 0));
    await clips.bulkPut(fresh as unknown as ClipRow[]);
  }
  await tx
    .table('articles')
    .toCollection()
    .modify((a: ArticleRowV1 & Partial<ClipRow>) => {
      Object.assign(a, version(a.lastSeenAt));
    });
  await tx
    .table('highlights')
    .toCollection()
    .modify((h: Partial<HighlightRowV2> & Record<string, unknown>) => {
      delete h.terms;
      Object.assign(h, version(Number(h.updatedAt)));
    });
  await tx
    .table('clips')
    .toCollection()
    .modify((c: Partial<ClipRowV1> & Record<string, unknown>) => {
      delete c.terms;
      delete c.paper;
      delete c.date;
      Object.assign(c, version(Number(c.updatedAt)));
    });
  // The counts once, here: every later write keeps them (counts.ts).
  clock.clips = await clips.count();
  clock.highlights = await tx.table('highlights').count();
  await tx.table<MetaRow, string>('meta').put(clock);
}

/**
 * v6 → v7: clips whose updatedAt is not their createdAt get `edited` (their updatedAt), the only clips the
 * new index holds. A derived field like a highlight's title: no record changes, so no version.
 */
export async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table('clips')
    .filter((c: ClipRow) => c.updatedAt !== c.createdAt)
    .modify((c: ClipRow) => {
      c.edited = c.updatedAt;
    });
}
