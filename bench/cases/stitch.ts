/**
 * Stitch benchmarks (issue 2): stitching on already-parsed pages, so the figures are the stitcher's
 * own cost (parsing is measured by the page-reader cases). The demo's 海南日报 pages: the split pair
 * 07-13 opened on part 2, and stitchPages over every article page of the 07-09 issue. Medians after a
 * warm-up. Run alone with `npx tsx bench/cases/stitch.ts`.
 */
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { renderDemoSite, DEMO_PATHS } from '../../demo/render';
import type { Page, PageLoader } from '../../lib/model';
import { readPage } from '../../lib/sites';
import { stitchArticle, stitchPages } from '../../lib/stitch';

const BASE = 'http://127.0.0.1:4173';

async function parse(html: string, url: string): Promise<Page> {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  const page = readPage(
    new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document,
    url,
  );
  // The Page is plain data: free the window so the garbage collector does not run inside the timings.
  await window.happyDOM.close();
  return page;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median and minimum wall-clock milliseconds after a warm-up (the minimum shows the cost on a busy machine). */
async function time(runs: number, f: () => Promise<unknown>): Promise<{ median: number; min: number }> {
  await f();
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    wall.push(performance.now() - t);
  }
  const r = (x: number) => Math.round(x * 100) / 100;
  return { median: r(median(wall)), min: r(Math.min(...wall)) };
}

export default async function run(): Promise<Array<{ name: string; ours_ms: number; [k: string]: unknown }>> {
  const site = renderDemoSite(fileURLToPath(new URL('../../tests/fixtures', import.meta.url)));
  const parsed = new Map<string, Page>();
  for (const [path, file] of site)
    if (path.endsWith('.htm')) parsed.set(BASE + path, await parse(file.body, BASE + path));
  const load: PageLoader = async (ref) => {
    const page = ref.url ? parsed.get(ref.url) : undefined;
    if (!page) throw new Error(`HTTP 404 ${ref.url}`);
    return page;
  };
  const part2 = parsed.get(BASE + DEMO_PATHS.split.part2)!;
  let pages = 0;
  const splitMs = await time(50, async () => {
    pages = (await stitchArticle(part2.articles[0], part2, load)).article.pages.length;
  });
  const issue = [...parsed.entries()]
    .filter(([u, p]) => u.includes('/2026-07/09/') && p.kind === 'article')
    .map(([, p]) => p);
  let articles = 0;
  const issueMs = await time(20, async () => {
    articles = (await stitchPages(issue)).articles.length;
  });
  return [
    {
      name: 'stitch: 07-13 split pair opened on part 2 (parsed pages)',
      ours_ms: splitMs.median,
      min_ms: splitMs.min,
      pages,
      runs: 50,
    },
    {
      name: 'stitch: stitchPages over the 07-09 issue (28 article pages)',
      ours_ms: issueMs.median,
      min_ms: issueMs.min,
      given: issue.length,
      articles,
      runs: 20,
    },
  ];
}

// Run alone: `npx tsx bench/cases/stitch.ts` prints the rows.
if (process.argv[1] && /bench[\\/]cases[\\/]stitch\.ts$/.test(process.argv[1])) {
  void run().then((rows) => console.table(rows));
}
