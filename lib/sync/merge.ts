/**
 * The merge rules (docs/sync.md § Merge rules), one function every store uses in `applyRemote`:
 * 1. the version with the later hybrid clock wins, whichever device it came from (edits to
 *    different records never meet, so both survive);
 * 2. a tombstone is a version like any other: an edit older than the delete never brings the
 *    record back (a later one does, and is reported, so nothing the reader typed is lost silently);
 * 3. the same record changed on two devices without one seeing the other is a conflict: the later
 *    edit is kept and the conflict is reported;
 * 4. an article is keyed by its article key, so the same article saved on two devices is one
 *    record; when both copies are live, the kept one also takes every URL either device saw and
 *    the earlier first-seen time.
 */
import { compareClocks } from './hlc.ts';
import type { Conflict, SyncRecord } from './types.ts';

/** The outcome for one record: what to store (null = keep the local copy as it is) and any conflict. */
export interface MergeOutcome {
  store: SyncRecord | null;
  conflict?: Conflict;
}

/** Merge a remote version into the local one (undefined when the store has none). */
export function mergeRecord(local: SyncRecord | undefined, remote: SyncRecord): MergeOutcome {
  if (!local) return { store: remote };
  const order = compareClocks(remote.rev, local.rev);
  if (order === 0) return { store: null }; // the same version, read again
  const remoteWins = order > 0;
  const winner = remoteWins ? remote : local;
  const loser = remoteWins ? local : remote;
  const conflict = concurrent(local, remote)
    ? { kind: remote.kind, id: remote.id, kept: winner.rev, dropped: loser.rev }
    : undefined;
  const combined = remote.kind === 'article' ? combineArticles(winner, loser) : winner;
  const store = remoteWins || combined !== local ? combined : null;
  return conflict ? { store, conflict } : { store };
}

/**
 * Neither version was made on top of the other: the later one's `base` is not the earlier one's
 * clock. Versions from one device are a sequence, never concurrent; a tombstone meeting a tombstone
 * loses nothing and is not worth a word.
 */
function concurrent(local: SyncRecord, remote: SyncRecord): boolean {
  if (local.device === remote.device) return false;
  if (local.deleted && remote.deleted) return false;
  const [earlier, later] = compareClocks(local.rev, remote.rev) < 0 ? [local, remote] : [remote, local];
  return later.base !== earlier.rev;
}

/** The parts of a StoredArticle rule 4 reads; other fields are kept as the winner has them. */
interface ArticleData {
  urls?: string[];
  firstSeenAt?: number;
  lastSeenAt?: number;
}

function combineArticles(winner: SyncRecord, loser: SyncRecord): SyncRecord {
  if (winner.deleted || loser.deleted || !isObject(winner.data) || !isObject(loser.data)) return winner;
  const w = winner.data as ArticleData;
  const l = loser.data as ArticleData;
  const urls = [...new Set([...(w.urls ?? []), ...(l.urls ?? [])])];
  const firstSeenAt = Math.min(w.firstSeenAt ?? Infinity, l.firstSeenAt ?? Infinity);
  const lastSeenAt = Math.max(w.lastSeenAt ?? 0, l.lastSeenAt ?? 0);
  const same =
    urls.length === (w.urls ?? []).length && firstSeenAt === w.firstSeenAt && lastSeenAt === w.lastSeenAt;
  if (same) return winner;
  return { ...winner, data: { ...winner.data, urls, firstSeenAt, lastSeenAt } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
