/**
 * Test helper: an IssueFetcher over the rendered demo site (no HTTP), recording every load and the
 * most loads in flight at once, with optional 500-once paths and routes replaced by the test.
 */
import type { IssueFetcher } from '../../lib/issue';
import type { DemoFile } from '../../demo/render';
import { BASE, readSitePage } from '../demo/demo-site';

export interface DemoFetcher extends IssueFetcher {
  calls: string[];
  maxInFlight: number;
}

/** A fetcher over `site`; `cached` names paths that count as cached; `failOnce` answer 500 first. */
export function demoFetcher(
  site: Map<string, DemoFile>,
  opts: { cached?: (path: string) => boolean; failOnce?: string[]; onLoad?: (path: string) => void } = {},
): DemoFetcher {
  const flaky = new Set(opts.failOnce ?? []);
  let inFlight = 0;
  const f: DemoFetcher = {
    calls: [],
    maxInFlight: 0,
    cached: opts.cached ? (url) => opts.cached!(new URL(url).pathname) : undefined,
    async load(url) {
      const path = new URL(url).pathname;
      f.calls.push(path);
      opts.onLoad?.(path);
      inFlight++;
      f.maxInFlight = Math.max(f.maxInFlight, inFlight);
      try {
        // A real fetch takes a turn of the event loop or more; so does this one.
        await new Promise((r) => setTimeout(r, 1));
        if (!url.startsWith(BASE)) throw new Error(`HTTP 404 (other site ${url})`);
        if (flaky.delete(path)) throw new Error('HTTP 500');
        if (!site.has(path)) throw new Error('HTTP 404');
        return readSitePage(site, path);
      } finally {
        inFlight--;
      }
    },
  };
  return f;
}

/** A TOC summary to compare with a golden file: pages, 版名, entries with their pages, failures. */
export function tocSummary(toc: import('../../lib/issue').IssueToc) {
  return {
    paper: toc.paper,
    date: toc.date,
    cover: toc.cover.replace(BASE, ''),
    pages: toc.pages.map((p) => ({
      label: p.label,
      name: p.name,
      failed: p.failed,
      entries: p.entries.map((e) => `${e.title} [${e.pages.join('、')}] ${e.article.paragraphs.length}¶`),
      continued: p.continued.map((c) => `${c.title} ← ${c.from}`),
      missing: p.missing.map((m) => `${m.title}: ${m.reason}`),
    })),
    failures: toc.failures.map((f) => `${f.kind} ${f.label} ${f.url.replace(BASE, '')}: ${f.reason}`),
    problems: toc.problems,
  };
}
