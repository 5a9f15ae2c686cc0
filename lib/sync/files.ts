/**
 * The files on the server (docs/sync.md § Layout): where they go, and their format. Each device
 * writes only below `epaper-reader/devices/<its id>/`: change files `c-<seq>.json.gz` that are never
 * rewritten, and a snapshot `s-<seq>.json.gz` of everything it holds. gzip because 坚果云 counts
 * traffic and JSON of Chinese text packs about 3:1. With encryption on, the same gzip JSON sealed
 * (lib/sync/crypto.ts) under the name with `.enc` added, so a listing shows which is which.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { parseClock } from './hlc.ts';
import type { RecordKind, SyncRecord } from './types.ts';

/** Our folder inside the reader's WebDAV folder, so we never mix with their own files. */
export const ROOT = 'epaper-reader';
export const DEVICES = `${ROOT}/devices`;
export const FORMAT = 'epaper-reader-sync';
export const CONTENT_TYPE = 'application/gzip';

export const deviceDir = (device: string) => `${DEVICES}/${device}`;
/** The folder's encryption settings (salt and key check; no secret): lib/sync/encryption.ts. */
export const CRYPTO_FILE = `${ROOT}/crypto.json`;

const fileName = (type: 'c' | 's', seq: number, sealed: boolean) =>
  `${type}-${String(seq).padStart(8, '0')}.json.gz${sealed ? '.enc' : ''}`;
export const changeFile = (seq: number, sealed = false) => fileName('c', seq, sealed);
export const snapshotFile = (seq: number, sealed = false) => fileName('s', seq, sealed);

export interface FileName {
  type: 'c' | 's';
  seq: number;
  /** Encrypted (`.enc`). */
  sealed: boolean;
}

/** `c-00000012.json.gz` → {type: 'c', seq: 12, sealed: false}; other names (the reader's own files) → null. */
export function parseFileName(name: string): FileName | null {
  const m = /^([cs])-(\d{8})\.json\.gz(\.enc)?$/.exec(name);
  return m ? { type: m[1] as 'c' | 's', seq: Number(m[2]), sealed: !!m[3] } : null;
}

/** One file's content. A snapshot says up to which change file of each device it holds (`covers`). */
export interface SyncFile {
  format: typeof FORMAT;
  version: 1;
  device: string;
  seq: number;
  covers?: Record<string, number>;
  records: SyncRecord[];
}

export function encodeFile(f: Omit<SyncFile, 'format' | 'version'>): Uint8Array {
  return gzipSync(strToU8(JSON.stringify({ format: FORMAT, version: 1, ...f })), { level: 6 });
}

const KINDS = new Set<RecordKind>(['article', 'highlight', 'clip']);

/** Why a record cannot be merged, or null when it can. Its data is checked by the store, per kind. */
function recordProblem(r: unknown): string | null {
  if (typeof r !== 'object' || r === null) return 'not an object';
  const o = r as Record<string, unknown>;
  if (!KINDS.has(o.kind as RecordKind)) return `unknown kind ${String(o.kind)}`;
  if (typeof o.id !== 'string' || !o.id) return 'no id';
  if (typeof o.rev !== 'string' || !parseClock(o.rev)) return `bad rev ${String(o.rev)}`;
  if (typeof o.device !== 'string' || typeof o.deleted !== 'boolean') return 'no device or deleted flag';
  if (!o.deleted && o.data === undefined) return 'no data';
  return null;
}

/** Read a file: the records that can be merged and a sentence for each one left out; throws on a file that is not ours. */
export function decodeFile(bytes: Uint8Array, name: string): { file: SyncFile; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(gunzipSync(bytes)));
  } catch (e) {
    throw new Error(`${name}: not a gzip JSON file (${e instanceof Error ? e.message : String(e)})`);
  }
  const o = raw as Partial<SyncFile>;
  if (o?.format !== FORMAT || o.version !== 1 || !Array.isArray(o.records))
    throw new Error(`${name}: not a sync file of format ${FORMAT} version 1`);
  const problems: string[] = [];
  const records = o.records.filter((r, i) => {
    const p = recordProblem(r);
    if (p) problems.push(`${name} records[${i}]: ${p}`);
    return !p;
  });
  return { file: { ...(o as SyncFile), records }, problems };
}
