/**
 * The browser part of docs/benchmarks-issue.md, from the JSON files the browser runs write:
 * bench/e2e-issue.json (tests/e2e/issue.test.ts, a short pause so the test stays quick) and
 * bench/issue-browser.json (bench/issue-browser.ts, the page's default 1 s pause). Shared by
 * bench/cases/issue.ts (which writes the whole file) and bench/issue-browser.ts (which rewrites
 * only this part), so neither figure is ever typed by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the browser part of the file begins. */
export const BROWSER_HEADING = '\n## In the browser';

const read = (name: string): Record<string, unknown> | null => {
  try {
    return JSON.parse(readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8'));
  } catch {
    return null;
  }
};

const TABLE = '| run | time to the complete 目录 (ms) | requests to the site |\n|---|---:|---:|\n';

/** The markdown of both browser runs (or a line saying how to make each). */
export function browserSection(): string {
  let out = '';
  const d = read('issue-browser.json') as null | {
    case: string;
    date: string;
    delay_ms: number;
    chromium: string;
    load: string;
    cold: { toc_ms: number[]; median_ms: number; wall_ms: number[]; requests: number };
    cached: { toc_ms: number[]; median_ms: number; wall_ms: number[]; requests: number };
  };
  if (d) {
    const runs = (xs: number[]) => xs.join(', ');
    out +=
      `${BROWSER_HEADING} at the page's default pause (Chromium, \`npx tsx bench/issue-browser.ts\`, ${d.date})\n\n` +
      `${d.case}, ${d.chromium}, load average at start ${d.load}. The figure is the page's own ` +
      '`data-toc-ms` (the walk starts → the complete 目录); median of the runs, each run listed. ' +
      'Cold runs each start on a fresh profile (empty IndexedDB page cache); cached runs reopen issue.html on the same profile.\n\n' +
      TABLE +
      `| cold, pause ${d.delay_ms} ms, 2 at a time (runs: ${runs(d.cold.toc_ms)}) | ${d.cold.median_ms} | ${d.cold.requests} |\n` +
      `| again, from the IndexedDB page cache (runs: ${runs(d.cached.toc_ms)}) | ${d.cached.median_ms} | ${d.cached.requests} |\n\n` +
      `Open → complete 目录 seen from the test driver (navigation included): cold ${runs(d.cold.wall_ms)} ms; cached ${runs(d.cached.wall_ms)} ms.\n`;
  } else {
    out += `${BROWSER_HEADING} at the page's default pause\n\n(No figures: run \`npx tsx bench/issue-browser.ts\`.)\n`;
  }
  const e = read('e2e-issue.json') as null | Record<string, string | number>;
  if (e) {
    out +=
      `${BROWSER_HEADING}, short pause (Chromium, \`tests/e2e/issue.test.ts\`, ${e.date})\n\n` +
      `${e.case}, pause ${e.delay_ms} ms between requests (the test's, to stay quick; the page's default is 1000 ms):\n\n` +
      TABLE +
      `| cold (empty page cache) | ${e.cold_ms} | ${e.cold_requests} |\n` +
      `| again, from the IndexedDB page cache | ${e.cached_ms} | ${e.cached_requests} |\n`;
  } else {
    out += `${BROWSER_HEADING}, short pause\n\n(No figures: run \`npx vitest run --project e2e tests/e2e/issue.test.ts\` first.)\n`;
  }
  return out;
}
