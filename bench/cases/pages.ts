/**
 * Page-reader benchmark (issue 2): readPage against @mozilla/readability on every real HTML fixture,
 * both timed on fresh happy-dom documents parsed from the same HTML outside the timed region (each run
 * gets its own: Readability mutates its document, and happy-dom caches selector results). Target: readPage ≥ 10× faster than Readability on every page
 * (Readability extracts one article; readPage reads every block or the whole article with metadata).
 * Then linear growth: readPage on the largest page with its body repeated 1×, 2×, 4×, 8×, as ms/MB.
 * Run alone with `npx tsx bench/cases/pages.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import { parseHtml } from '../../cli/dom';
import { readPage } from '../../lib/sites';
import { readPageFull } from '../../lib/sites/full';

const REAL = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'real');
const RUNS = 21;
const WARMUP = 3;
const TARGET_SPEEDUP = 10;

// Where each page was published (tests/fixtures/real/SOURCES.md), so the adapters see the URL they
// would see in the browser. A fixture not listed here is read under a file:// URL, as the CLI does.
const URLS: Record<string, string> = {
  'zqb-cyol/content_430781.html': 'https://zqb.cyol.com/pc/content/202609/16/content_430781.html',
  'zqb-cyol/node_06.html': 'https://zqb.cyol.com/pc/layout/202609/16/node_06.html',
  'rmrb-2024/node_01.html': 'http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html',
  'rmrb-2017/nbs.D110000renmrb_01.htm':
    'http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm',
  'rmrb-2017/nbs.D110000renmrb_07.htm':
    'http://paper.people.com.cn/rmrb/html/2017-10/18/nbs.D110000renmrb_07.htm',
  'jjjcb-2017-embedded/node_2.htm': 'http://csr.mos.gov.cn/content/2017-07/22/node_2.htm',
  'cnta-2017/node_1.htm': 'http://www.ctnews.com.cn/paper/content/2017-10/13/node_1.htm',
  'jxrb-2017/node_187.htm': 'http://epaper.jxnews.com.cn/jxrb/html/2017-10/09/node_187.htm',
};

// Issue 10's pages, read in place from ../shared (whole-repository snapshots are never copied into
// the project; shared/fixtures/real/SOURCES.md), by readPageFull, the reader the CLI and the popup use.
const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'real');
const SHARED_URLS: Record<string, string> = {
  'gmrb-2018/layout-2018-01-04-06.html': 'http://epaper.gmw.cn/gmrb/html/2018-01/04/nbs.D110000gmrb_06.htm',
  'jjrb-2012/layout-2012-01-06-11.html': 'http://paper.ce.cn/jjrb/html/2012-01/06/node_12.htm',
  'bjrb-2019/article-2019-01-07-571502.html': 'http://bjrb.bjd.com.cn/html/2019-01/07/content_571502.htm',
};

// Collect garbage before each timed call, so that one reader does not pay for the other's garbage
// (the parsed documents are megabytes). `npm run bench` runs without --expose-gc, hence this way in.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

type Row = { name: string; ours_ms: number; [k: string]: unknown };

/** Every real HTML fixture: tests/fixtures/real/<case>/<file>.htm(l). */
function fixtures(): { rel: string; url: string; html: string }[] {
  const out = [];
  for (const dir of readdirSync(REAL, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(REAL, dir.name))) {
      if (!/\.html?$/.test(file)) continue;
      const rel = `${dir.name}/${file}`;
      const html = readFileSync(join(REAL, rel), 'utf8');
      out.push({ rel, url: URLS[rel] ?? `file://${join(REAL, rel)}`, html });
    }
  }
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Median ms of `ours` and `theirs`, each run on its own fresh parse of the same HTML (parsing not
 * timed), interleaved so that machine noise hits both alike. Fresh parses rather than clones of one
 * document: happy-dom keeps every clone it was queried on alive until its window closes (about 7 MB
 * per clone of the zqb page), which ran the benchmark out of memory.
 */
async function timePair<A, B>(
  html: string,
  url: string,
  runs: number,
  ours: (d: Document) => A,
  theirs: ((d: Document) => B) | null,
): Promise<{
  ours: { ms: number; min: number; last: A };
  theirs: { ms: number; min: number; last: B | null };
}> {
  const a: number[] = [];
  const b: number[] = [];
  let lastA!: A;
  let lastB: B | null = null;
  for (let i = 0; i < WARMUP + runs; i++) {
    const one = parseHtml(html, url);
    const two = theirs ? parseHtml(html, url) : null;
    collect();
    let t0 = performance.now();
    lastA = ours(one.document);
    const dtA = performance.now() - t0;
    let dtB = 0;
    if (two && theirs) {
      collect();
      t0 = performance.now();
      lastB = theirs(two.document);
      dtB = performance.now() - t0;
    }
    if (i >= WARMUP) {
      a.push(dtA);
      b.push(dtB);
    }
    // Awaited: a window that is not closed keeps its whole document alive (~8 MB for the zqb page).
    await one.close();
    await two?.close();
  }
  return {
    ours: { ms: median(a), min: Math.min(...a), last: lastA },
    theirs: { ms: median(b), min: Math.min(...b), last: lastB },
  };
}

