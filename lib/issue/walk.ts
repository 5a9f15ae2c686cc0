/**
 * walkIssue: from any page of an issue (layout page or article page) to every page of it, through
 * an injected fetcher and the polite queue. The start page's page list (a#pageLink) names the
 * layout pages; each layout page's blocks name its article pages. Entries outside the issue are
 * refused, a page listed twice is loaded once, a list that keeps growing is cut; a page that fails
 * is a failure with its reason and the rest goes on. Stopping (AbortSignal) keeps what was read.
 */
import type { Page, Result } from '../model';
import { isEpaperUrl } from '../sites';
import { politeQueue, type Sleep } from './polite';
import { outsideIssue, pageKey, scopeOf, type IssueScope } from './scope';
import type { IssueFailure, IssueFetcher, IssueProgress, IssueWalk } from './types';

/** Options of walkIssue. */
export interface WalkOptions {
  signal?: AbortSignal;
  /** Requests at a time (default 2, the issue's rule). */
  concurrency?: number;
  /** Pause after each request, ms (default 1000). */
  delayMs?: number;
  sleep?: Sleep;
  onProgress?(p: IssueProgress): void;
}

/**
 * The most pages an issue may list. The largest real issues we know print 24 版 (人民日报) and
 * 32–48 on big weekend days; a page list past this is a loop or not an issue.
 */
export const MAX_ISSUE_PAGES = 100;
/** The most article pages one layout page may name (real pages: 1–20 blocks). */
export const MAX_PAGE_BLOCKS = 80;

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e || 'the page could not be loaded');
}

const isAbort = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/** Walk the issue `start` is a page of. An error only when there is no issue to walk at all. */
export async function walkIssue(
  start: string,
  fetcher: IssueFetcher,
  opts: WalkOptions = {},
): Promise<Result<IssueWalk>> {
  const scope = scopeOf(start);
  if (!scope || !isEpaperUrl(start)) {
    return { ok: false, error: `${start} is not an e-paper page (no known e-paper address)` };
  }
  const { signal } = opts;
  const queue = politeQueue({ ...opts, concurrency: opts.concurrency ?? 2 });
  const progress: IssueProgress = { total: 1, done: 0, failed: 0, url: start };
  const walk: IssueWalk = {
    start,
    paper: '',
    date: scope.date,
    list: [],
    layouts: new Map(),
    articlePages: new Map(),
    failures: [],
    problems: [],
    stopped: false,
    fetched: 0,
  };

  // One load of a URL: from the cache at once, else through the queue; a failure is its reason.
  const get = async (url: string): Promise<Page | string> => {
    try {
      const task = () => fetcher.load(url, signal);
      if (await fetcher.cached?.(url)) return await task();
      return await queue.run(task);
    } catch (e) {
      if (isAbort(e) || signal?.aborted) {
        walk.stopped = true;
        return 'stopped';
      }
      return reasonOf(e);
    } finally {
      progress.done++;
      progress.url = url;
    }
  };
  const report = (failed: boolean) => {
    // A load cut short by a stop is no failure: it was never answered.
    if (failed && !walk.stopped) progress.failed++;
    opts.onProgress?.({ ...progress });
  };

  const first = await get(start);
  report(typeof first === 'string');
  walk.fetched = queue.started;
  if (typeof first === 'string') {
    if (walk.stopped) return { ok: false, error: 'stopped before the first page was read' };
    return { ok: false, error: `${start} could not be loaded: ${first}` };
  }
  if (first.adapter === 'generic') {
    return {
      ok: false,
      error: `${start} is not an e-paper page (${first.problems[0] ?? 'no layout or article'})`,
    };
  }
  walk.paper = first.paper;
  walk.date = first.date || scope.date;
  if (!first.pageLinks.length) {
    return {
      ok: false,
      error: `${start} has no page list (版面导航), so the issue's other pages cannot be found`,
    };
  }
  (first.kind === 'layout' ? walk.layouts : walk.articlePages).set(pageKey(start), first);

  const seen = new Set<string>([pageKey(start)]);
  const articleTasks: Promise<void>[] = [];
  const fail = (f: IssueFailure) => {
    walk.failures.push(f);
  };

  const loadArticles = (page: Page) => {
    for (const b of page.blocks.slice(0, MAX_PAGE_BLOCKS)) {
      const key = pageKey(b.href);
      if (seen.has(key)) continue;
      seen.add(key);
      const why = outsideIssue(scope, b.href);
      if (why) {
        walk.problems.push(`「${b.title}」 on page ${page.label} points ${why}: not followed`);
        continue;
      }
      progress.total++;
      articleTasks.push(
        get(b.href).then((r) => {
          if (typeof r !== 'string') walk.articlePages.set(key, r);
          else if (!walk.stopped)
            fail({ url: b.href, kind: 'article', label: page.label, title: b.title, reason: r });
          report(typeof r === 'string');
        }),
      );
    }
    if (page.blocks.length > MAX_PAGE_BLOCKS) {
      walk.problems.push(
        `page ${page.label} lists ${page.blocks.length} articles; the first ${MAX_PAGE_BLOCKS} were read`,
      );
    }
  };

  const layoutTasks: Promise<void>[] = [];
  const addList = (page: Page) => {
    for (const link of page.pageLinks) {
      const key = pageKey(link.href);
      const twice = walk.list.find((l) => pageKey(l.href) === key);
      if (twice) {
        if (twice.label !== link.label) {
          walk.problems.push(
            `the page list names ${key} as page ${twice.label} and as page ${link.label} (a loop); read once`,
          );
        }
        continue;
      }
      const why = outsideIssue(scope, link.href);
      if (why) {
        walk.problems.push(`the page list's entry for page ${link.label} points ${why}: refused`);
        continue;
      }
      if (walk.list.length >= MAX_ISSUE_PAGES) {
        walk.problems.push(`the page list goes past ${MAX_ISSUE_PAGES} pages (a loop?): the rest is refused`);
        return;
      }
      walk.list.push({ label: link.label, name: link.name, href: link.href });
      if (key === pageKey(start) && first.kind === 'layout') {
        loadArticles(first);
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      progress.total++;
      layoutTasks.push(
        get(link.href).then((r) => {
          if (typeof r === 'string') {
            if (!walk.stopped)
              fail({ url: link.href, kind: 'page', label: link.label, title: '', reason: r });
          } else {
            walk.layouts.set(key, r);
            // Some templates list only nearby pages: each layout page's list adds what the first lacked.
            addList(r);
            loadArticles(r);
          }
          report(typeof r === 'string');
        }),
      );
    }
  };
  addList(first);
  if (!walk.list.length) {
    return { ok: false, error: `${start}: every entry of its page list points outside the issue` };
  }
  // A start layout page its own list leaves out (a template listing only the other pages): its
  // articles are read all the same.
  if (first.kind === 'layout' && !walk.list.some((l) => pageKey(l.href) === pageKey(start)))
    loadArticles(first);
  // Tasks add tasks (a layout page names article pages): wait until no new ones appear.
  for (let n = 0; n < layoutTasks.length + articleTasks.length;) {
    n = layoutTasks.length + articleTasks.length;
    await Promise.all([...layoutTasks, ...articleTasks]);
  }
  walk.fetched = queue.started;
  return { ok: true, value: walk };
}

export type { IssueScope };
