/**
 * What was sent, per article: the note ids and versions Zotero has, so saving the same article again
 * says it is already there and offers only what is new. Pure; the page keeps records in
 * browser.storage.local (lib/extension/pages/handoff/sent-store.ts), never in the library database.
 */
import type { HandoffNote } from './notes';

/** One article's record: when it was last sent and which notes (id → version) went with it. */
export interface SentRecord {
  sentAt: number;
  notes: Record<string, number>;
}

/** The notes not sent yet, or changed since (a higher version). */
export function newNotes(notes: readonly HandoffNote[], record: SentRecord | undefined): HandoffNote[] {
  if (!record) return [...notes];
  return notes.filter((n) => !(n.id in record.notes) || record.notes[n.id] < n.version);
}

/** The record after a send that Zotero confirmed (201): the old notes plus the ones just sent. */
export function recordAfter(
  record: SentRecord | undefined,
  sent: readonly HandoffNote[],
  now: number,
): SentRecord {
  const notes = { ...(record?.notes ?? {}) };
  for (const n of sent) notes[n.id] = n.version;
  return { sentAt: now, notes };
}

/** A stored value read back: a record, or undefined for anything else (never trusted as is). */
export function readRecord(v: unknown): SentRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const r = v as { sentAt?: unknown; notes?: unknown };
  if (typeof r.sentAt !== 'number' || !r.notes || typeof r.notes !== 'object') return undefined;
  const notes: Record<string, number> = {};
  for (const [k, n] of Object.entries(r.notes as Record<string, unknown>))
    if (typeof n === 'number') notes[k] = n;
  return { sentAt: r.sentAt, notes };
}