/** readPage (or readPageFull) vs Readability on one page. */
async function comparePage(rel: string, url: string, html: string, read = readPage): Promise<Row> {
  const { ours, theirs } = await timePair(
    html,
    url,
    RUNS,
    (d) => read(d, url),
    (d) => new Readability(d).parse(),
  );
  const page = ours.last;
  const speedup = theirs.ms / ours.ms;
  return {
    name: `pages${read === readPage ? '' : ' (readPageFull)'}: ${rel}`,
    ours_ms: round(ours.ms),
    readability_ms: round(theirs.ms),
    speedup: round(speedup, 1),
    // Fastest runs: on a shared machine the least disturbed estimate of each reader's own cost.
    ours_min_ms: round(ours.min),
    readability_min_ms: round(theirs.min),
    speedup_of_mins: round(theirs.min / ours.min, 1),
    target: `≥ ${TARGET_SPEEDUP}× faster than Readability`,
    pass: speedup >= TARGET_SPEEDUP,
    kind: page.kind,
    adapter: page.adapter,
    blocks: page.blocks.length,
    articles: page.articles.length,
    paragraphs: page.articles.reduce((n, a) => n + a.paragraphs.length, 0),
    readability_chars: theirs.last?.textContent?.length ?? 0,
    bytes: Buffer.byteLength(html),
  };
}

/** The page with its <body> content repeated `times` times. */
function repeatBody(html: string, times: number): string {
  const open = html.indexOf('>', html.indexOf('<body')) + 1;
  const close = html.lastIndexOf('</body>');
  return html.slice(0, close) + html.slice(open, close).repeat(times - 1) + html.slice(close);
}

/** readPage on 1×, 2×, 4×, 8× the page: ms per MB should stay flat (linear cost). */
async function growth(rel: string, url: string, html: string): Promise<Row[]> {
  const rows: Row[] = [];
  let base = 0;
  for (const times of [1, 2, 4, 8]) {
    const big = repeatBody(html, times);
    const mb = Buffer.byteLength(big) / 1e6;
    const t0 = performance.now();
    await parseHtml(big, url).close();
    const parseMs = performance.now() - t0;
    const { ours } = await timePair(big, url, times >= 4 ? 7 : 15, (d) => readPage(d, url), null);
    const perMb = ours.ms / mb;
    if (times === 1) base = perMb;
    rows.push({
      name: `pages: linear growth, ${rel} body ×${times}`,
      ours_ms: round(ours.ms),
      mb: round(mb),
      ms_per_mb: round(perMb, 1),
      happydom_parse_ms: round(parseMs, 1),
      paragraphs: ours.last.articles.reduce((n, a) => n + a.paragraphs.length, 0),
      target: times === 1 ? 'baseline for ms/MB' : 'ms/MB ≤ 2× the ×1 figure',
      pass: times === 1 ? true : perMb <= 2 * base,
    });
  }
  return rows;
}

/** The bench hook: one row per real page, then four growth rows. */
export default async function (): Promise<Row[]> {
  const pages = fixtures();
  const rows: Row[] = [];
  for (const p of pages) rows.push(await comparePage(p.rel, p.url, p.html));
  if (existsSync(SHARED)) {
    for (const [rel, url] of Object.entries(SHARED_URLS)) {
      const html = readFileSync(join(SHARED, rel), 'utf8');
      rows.push(await comparePage(rel, url, html, readPageFull));
      // The same page saved as a file: family, kind and facts come from the marks it keeps.
      const saved = await comparePage(rel, 'file:///tmp/page.html', html, readPageFull);
      rows.push({ ...saved, name: `${saved.name}, saved as a file` });
    }
  }
  const largest = pages.reduce((a, b) => (b.html.length > a.html.length ? b : a));
  rows.push(...(await growth(largest.rel, largest.url, largest.html)));
  return rows;
}

if (process.argv[1]?.endsWith('pages.ts')) {
  void (async () => console.log(JSON.stringify(await (await import('./pages')).default(), null, 2)))();
}
