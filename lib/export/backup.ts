/**
 * Backup files: the whole library in one JSON file with a format name and version, and the reader.
 * A file that is damaged (not JSON, no library data in it), foreign, of a newer version or too large
 * is refused whole with a clear message and nothing changes; inside a readable file each record is
 * checked with its schema, and a bad one is skipped and reported with its path instead of refusing
 * the rest (`parseBackup`; lib/db's restore does the same with `readBackup`'s lists and its clock).
 */
import type { LibraryData, Result } from '../model';
import { checkData, checkRecords, type BackupData, type CheckedRecords } from './validate';
import { backupProblem as problem } from '../model/problems';

/** Format name written in every backup; anything else is a foreign file. */
export const BACKUP_FORMAT = 'epaper-reader-backup';
/** Version this code writes and the newest it reads. Bump with a migration when LibraryData changes. */
export const BACKUP_VERSION = 1;
/** Largest backup file accepted, in characters (about 200 MB of text). */
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

/** The file's top level. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601 time of the export, from the clock passed in. */
  exportedAt: string;
  counts: { articles: number; highlights: number; clips: number };
  data: LibraryData;
}

/** The backup file text for `data`, stamped with `now` (the caller's clock). */
export function makeBackup(data: LibraryData, now: Date): string {
  const stamp = Number.isFinite(now.getTime()) ? now.toISOString() : '';
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: stamp,
    counts: { articles: data.articles.length, highlights: data.highlights.length, clips: data.clips.length },
    data: { articles: data.articles, highlights: data.highlights, clips: data.clips },
  };
  return JSON.stringify(file);
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The library data of a backup file's text (`maxChars` only for tests), its records not checked yet:
 * refused whole, with a sentence saying why, when the file is too large, not JSON, foreign, of a
 * newer version or holds no library data. Never throws.
 */
export function readBackup(text: string, limits: { maxChars?: number } = {}): Result<BackupData> {
  if (typeof text !== 'string') return { ok: false, error: problem('backupNoText') };
  const max = limits.maxChars ?? MAX_BACKUP_CHARS;
  if (text.length > max) {
    const size = (n: number) =>
      n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.ceil(n / 1024)} KB`;
    return {
      ok: false,
      error: problem('backupTooLarge', size(text.length), size(max)),
    };
  }
  let root: unknown;
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, error: problem(text.trim() === '' ? 'backupEmpty' : 'backupNotJson') };
  }
  if (!isObj(root) || root.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      error: problem('backupForeign'),
    };
  }
  const version = root.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: problem('backupNoVersion') };
  }
  if (version > BACKUP_VERSION) {
    return {
      ok: false,
      error: problem('backupNewer', version, BACKUP_VERSION),
    };
  }
  const damage = checkData(root.data);
  if (damage) return { ok: false, error: problem('backupDamaged', damage) };
  const data = root.data as unknown as BackupData;
  return { ok: true, value: { articles: data.articles, highlights: data.highlights, clips: data.clips } };
}

/**
 * Read a backup file's text: `readBackup`'s refusals, then every record checked with its schema
 * (`now`: also skip records more than a day after it). The valid records, and how many were
 * skipped with the first reasons (「data.clips[3].note: …」). Never throws.
 */
export function parseBackup(
  text: string,
  opts: { maxChars?: number; now?: number } = {},
): Result<CheckedRecords> {
  const read = readBackup(text, opts);
  return read.ok ? { ok: true, value: checkRecords(read.value, { now: opts.now }) } : read;
}
