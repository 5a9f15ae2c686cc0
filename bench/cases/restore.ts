/**
 * Restore benchmark (node side of docs/storage.md's 50,000-clip restore): a backup file of 50,000
 * clips (export.ts's synthetic library) read with `readBackup` and merged by `Library.restore` into
 * an empty library on fake-indexeddb, each part timed on its own (median of 3 after a warm-up), as
 * the library page does: `readBackup` refuses foreign, damaged, newer and oversized files and
 * `Library.restore` checks every record with the schemas (lib/export/validate.ts), once.
 * The browser figure (3.95 s, target < 5 s) comes from tests/e2e/library-perf.test.ts; this one shows
 * what reading and checking the records costs. Run alone with `npx tsx bench/cases/restore.ts`.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openLibrary } from '../../lib/db/index';
import { makeBackup, readBackup } from '../../lib/export/backup';
import { checkRecords } from '../../lib/export/validate';
import { syntheticLibrary } from './export';

const N = Number(process.env.BENCH_CLIPS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const round = (x: number) => Math.round(x * 10) / 10;

export default async function run(): Promise<Array<{ name: string; ours_ms: number; [k: string]: unknown }>> {
  const text = makeBackup(syntheticLibrary(N), new Date('2026-11-29T20:00:00Z'));
  const jsonMs: number[] = [];
  const parseMs: number[] = [];
  const restoreMs: number[] = [];
  const checkMs: number[] = [];
  let added = 0;
  for (let i = 0; i <= RUNS; i++) {
    const tj = performance.now();
    JSON.parse(text);
    const t0 = performance.now();
    const parsed = readBackup(text);
    const t1 = performance.now();
    if (!parsed.ok) throw new Error(parsed.error);
    const tc = performance.now();
    const checked = checkRecords(parsed.value, { now: Date.now() });
    checkMs.push(performance.now() - tc);
    if (checked.skipped > 0) throw new Error(checked.problems[0]);
    const lib = openLibrary({ name: `bench-restore-${Date.now()}-${i}`, indexedDB, IDBKeyRange });
    const t2 = performance.now();
    const r = await lib.restore(parsed.value);
    const t3 = performance.now();
    if (!r.ok) throw new Error(r.error);
    added = r.value.added.clips;
    lib.close();
    if (i === 0) continue; // warm-up
    jsonMs.push(t0 - tj);
    parseMs.push(t1 - t0);
    restoreMs.push(t3 - t2);
  }
  return [
    { name: `restore: JSON.parse alone of the same file`, ours_ms: round(median(jsonMs)) },
    {
      name: `restore: readBackup of ${N} clips (the file, records unchecked)`,
      ours_ms: round(median(parseMs)),
      clips: N,
      chars: text.length,
    },
    {
      name: `restore: checkRecords alone (the schemas over every record, part of Library.restore)`,
      ours_ms: round(median(checkMs.slice(1))),
    },
    {
      name: `restore: Library.restore of ${N} clips into an empty library (records checked; fake-indexeddb)`,
      ours_ms: round(median(restoreMs)),
      added_clips: added,
    },
  ];
}

if (process.argv[1] && /bench[\\/]cases[\\/]restore\.ts$/.test(process.argv[1])) {
  void run().then((rows) => console.table(rows));
}
