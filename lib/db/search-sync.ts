/**
 * Keeps one connection's search index (search-index.ts) equal to the database: built once from
 * every clip and highlight row (or from the rows a listing of everything already read), in slices
 * so a page stays responsive (`build`), then caught up before each search from the change feed: rows and
 * tombstones with a `seq` above the index's, whoever wrote them (this tab, another tab, sync).
 */
import { clipTexts, highlightTexts } from './rows.ts';
import type { ClipRow, EpaperDB, HighlightRow } from './schema.ts';
import { type IndexDoc, SearchIndex, indexDoc } from './search-index.ts';

/** Records loaded between two yields to the event loop while building (~30 ms of work). */
const SLICE = 5000;
/** Changes a search catches up with at once; past this many they wait for idle slices. */
const CATCH_UP = 2000;
/** Records whose terms are posted in one idle slice (~20 ms of work: 50,000 clips took ~1.8 s). */
const POST_SLICE = 500;

/** A clip row as the index holds it. */
export function clipDoc(r: ClipRow): IndexDoc {
  const s = r.source;
  return indexDoc(
    {
      kind: 'clip',
      id: r.id,
      createdAt: r.createdAt,
      articleKey: r.articleKey,
      paper: s?.paper ?? '',
      date: s?.date ?? '',
      tags: r.tags ?? [],
    },
    clipTexts(r),
  );
}

/** A highlight row as the index holds it. */
export function highlightDoc(r: HighlightRow): IndexDoc {
  return indexDoc(
    {
      kind: 'highlight',
      id: r.id,
      createdAt: r.createdAt,
      articleKey: r.articleKey,
      paper: r.paper ?? '',
      date: r.date ?? '',
      color: r.color,
      tags: r.tags ?? [],
    },
    highlightTexts(r),
  );
}

/** The search index of one connection, built on first need. */
export class SearchIndexes {
  private building?: Promise<SearchIndex>;
  /** The change feed position of the rows the current index was built from (-1: being read). */
  private builtAt = -1;

  /** True once an index exists or is being built. */
  ready(): boolean {
    return this.building !== undefined;
  }

  /** The index (built from every row the first time). */
  get(db: EpaperDB): Promise<SearchIndex> {
    if (!this.building) {
      this.builtAt = -1;
      this.building = db
        .transaction('r', [db.clips, db.highlights, db.meta], () =>
          Promise.all([db.clips.toArray(), db.highlights.toArray(), db.meta.get('clock')]),
        )
        .then(([clips, highlights, clock]) => {
          this.builtAt = Math.max(this.builtAt, clock?.seq ?? 0);
          return build(clips, highlights, clock?.seq ?? 0);
        });
      this.building.catch(() => (this.building = undefined));
    }
    return this.building;
  }

  /**
   * Rows a listing read (every clip and highlight, at `seq`): the index is built from them, also
   * in place of an index of older rows (the library page listed an empty library, then restored
   * 50,000 clips: catching up would index all of them again, in one go, inside a search).
   */
  offer(clips: ClipRow[], highlights: HighlightRow[], seq: number): void {
    if (this.building && seq <= this.builtAt + CATCH_UP) return;
    this.builtAt = seq;
    this.building = build(clips, highlights, seq);
    this.building.catch(() => (this.building = undefined));
  }

  /** Forgets the index (the database was replaced or closed). */
  drop(): void {
    this.building = undefined;
  }

  /**
   * Applies every change after the index's `seq`, inside the caller's read transaction (which
   * holds clips, highlights, tombstones and meta), so the answer read next sees the same state.
   */
  async catchUp(db: EpaperDB, index: SearchIndex): Promise<void> {
    const seq = (await db.meta.get('clock'))?.seq ?? 0;
    if (seq <= index.seq) return;
    const [clips, highlights, gone] = await Promise.all([
      db.clips.where('seq').above(index.seq).toArray(),
      db.highlights.where('seq').above(index.seq).toArray(),
      db.tombstones.where('seq').above(index.seq).toArray(),
    ]);
    for (const t of gone) if (t.kind !== 'article') index.remove(t.kind, t.id);
    // Many changes (a restore or a first sync in another tab): loaded now, their terms posted
    // later in idle slices (searches scan meanwhile), so this search does not post them all.
    const many = clips.length + highlights.length > CATCH_UP;
    for (const r of clips) (many ? index.load : index.put).call(index, clipDoc(r));
    for (const r of highlights) (many ? index.load : index.put).call(index, highlightDoc(r));
    index.seq = seq;
    if (many) postLater(index);
  }
}

const pause = () => new Promise((r) => setTimeout(r, 0));
/**
 * Waits until the page is idle (extension pages have requestIdleCallback; the service worker does
 * not: a timer there): posting terms must not delay a search's own database callbacks, which a
 * busy slice would hold up.
 */
const idle = (): Promise<unknown> => {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  return ric ? new Promise((r) => ric(() => r(undefined), { timeout: 1000 })) : pause();
};

/**
 * The index of these rows, in two steps, each in slices that leave the page responsive: the
 * records and their folded texts (~0.3 s of CPU for 50,000 clips; searches wait for this), then,
 * after the index is handed out, their terms (~1–2 s; searches meanwhile scan the texts, with the
 * same answers).
 */
async function build(clips: ClipRow[], highlights: HighlightRow[], seq: number): Promise<SearchIndex> {
  const index = new SearchIndex();
  let n = 0;
  for (const r of clips) {
    index.load(clipDoc(r));
    if (++n % SLICE === 0) await pause();
  }
  for (const r of highlights) {
    index.load(highlightDoc(r));
    if (++n % SLICE === 0) await pause();
  }
  index.seq = seq;
  postLater(index);
  return index;
}

const posting = new WeakSet<SearchIndex>();

/** Posts the index's waiting terms in idle slices, one loop per index. */
function postLater(index: SearchIndex): void {
  if (posting.has(index) || index.complete) return;
  posting.add(index);
  void (async () => {
    while (!index.postSome(POST_SLICE)) await idle();
    posting.delete(index);
  })();
}
