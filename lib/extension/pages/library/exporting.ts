/**
 * Export and backup from the library page, over lib/export's pure functions: pick the selection out
 * of the library, build Markdown / zip / CSL-JSON / backup text, and name the files. Downloads and
 * the clipboard are in `download.ts`; nothing here touches the DOM or the clock (dates come in).
 */
import {
  cslJson,
  libraryCsl,
  libraryFiles,
  libraryMarkdown,
  libraryRis,
  checkRecords,
  makeBackup,
  readBackup,
  selectionMarkdown,
  zipFiles,
  type BackupData,
  type CheckedRecords,
  type MarkdownOptions,
} from '../../../export/index.ts';
import type { RestoreReport } from '../../../db/types.ts';
import type { LibraryData, Result } from '../../../model/index.ts';

/** The export settings the page keeps: highlight style and citation style. */
export interface ExportSettings {
  marks: 'equals' | 'html';
  style: '2015' | '2025';
}

/** Defaults: `==text==` highlights, GB/T 7714-2015 citations. */
export const DEFAULT_EXPORT: ExportSettings = { marks: 'equals', style: '2015' };

/** YYYY-MM-DD of a local date (the 引用日期 and file names). */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The part of the library a selection of row keys ('c:<id>', 'h:<id>') covers, with its articles. */
export function pickData(all: LibraryData, keys: ReadonlySet<string> | null): LibraryData {
  if (!keys) return all;
  const clips = all.clips.filter((c) => keys.has('c:' + c.id));
  const highlights = all.highlights.filter((h) => keys.has('h:' + h.id));
  const used = new Set([...clips, ...highlights].map((x) => x.articleKey));
  return { articles: all.articles.filter((a) => used.has(a.key)), clips, highlights };
}

function options(s: ExportSettings, today: Date): MarkdownOptions {
  return { marks: s.marks, style: s.style, accessed: localDate(today) };
}

/** One Markdown document: the selection (titled 摘录) or everything (全部摘录). */
export function markdownOf(data: LibraryData, s: ExportSettings, today: Date, whole: boolean): string {
  const o = { ...options(s, today), exportedAt: localDate(today) };
  return whole ? libraryMarkdown(data, o) : selectionMarkdown(data, o);
}

/** A zip of one note per article (safe, unique file names). */
export function zipOf(data: LibraryData, s: ExportSettings, today: Date): Uint8Array {
  return zipFiles(libraryFiles(data, options(s, today)), { mtime: today });
}

/** CSL-JSON of the articles behind the clips and highlights, for Zotero. */
export function cslOf(data: LibraryData, today: Date): string {
  return cslJson(libraryCsl(data, { accessed: localDate(today) }));
}

/** RIS of the same articles, for Zotero, EndNote and NoteExpress. */
export function risOf(data: LibraryData, today: Date): string {
  return libraryRis(data, { accessed: localDate(today) });
}

/** 「epaper-reader-摘录-2026-11-29.md」 and the like. */
export function exportName(kind: 'md' | 'zip' | 'csl' | 'ris' | 'backup', today: Date): string {
  const d = localDate(today);
  if (kind === 'backup') return `epaper-reader-backup-${d}.json`;
  if (kind === 'csl') return `epaper-reader-${d}.csl.json`;
  return `epaper-reader-${d}.${kind}`;
}

/** The backup file text of the whole library. */
export function backupOf(all: LibraryData, now: Date): string {
  return makeBackup(all, now);
}

/**
 * The records of a backup that a restore would skip (the schemas a restore checks, and times more
 * than a day after `now`): the file keeps them all, the page says how many and why.
 */
export function backupProblems(all: LibraryData, now: Date): Omit<CheckedRecords, 'data'> {
  const { skipped, problems } = checkRecords(all, { now: now.getTime() });
  return { skipped, problems };
}

/** The first few reasons of a report, for a status line: 「data.clips[3].note: …; …」. */
export function someProblems(problems: readonly string[], skipped: number, shown = 3): string {
  const head = problems.slice(0, shown).join('; ');
  return skipped > shown ? `${head}; …` : head;
}

/**
 * Restore: read the file (a damaged, foreign, newer-version or oversized file is refused and
 * nothing is written), then merge through `restore` (lib/db: each record checked with its schema,
 * bad ones skipped and reported; by id, newer wins, no duplicates).
 */
export async function restoreFrom(
  text: string,
  restore: (data: BackupData) => Promise<Result<RestoreReport>>,
): Promise<Result<RestoreReport>> {
  const start = performance.now();
  const read = readBackup(text);
  // A user-timing span beside lib/db's restore phases (tests/e2e/library-perf.test.ts reads them).
  performance.measure('restore: parse', { start, end: performance.now() });
  if (!read.ok) return read;
  return restore(read.value);
}
