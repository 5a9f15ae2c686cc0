/**
 * Whole-issue benchmarks (issue 12), the CLI over the demo server on 127.0.0.1 in this process:
 * - the time to the complete 目录 of the 07-09 issue (7 pages, 28 article pages) cold at the polite
 *   rate (2 at a time, 1 s pause), cold with no pause (the floor: network + parsing + stitching),
 *   and from the cache folder (no request);
 * - parsing's share of the polite run: ms spent parsing pages against the run's wall time (target
 *   < 5%);
 * - memory over a 30-issue range (the 07-09 issue served under 30 dates, JSON Lines, no pause):
 *   heap after a forced GC after each issue (run with `node --expose-gc`; without it the figures
 *   are taken without GC and say so), first against last.
 * Run alone: `npx tsx --expose-gc bench/cases/issue.ts` (writes docs/benchmarks-issue.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runIssue, type IssueIo } from '../../cli/issue/run';
import { parseIssueArgs } from '../../cli/issue/args';
import { demoIssues, renderIssues, DEMO_PATHS } from '../../demo/render';
import { startDemoServer } from '../../demo/server';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));
type Row = { name: string; ours_ms: number; [k: string]: unknown };

function io(extra: Partial<IssueIo> = {}): IssueIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    tty: false,
    today: () => '2026-12-04',
    now: () => performance.now(),
    ...extra,
  };
}

async function once(url: string, argv: string[], extra: Partial<IssueIo> = {}) {
  const args = parseIssueArgs([url, ...argv]);
  if (!args.ok) throw new Error(args.error);
  const t0 = performance.now();
  const run = await runIssue(args.value, io(extra));
  if (run.code !== 0) throw new Error(`exit ${run.code}`);
  return { run, ms: performance.now() - t0 };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

export default async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-issue-'));
  // 30 dates of the 07-09 issue for the range; 07-09 itself as the demo has it.
  const base = demoIssues(FIXTURES)[0];
  const dates = Array.from({ length: 30 }, (_, i) => `2026-08-${String(i + 1).padStart(2, '0')}`);
  const site = renderIssues([base, ...dates.map((date) => ({ ...base, date }))], 'seed');
  const server = await startDemoServer({ site });
  const url = server.url.slice(0, -1) + DEMO_PATHS.front['2026-07-09'];
  try {
    const fast = await once(url, [
      '--cache',
      join(dir, 'c2'),
      '--delay',
      '0',
      '--format',
      'jsonl',
      '--out',
      join(dir, 'b.jsonl'),
    ]);
    rows.push({
      name: 'issue: CLI, whole 07-09 issue to its 目录, cold process, no pause (floor)',
      ours_ms: r1(fast.run.tocs[0].msToToc),
      parse_ms: r1(fast.run.fetcher.stats.parseMs),
      // The first issue of a process: the readers and happy-dom are not compiled yet.
      network_ms: r1(fast.run.fetcher.stats.networkMs),
    });
    const polite = await once(url, [
      '--cache',
      join(dir, 'c1'),
      '--format',
      'jsonl',
      '--out',
      join(dir, 'a.jsonl'),
    ]);
    const s = polite.run.fetcher.stats;
    const toc = polite.run.tocs[0];
    rows.push({
      name: 'issue: CLI, whole 07-09 issue to its 目录, cold cache, polite (2 at a time, 1 s pause)',
      ours_ms: r1(toc.msToToc),
      requests: s.requests,
      articles: toc.entries,
      pages: toc.pages,
    });
    rows.push({
      name: 'issue: CLI, parsing share of the polite cold-cache run (second issue of the process)',
      ours_ms: r1(s.parseMs),
      share_percent: r1((100 * s.parseMs) / polite.ms),
      wall_ms: r1(polite.ms),
      network_wait_ms: r1(s.networkMs),
      target: 'parse < 5% of the wall time',
      pass: s.parseMs / polite.ms < 0.05,
    });
    const cached = await once(url, [
      '--cache',
      join(dir, 'c1'),
      '--format',
      'jsonl',
      '--out',
      join(dir, 'c.jsonl'),
    ]);
    rows.push({
      name: 'issue: CLI, whole 07-09 issue to its 目录, from the cache folder',
      ours_ms: r1(cached.run.tocs[0].msToToc),
      requests: cached.run.fetcher.stats.requests,
      from_cache: cached.run.fetcher.stats.fromCache,
    });

    const gc = (globalThis as { gc?: () => void }).gc;
    const heap: number[] = [];
    const range = await once(
      server.url.slice(0, -1) + DEMO_PATHS.front['2026-07-09'].replace('2026-07/09', '2026-08/01'),
      [
        '--from',
        dates[0],
        '--to',
        dates[29],
        '--delay',
        '0',
        '--format',
        'jsonl',
        '--out',
        join(dir, 'range'),
        '--cache',
        join(dir, 'c3'),
      ],
      {
        onIssueDone: () => {
          // Twice: happy-dom's closed windows are freed in a second pass (finalizers of the first).
          gc?.();
          gc?.();
          heap.push(process.memoryUsage().heapUsed);
        },
      },
    );
    // The heap after each issue is a sawtooth (an issue's pages are freed a few issues later, in
    // steps of about 8 MB); what must not grow is its floor, the least of each 5 issues.
    const firstFive = Math.min(...heap.slice(0, 5));
    const lastFive = Math.min(...heap.slice(-5));
    rows.push({
      name: 'issue: CLI, 30-issue range (07-09 under 30 dates), heap after each issue',
      ours_ms: r1(range.ms),
      issues: range.run.written.length,
      heap_mb_after_1: mb(heap[0]),
      heap_mb_after_10: mb(heap[9]),
      heap_mb_after_20: mb(heap[19]),
      heap_mb_after_30: mb(heap[29]),
      gc_forced: Boolean(gc),
      heap_mb: heap.map(mb).join(' '),
      heap_floor_first5_mb: mb(firstFive),
      heap_floor_last5_mb: mb(lastFive),
      heap_peak_mb: mb(Math.max(...heap)),
      target: 'flat: heap floor of the last 5 issues ≤ 1.1 × the first 5',
      pass: lastFive <= 1.1 * firstFive,
    });
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const { machine, markdown } = await import('../run');
  const rows = await run();
  const doc = markdown(machine(), rows, [])
    .replace('# Benchmarks', '# Benchmarks: the whole issue (CLI)')
    .replace(
      'Generated by `npm run bench` (bench/run.ts)',
      'Generated by `npx tsx --expose-gc bench/cases/issue.ts`',
    );
  // The browser's figures come from the e2e run (tests/e2e/issue.test.ts writes bench/e2e-issue.json).
  let browser = '';
  try {
    const e = JSON.parse(readFileSync(fileURLToPath(new URL('../e2e-issue.json', import.meta.url)), 'utf8'));
    browser =
      `\n## In the browser (Chromium, \`tests/e2e/issue.test.ts\`, ${e.date})\n\n` +
      `${e.case}, pause ${e.delay_ms} ms between requests (the page's default is 1000 ms):\n\n` +
      `| run | time to the complete 目录 (ms) | requests to the site |\n|---|---:|---:|\n` +
      `| cold (empty page cache) | ${e.cold_ms} | ${e.cold_requests} |\n` +
      `| again, from the IndexedDB page cache | ${e.cached_ms} | ${e.cached_requests} |\n`;
  } catch {
    browser = '\n(No browser figures: run `npx vitest run --project e2e tests/e2e/issue.test.ts` first.)\n';
  }
  writeFileSync(fileURLToPath(new URL('../../docs/benchmarks-issue.md', import.meta.url)), doc + browser);
  process.stdout.write(doc);
}
