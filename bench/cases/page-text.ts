/**
 * Page-text benchmark (issue 2): readPageText on the seed page (株洲日报 2022-02-07 A1, ~7,000
 * characters, 8 articles; target < 1 ms), and on 16 and 64 copies of it to show the cost grows
 * linearly. Medians over many runs after a warm-up. Run alone with `npx tsx bench/cases/page-text.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPageText } from '../../lib/sites/page-text';

const SEED_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  'tests',
  'fixtures',
  'seed',
  'zhuzhou-daily-2022-02-07-A1.txt',
);
const URL = 'file:///tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of `runs` calls, after `runs / 5` warm-up calls the JIT may use. */
function measure(text: string, runs: number): { ms: number; articles: number } {
  let articles = 0;
  for (let i = 0; i < Math.max(5, runs / 5); i++) articles = readPageText(text, URL).articles.length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    readPageText(text, URL);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), articles };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The bench hook: one row for the seed, two rows for the scaled copies. */
export default async function (): Promise<Array<{ name: string; ours_ms: number; [k: string]: unknown }>> {
  const seed = readFileSync(SEED_FILE, 'utf8');
  const one = measure(seed, 500);
  const x16 = measure(seed.repeat(16), 60);
  const x64 = measure(seed.repeat(64), 20);
  return [
    {
      name: 'page-text: seed A1 (株洲日报)',
      ours_ms: round(one.ms),
      target_ms: 1,
      articles: one.articles,
      chars: seed.length,
    },
    {
      name: 'page-text: seed ×16',
      ours_ms: round(x16.ms),
      articles: x16.articles,
      per_copy_ms: round(x16.ms / 16),
    },
    {
      name: 'page-text: seed ×64',
      ours_ms: round(x64.ms),
      articles: x64.articles,
      per_copy_ms: round(x64.ms / 64),
    },
  ];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) {
  void (async () => console.log(JSON.stringify(await (await import('./page-text')).default(), null, 2)))();
}
