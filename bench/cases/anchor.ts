/**
 * Anchoring benchmark (issue 4): re-anchor 200 highlights on a long real article in happy-dom
 * (target < 20 ms), once on the unchanged page and once on a page whose text was edited so some
 * highlights need context, position or fuzzy matching. The article is 中国青年报 2026-09-16 05版
 * 「谁的房子谁的家」 (tests/fixtures/real/zqb-cyol, ~13,000 characters in 200 paragraphs).
 * The same run in Debian's Chromium (when /usr/bin/chromium exists and BENCH_NO_BROWSER is unset)
 * checks that the module works in a real browser and times it there, live Ranges included.
 * Medians over repeated runs. Run alone with `npx tsx bench/cases/anchor.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { anchorAll, buildView, describeText, locate, rootText } from '../../lib/anchor/index';
import type { Selectors } from '../../lib/model/index';

const PAGE = join(
  import.meta.dirname,
  '..',
  '..',
  'tests',
  'fixtures',
  'real',
  'zqb-cyol',
  'content_430781.html',
);
const HIGHLIGHTS = 200;
const RUNS = 25;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The article page in a happy-dom window; `edit` rewrites the HTML first (a changed page). */
function load(edit: (html: string) => string = (h) => h): Element {
  const window = new Window({ url: 'http://zqb.cyol.com/pc/content/202609/16/content_430781.html' });
  window.document.write(edit(readFileSync(PAGE, 'utf8')));
  return window.document.querySelector('founder-content') as unknown as Element;
}

/** 200 highlights of 6–60 characters spread over the article, deterministic. */
function highlights(root: Element): Selectors[] {
  const text = rootText(root);
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const out: Selectors[] = [];
  while (out.length < HIGHLIGHTS) {
    const len = 6 + rnd(55);
    const start = rnd(text.length - len);
    const s = describeText(text, start, start + len, 'zqb|2026-09-16|5|430781');
    if (s) out.push(s);
  }
  return out;
}

/**
 * Median time to place all highlights: reading the page (view) and locating each one as DOM points,
 * and separately with live Range objects, which happy-dom makes slowly (its boundary comparisons
 * walk the document; Chromium's do not), so that figure says more about happy-dom than about us.
 */
function measure(root: Element, sels: Selectors[]): { ms: number; methods: Record<string, number> } {
  const times: number[] = [];
  const methods: Record<string, number> = {};
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const view = buildView(root);
    const placed = sels.map((s) => locate(view, s));
    times.push(performance.now() - t0);
    if (i === 0) {
      for (const m of placed) {
        const k = 'notFound' in m ? 'notFound' : m.method;
        methods[k] = (methods[k] ?? 0) + 1;
      }
    }
  }
  return { ms: median(times), methods };
}

/** Median time of anchorAll, which also makes a live Range per highlight. */
function measureRanges(root: Element, sels: Selectors[]): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    anchorAll(root, sels);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Bench entry: one row per scenario. */
export default async function (): Promise<Row[]> {
  const root = load();
  const sels = highlights(root);
  const same = measure(root, sels);
  // Edits a reader would meet: a corrected character every ~400 characters and a paragraph added.
  const edited = load((html) => {
    let i = 0;
    return html
      .replace(/。/g, (m) => (++i % 12 === 0 ? '。（编者注）' : m))
      .replace('她提出想回去', '她提出要回去');
  });
  const changed = measure(edited, sels);
  const sameRanges = measureRanges(root, sels);
  const changedRanges = measureRanges(edited, sels);
  const chars = rootText(root).length;
  const chromiumRow = await inChromium(sels).catch((e: unknown) => ({
    name: 'anchor: re-anchor 200 highlights, unchanged page (Chromium)',
    ours_ms: Number.NaN,
    error: String(e),
  }));
  return [
    ...(chromiumRow ? [chromiumRow] : []),
    {
      name: 'anchor: re-anchor 200 highlights, unchanged page (happy-dom)',
      ours_ms: round(same.ms),
      target_ms: 20,
      with_happy_dom_ranges_ms: round(sameRanges),
      article_chars: chars,
      methods: same.methods,
    },
    {
      name: 'anchor: re-anchor 200 highlights, edited page (happy-dom)',
      ours_ms: round(changed.ms),
      target_ms: 20,
      with_happy_dom_ranges_ms: round(changedRanges),
      article_chars: chars,
      methods: changed.methods,
    },
  ];
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What runs in the page: the unchanged-page measurement, plus checks that the placed ranges are right. */
const IN_PAGE = `function (sels, runs) {
  const A = globalThis.EpaperAnchor;
  const root = document.querySelector('founder-content');
  const times = [];
  const withRanges = [];
  let placed = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const view = A.buildView(root);
    sels.forEach((s) => A.locate(view, s));
    times.push(performance.now() - t0);
    const t1 = performance.now();
    placed = A.anchorAll(root, sels);
    withRanges.push(performance.now() - t1);
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fold = (t) => A.normalizeForMatch(t).text.replace(/\\s+/g, '');
  const sameText = placed.every((m, i) => m.range && fold(m.range.toString()) === fold(sels[i].exact));
  // describe() on the placed ranges gives the stored selectors back (Range.comparePoint in Chromium).
  const described = placed.every((m, i) => {
    const d = A.describe(root, m.range, sels[i].articleKey);
    return d && d.exact === sels[i].exact && d.start === sels[i].start && d.paragraph === sels[i].paragraph;
  });
  // The page's display:none copy (#articleContent) holds the body again: the body must read it once.
  const bodyText = A.rootText(document.body);
  const q = sels[0].exact;
  return { ms: med(times), rangesMs: med(withRanges), sameText, described, hiddenSkipped: bodyText.indexOf(q) === bodyText.lastIndexOf(q) };
}`;

/** Runs the unchanged-page case inside Chromium: lib/anchor bundled to an IIFE, page JS off, no network. */
async function inChromium(sels: Selectors[]): Promise<Row | null> {
  if (process.env.BENCH_NO_BROWSER || !existsSync(CHROMIUM)) return null;
  // esbuild comes with tsx (the bench runner); bundling keeps lib/anchor exactly as the extension ships it.
  const { build } = await import('esbuild');
  const entry = join(import.meta.dirname, '..', '..', 'lib', 'anchor', 'index.ts');
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'EpaperAnchor',
    write: false,
  });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(readFileSync(PAGE, 'utf8'), { waitUntil: 'domcontentloaded' });
    await page.evaluate(`${bundle.outputFiles[0].text};globalThis.EpaperAnchor = EpaperAnchor;`);
    // A string, not a function: tsx's transform would add helpers (__name) that do not exist in the page.
    const result = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(sels)}, ${RUNS})`)) as {
      ms: number;
      rangesMs: number;
      sameText: boolean;
      described: boolean;
      hiddenSkipped: boolean;
    };
    return {
      name: 'anchor: re-anchor 200 highlights, unchanged page (Chromium)',
      ours_ms: round(result.ms),
      target_ms: 20,
      with_ranges_ms: round(result.rangesMs),
      ranges_cover_quotes: result.sameText,
      describe_round_trip: result.described,
      hidden_copy_skipped: result.hiddenSkipped,
    };
  } finally {
    await browser.close();
  }
}

type Row = { name: string; ours_ms: number; [k: string]: unknown };

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1] && /bench[\\/]cases[\\/]anchor\.ts$/.test(process.argv[1])) {
  void (async () => console.log(JSON.stringify(await (await import('./anchor')).default(), null, 2)))();
}
