/**
 * The 「整期目录」 page's glue over the real page source and the real demo pages: the walk's loads go
 * through the source's caches (a second walk fetches nothing and takes no pause), read marks
 * survive a reload of the store, highlight counts come per story.
 */
import { describe, expect, it } from 'vitest';
import { buildToc, walkIssue } from '../../../lib/issue';
import { createPageSource } from '../../../lib/extension/kit/page-source';
import {
  highlightCounts,
  loadReadMarks,
  readMarksKey,
  saveReadMarks,
  sourceFetcher,
} from '../../../lib/extension/pages/issue';
import { readPage } from '../../../lib/sites';
import { DEMO_PATHS } from '../../../demo/render';
import { BASE, demoSite } from '../../demo/demo-site';
import { docFromHtml } from '../../helpers/dom';

function source() {
  const idb = new Map<string, string>();
  const fetched: string[] = [];
  let flaky = true;
  const src = createPageSource({
    pageUrl: 'chrome-extension://id/issue.html',
    fetchSameOrigin: async () => ({ ok: false, error: 'none' }),
    fetchOtherOrigin: async (url) => {
      fetched.push(url);
      if (url.endsWith(DEMO_PATHS.flaky) && flaky) {
        flaky = false;
        return { ok: false, error: 'HTTP 500' };
      }
      const file = demoSite().get(new URL(url).pathname);
      return file ? { ok: true, value: { url, html: file.body } } : { ok: false, error: 'HTTP 404' };
    },
    parse: (html, url) => readPage(docFromHtml(html, url), url),
    cache: { get: async (u) => idb.get(u) ?? null, put: async (u, h) => void idb.set(u, h) },
  });
  return { src, fetched, idb };
}

describe('issue page glue', () => {
  it('walks through the page source; a retry fetches only the page that failed, with one pause', async () => {
    const s = source();
    // 07-09: every article has its text (the source keeps only pages with e-paper content).
    const first = await walkIssue(BASE + DEMO_PATHS.front['2026-07-09'], sourceFetcher(s.src), {
      delayMs: 0,
    });
    expect(first.ok && first.value.failures.map((f) => f.reason)).toEqual(['HTTP 500']);
    expect(s.fetched).toHaveLength(first.ok ? first.value.fetched : -1);
    s.fetched.length = 0;
    const pauses: number[] = [];
    const again = await walkIssue(BASE + DEMO_PATHS.front['2026-07-09'], sourceFetcher(s.src), {
      delayMs: 500,
      sleep: async (ms) => void pauses.push(ms),
    });
    // Only the page that failed is asked for again.
    expect(s.fetched).toEqual([BASE + DEMO_PATHS.flaky]);
    expect(again.ok && again.value.failures).toEqual([]);
    expect(again.ok && again.value.fetched).toBe(1);
    expect(pauses).toEqual([500]);
  });

  it('keeps read marks per issue, and counts highlights per story', async () => {
    const s = source();
    const walk = await walkIssue(BASE + DEMO_PATHS.front['2026-07-13'], sourceFetcher(s.src), { delayMs: 0 });
    if (!walk.ok) throw new Error(walk.error);
    const toc = await buildToc(walk.value);
    const data: Record<string, unknown> = {};
    const store = {
      get: async (k: string) => ({ [k]: data[k] }),
      set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    };
    const key = readMarksKey(toc.paper, toc.date);
    await saveReadMarks(store, key, new Set([toc.entries[0].key]));
    expect([...(await loadReadMarks(store, key))]).toEqual([toc.entries[0].key]);
    expect(await loadReadMarks(store, readMarksKey(toc.paper, '2026-07-09'))).toEqual(new Set());
    const asked: string[][] = [];
    const chip = toc.entries.find((e) => e.title.includes('海南芯'))!;
    const counts = await highlightCounts(toc.entries, async (keys, urls) => {
      asked.push(urls);
      return { ok: true, value: { highlights: keys[0] === chip.key ? [1, 2, 3] : [] } };
    });
    expect(counts.get(chip.key)).toBe(3);
    expect(asked).toHaveLength(toc.entries.length);
    // Both parts' URLs: a highlight made on page 2 counts for the story.
    expect(asked.find((u) => u.includes(chip.url))).toHaveLength(2);
  });
});
