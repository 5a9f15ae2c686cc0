/**
 * 「存入 Zotero」 for one article or a selection: ask for the one host permission, ping, build one
 * item per article, save them in one session, and only after Zotero's 201 record what was sent.
 * An article sent before is not sent again unless asked for its new clips and highlights only
 * (`onlyNew`); the connector cannot add notes to an existing item, so those go as a second item
 * with the same fields, which Zotero's 「重复条目」 merges into the first, notes included.
 */
import type { ArticleGroup } from '../export/selection';
import { citationTitle, citationUrl } from '../export/citation';
import { articleNotes, type HandoffNote } from './notes';
import { newNotes, recordAfter, type SentRecord } from './sent';
import { ping, saveItems, type ZoteroClient, type ZoteroFailure } from './zotero-client';
import { zoteroItem, type ZoteroItem } from './zotero';

/**
 * Articles per 「存入 Zotero」: one session, one item each, Zotero showing its progress window;
 * a whole library in one request would keep that window busy for minutes, so more is refused
 * with a sentence asking for a smaller selection.
 */
export const MAX_ZOTERO_ARTICLES = 100;

/** Where the records of what was sent are kept (browser.storage.local in the extension). */
export interface SentStore {
  get(articleKeys: readonly string[]): Promise<Map<string, SentRecord>>;
  set(records: ReadonlyMap<string, SentRecord>): Promise<void>;
}

export interface ZoteroSendDeps {
  client: ZoteroClient;
  store: SentStore;
  now: () => Date;
  /** A fresh session id per send (Zotero answers 409 to one it has seen). */
  sessionId: () => string;
  /** Ask for http://127.0.0.1:23119/* (resolves true when already granted). */
  requestPermission?: () => Promise<boolean>;
}

/** An article that was there already, and how many of its clips/highlights are new. */
export interface AlreadySent {
  key: string;
  title: string;
  fresh: number;
}

export interface ZoteroSendReport {
  /** Articles saved now, and their notes. */
  sent: number;
  notes: number;
  already: AlreadySent[];
}

export type ZoteroSendResult =
  { ok: true; value: ZoteroSendReport } | { ok: false; failure: ZoteroFailure; detail: string };

function ymd(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Tags for the item: every tag of its clips and highlights. */
function tagsOf(g: ArticleGroup): string[] {
  return [...g.clips.flatMap((c) => c.tags), ...g.highlights.flatMap((h) => h.tags)];
}

/** Send the groups (one per article) to Zotero. Nothing is recorded unless Zotero said 201. */
export async function sendToZotero(
  groups: readonly ArticleGroup[],
  d: ZoteroSendDeps,
  opts: { onlyNew?: boolean } = {},
): Promise<ZoteroSendResult> {
  if (d.requestPermission && !(await d.requestPermission()))
    return { ok: false, failure: 'refused', detail: 'permission' };
  const alive = await ping(d.client);
  if (!alive.ok) return alive;
  const records = await d.store.get(groups.map((g) => g.key));
  const today = d.now();
  const items: ZoteroItem[] = [];
  const sent: Array<{ key: string; notes: HandoffNote[] }> = [];
  const already: AlreadySent[] = [];
  for (const g of groups) {
    const notes = articleNotes(g.clips, g.highlights);
    const rec = records.get(g.key);
    const fresh = newNotes(notes, rec);
    if (rec && (!opts.onlyNew || fresh.length === 0)) {
      already.push({ key: g.key, title: citationTitle(g.source, '2025'), fresh: fresh.length });
      continue;
    }
    const source = { ...g.source, articleKey: g.key };
    items.push(zoteroItem(source, fresh, { accessed: ymd(today), tags: tagsOf(g) }));
    sent.push({ key: g.key, notes: fresh });
  }
  if (items.length === 0) return { ok: true, value: { sent: 0, notes: 0, already } };
  const uri = citationUrl(groups.flatMap((g) => g.source.urls)) || 'about:blank';
  const saved = await saveItems(d.client, { sessionID: d.sessionId(), uri, items });
  if (!saved.ok) return saved;
  const next = new Map<string, SentRecord>();
  for (const s of sent) next.set(s.key, recordAfter(records.get(s.key), s.notes, today.getTime()));
  await d.store.set(next);
  return {
    ok: true,
    value: { sent: items.length, notes: sent.reduce((n, s) => n + s.notes.length, 0), already },
  };
}
