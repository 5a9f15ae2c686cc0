/**
 * The write side of the popup and the library page: every edit goes to the background as a message
 * (lib/messaging), so the background's `libraryChanged` notice reaches every open view, and the
 * page and the popup never write behind another view's back. Deletes return the deleted records;
 * undo saves them again with their ids and creation times, in one message and one transaction.
 */
import type { SearchHit } from '../../../db/types.ts';
import type { MessageType, Request, ResponseOf } from '../../../messaging.ts';
import type { HighlightColor, Result } from '../../../model/index.ts';

/** Sends one request and awaits its typed answer (`send(browser.runtime, …)` in the extension). */
export type Post = <K extends MessageType>(req: Request<K>) => Promise<Result<ResponseOf<K>>>;

/** Edits, deletes and undo for clips and highlights. */
export interface Writer {
  setNote(hit: SearchHit, note: string): Promise<Result<SearchHit>>;
  setTags(hit: SearchHit, tags: string[]): Promise<Result<SearchHit>>;
  setColor(id: string, color: HighlightColor): Promise<Result<SearchHit>>;
  /** Deletes the selection in one transaction (all or nothing); `deleted` holds what is gone (for undo). */
  remove(hits: readonly SearchHit[]): Promise<{ deleted: SearchHit[]; error?: string }>;
  /** Saves deleted records again (undo) in one transaction: same ids, same creation times; all or nothing. */
  putBack(hits: readonly SearchHit[]): Promise<Result<number>>;
}

const asHit = {
  clip: (r: Result<SearchHit['item']>): Result<SearchHit> =>
    r.ok ? { ok: true, value: { kind: 'clip', item: r.value } as SearchHit } : r,
  highlight: (r: Result<SearchHit['item']>): Result<SearchHit> =>
    r.ok ? { ok: true, value: { kind: 'highlight', item: r.value } as SearchHit } : r,
};

/** A Writer over the message protocol. */
export function makeWriter(post: Post): Writer {
  const patch = (hit: SearchHit, p: { note?: string; tags?: string[] }) =>
    hit.kind === 'clip'
      ? post({ type: 'updateClip', id: hit.item.id, patch: p }).then(asHit.clip)
      : post({ type: 'updateHighlight', id: hit.item.id, patch: p }).then(asHit.highlight);
  return {
    setNote: (hit, note) => patch(hit, { note }),
    setTags: (hit, tags) => patch(hit, { tags }),
    setColor: (id, color) => post({ type: 'updateHighlight', id, patch: { color } }).then(asHit.highlight),
    async remove(hits) {
      // One message and one transaction for the whole selection (all or nothing), not one per row.
      const r = await post({
        type: 'deleteMany',
        clips: hits.filter((h) => h.kind === 'clip').map((h) => h.item.id),
        highlights: hits.filter((h) => h.kind === 'highlight').map((h) => h.item.id),
      });
      if (!r.ok) return { deleted: [], error: r.error };
      const gone = new Map<string, SearchHit>([
        ...r.value.clips.map((c): [string, SearchHit] => ['c:' + c.id, { kind: 'clip', item: c }]),
        ...r.value.highlights.map((h): [string, SearchHit] => ['h:' + h.id, { kind: 'highlight', item: h }]),
      ]);
      const deleted = hits
        .map((h) => gone.get((h.kind === 'clip' ? 'c:' : 'h:') + h.item.id))
        .filter((h): h is SearchHit => h !== undefined);
      return { deleted };
    },
    async putBack(hits) {
      // One message, one transaction: all of it comes back or none does (and the page keeps its undo).
      const r = await post({
        type: 'restoreDeleted',
        clips: hits.flatMap((h) => (h.kind === 'clip' ? [h.item] : [])),
        highlights: hits.flatMap((h) => (h.kind === 'highlight' ? [h.item] : [])),
      });
      return r.ok ? { ok: true, value: r.value.clips + r.value.highlights } : r;
    },
  };
}

/** Tags as typed in place: 「乡村振兴，#三农 、政策」 → 乡村振兴, 三农, 政策 (a leading # is not part of a tag). */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s,，、;；]+/)) {
    const tag = raw.replace(/^[#＃]+/, '').trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}
