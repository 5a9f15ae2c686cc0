/**
 * Anchoring benchmark (issue 4): re-anchor 200 highlights on a long real article in happy-dom
 * (target < 20 ms), once on the unchanged page and once on a page whose text was edited so some
 * highlights need context, position or fuzzy matching. The article is 中国青年报 2026-09-16 05版
 * 「谁的房子谁的家」 (tests/fixtures/real/zqb-cyol, ~13,000 characters in 200 paragraphs).
 * Medians over repeated runs. Run alone with `npx tsx bench/cases/anchor.ts`.
 */
import { readFileSync } from 'node:fs';
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
export default async function (): Promise<Array<{ name: string; ours_ms: number; [k: string]: unknown }>> {
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
  return [
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

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1] && /bench[\\/]cases[\\/]anchor\.ts$/.test(process.argv[1])) {
  void (async () => console.log(JSON.stringify(await (await import('./anchor')).default(), null, 2)))();
}
