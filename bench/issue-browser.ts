/**
 * 「整期目录」 in Chromium at the page's default pause (1 s between requests, 2 at a time): the time
 * to the complete 目录 of the demo's 07-09 issue cold (each run on a fresh profile, so the IndexedDB
 * page cache is empty) and from the cache (issue.html opened again on the same profile). Measured,
 * never asserted: a figure on a shared machine is whatever the machine gave. Uses the shipping build
 * (`npx wxt build` first, or it builds one), the demo server on 127.0.0.1 and Debian's Chromium.
 * Writes bench/issue-browser.json and the browser part of docs/benchmarks-issue.md.
 *
 *   npx tsx bench/issue-browser.ts [--cold N] [--cached N]     (defaults: 3 cold, 5 cached)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEMO_PATHS } from '../demo/render';
import { REPO_ROOT, startDemoServer, type DemoServer } from '../demo/server';
import { buildEnv } from '../tests/e2e/global-setup';
import {
  CHROMIUM,
  SHIPPING_EXTENSION_DIR,
  launchWithExtension,
  type ExtensionBrowser,
} from '../tests/e2e/launch';
import { BROWSER_HEADING, browserSection } from './issue-doc';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Math.max(1, Number(process.argv[at + 1]) || fallback) : fallback;
};
const COLD = arg('--cold', 3);
const CACHED = arg('--cached', 5);
const FRONT = DEMO_PATHS.front['2026-07-09'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;

/** One opening of issue.html: the page's own figure, the driver's, and the requests to the site. */
async function openIssue(b: ExtensionBrowser, server: DemoServer) {
  const front = new URL(FRONT, server.url).href;
  const page = await b.context.newPage();
  server.requests.length = 0;
  const t0 = performance.now();
  // No &delay=: the page's default pause (1 s).
  await page.goto(`chrome-extension://${b.extensionId}/issue.html?url=${encodeURIComponent(front)}`);
  await page.locator('[data-toc-ms]').waitFor({ timeout: 180_000 });
  const wall = performance.now() - t0;
  const tocMs = Number(await page.locator('[data-toc-ms]').getAttribute('data-toc-ms'));
  const entries = await page.locator('[data-testid="issue-entry"]').count();
  const failures = await page.locator('[data-testid="issue-failures"] li').count();
  await page.close();
  if (failures > 0 || entries !== 27)
    throw new Error(`incomplete 目录: ${entries} entries, ${failures} failures`);
  return { tocMs: round(tocMs), wall: Math.round(wall), requests: server.requests.length };
}

if (!existsSync(`${SHIPPING_EXTENSION_DIR}/manifest.json`)) {
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: REPO_ROOT, env: buildEnv() });
}
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(', ');
const server = await startDemoServer();
const cold: Array<Awaited<ReturnType<typeof openIssue>>> = [];
const cached: typeof cold = [];
try {
  for (let i = 0; i < COLD; i++) {
    const b = await launchWithExtension({ extensionDir: SHIPPING_EXTENSION_DIR });
    try {
      cold.push(await openIssue(b, server));
      process.stderr.write(`cold ${i + 1}/${COLD}: ${cold.at(-1)!.tocMs} ms\n`);
      // The last cold profile is the one the cached runs reopen.
      if (i === COLD - 1) {
        for (let j = 0; j < CACHED; j++) {
          cached.push(await openIssue(b, server));
          process.stderr.write(`cached ${j + 1}/${CACHED}: ${cached.at(-1)!.tocMs} ms\n`);
        }
      }
    } finally {
      await b.close();
    }
  }
} finally {
  await server.close();
}

// Debian's wrapper script prints a shell warning on stderr here: only stdout is the version.
const version = execFileSync(CHROMIUM, ['--version'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
}).trim();
const summary = (runs: typeof cold) => ({
  toc_ms: runs.map((r) => r.tocMs),
  median_ms: median(runs.map((r) => r.tocMs)),
  wall_ms: runs.map((r) => r.wall),
  requests: median(runs.map((r) => r.requests)),
});
const result = {
  case: 'issue.html: the demo 07-09 issue (7 pages, 28 article pages, 27 articles) to the complete 目录, shipping build',
  delay_ms: 1000,
  chromium: version,
  load,
  date: new Date().toISOString(),
  cold: summary(cold),
  cached: summary(cached),
};
writeFileSync(new URL('issue-browser.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');

// Only the browser part of the doc: the CLI part is bench/cases/issue.ts's (a run of minutes).
const docPath = fileURLToPath(new URL('../docs/benchmarks-issue.md', import.meta.url));
const doc = readFileSync(docPath, 'utf8');
const cut = doc.indexOf(BROWSER_HEADING);
writeFileSync(docPath, (cut >= 0 ? doc.slice(0, cut) : doc) + browserSection());
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
