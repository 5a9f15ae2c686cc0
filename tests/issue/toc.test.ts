/**
 * The whole demo issues walked and turned into their 目录, compared with golden summaries
 * (tests/golden/issue/<date>.json; regenerate with UPDATE_GOLDEN=1 and read the diff), plus the
 * rules the golden files show: every article once, continued stories once with all their pages.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildToc, walkIssue } from '../../lib/issue';
import { DEMO_PATHS } from '../../demo/render';
import { BASE, demoSite } from '../demo/demo-site';
import { demoFetcher, tocSummary } from './demo-fetcher';

const GOLDEN = fileURLToPath(new URL('../golden/issue/', import.meta.url));

function golden(name: string, value: unknown) {
  const file = GOLDEN + name;
  const text = JSON.stringify(value, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
  }
  if (!existsSync(file)) throw new Error(`missing golden ${name}: run with UPDATE_GOLDEN=1`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

async function tocOf(path: string, failOnce: string[] = []) {
  const fetcher = demoFetcher(demoSite(), { failOnce });
  const walk = await walkIssue(BASE + path, fetcher, { delayMs: 0 });
  if (!walk.ok) throw new Error(walk.error);
  return { toc: await buildToc(walk.value), walk: walk.value, fetcher };
}

describe('the demo issues as tables of contents', () => {
  it.each(Object.entries(DEMO_PATHS.front))('%s matches its golden summary', async (date, path) => {
    const { toc } = await tocOf(path);
    golden(`${date}.json`, tocSummary(toc));
  });

  it('07-09: every article once, the duplicate-regime story once on 第1、6版, cover from the front page', async () => {
    const { toc, walk } = await tocOf(DEMO_PATHS.front['2026-07-09']);
    expect(walk.list.map((l) => l.label)).toEqual(['1', '2', '3', '4', '6', '7', '8']);
    expect(walk.articlePages.size).toBe(28);
    expect(toc.failures).toEqual([]);
    // 28 article pages, one story printed on two of them.
    expect(toc.entries).toHaveLength(27);
    expect(new Set(toc.entries.map((e) => e.key)).size).toBe(27);
    const paper = toc.entries.find((e) => e.title === '一张“纸”里的45亿元自贸港外贸账')!;
    expect(paper.pages).toEqual(['1', '6']);
    expect(toc.pages.find((p) => p.label === '6')!.continued).toEqual([
      { key: paper.key, title: paper.title, from: '1' },
    ]);
    expect(toc.cover).toBe(`${BASE}/images/2026-07/09/page_001.svg`);
  });

  it('07-13: the split and the duplicate story each once with both pages', async () => {
    const { toc } = await tocOf(DEMO_PATHS.front['2026-07-13']);
    const pagesOf = (t: string) => toc.entries.filter((e) => e.title.includes(t)).map((e) => e.pages);
    expect(pagesOf('海南芯')).toEqual([['1', '2']]);
    expect(pagesOf('海南重卡')).toEqual([['1', '2']]);
  });

  it('07-10: the missing page is a failure with its reason and the rest is usable', async () => {
    const { toc } = await tocOf(DEMO_PATHS.front['2026-07-10']);
    expect(toc.failures).toEqual([
      expect.objectContaining({
        kind: 'page',
        label: '4',
        reason: 'HTTP 404',
        url: BASE + DEMO_PATHS.missing.page,
      }),
    ]);
    expect(toc.pages.find((p) => p.label === '4')!.failed).toBe('HTTP 404');
    const slow = toc.entries.find((e) => e.title.includes('慢钱'))!;
    expect(slow.pages).toEqual(['1']);
    expect(toc.problems.some((p) => p.startsWith('下转A4版: page A4 is not available'))).toBe(true);
    expect(toc.entries.length).toBeGreaterThan(40);
  });

  it('the same 目录 from any page of the issue: an article page of page 6', async () => {
    const front = await tocOf(DEMO_PATHS.front['2026-07-09']);
    const fromArticle = await tocOf(DEMO_PATHS.duplicate.part2);
    expect(tocSummary(fromArticle.toc)).toEqual(tocSummary(front.toc));
  });

  it('a page that fails once is a failure; walking again with the page cached fetches only it', async () => {
    const first = await tocOf(DEMO_PATHS.front['2026-07-09'], [DEMO_PATHS.flaky]);
    expect(first.toc.failures).toEqual([
      expect.objectContaining({
        kind: 'article',
        label: '3',
        reason: 'HTTP 500',
        url: BASE + DEMO_PATHS.flaky,
      }),
    ]);
    expect(first.toc.pages.find((p) => p.label === '3')!.missing).toHaveLength(1);
    // Retry: everything that loaded is cached now.
    const loaded = new Set(first.fetcher.calls.filter((p) => p !== DEMO_PATHS.flaky));
    const again = demoFetcher(demoSite(), { cached: (p) => loaded.has(p) });
    const walk = await walkIssue(BASE + DEMO_PATHS.front['2026-07-09'], again, { delayMs: 0 });
    expect(walk.ok && walk.value.fetched).toBe(1);
    expect(walk.ok && walk.value.failures).toEqual([]);
  });
});
