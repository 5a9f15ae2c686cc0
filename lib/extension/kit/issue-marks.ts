/**
 * Continuation marks for a layout page's blocks (→ 6 / ← 1), found without opening any article:
 * the other layout pages of the issue (from the page list, small pages, cached after the first
 * visit) are read and a block whose title is on exactly one other page is continued there. In all
 * 10 real 海南日报/中国青年报 pairs both parts carry the same title (domain.md §3), including the
 * duplicate regime where part 1 has no 下转 marker at all. The scan runs without a click on every
 * layout page visit, so it is bounded (`SCAN_BUDGET`): pages in the cache are read from it for
 * free, and what it fetches is limited in requests, characters and concurrency.
 */
import type { Page, PageLoader } from '../../model';
import { sameTitle } from '../../stitch';
import { labelsMatch } from '../../text/labels';
import type { BlockMarks } from '../../../components/Overlay';
import { createLoader, type LoaderLimits } from './loader';
import type { PageSource } from './page-source';

/** Titles this short (「导读」, 「图片新闻」) name a column, not a story. */
const MIN_TITLE = 5;
/** Most pages read per layout page, cached or fetched (a big paper has ~24; beyond that, skip). */
const MAX_PAGES = 40;

/** How much of a site one visit's scan may use; cache hits count against none of it. */
export interface ScanBudget extends LoaderLimits {
  /** Pages fetched at once. */
  concurrency: number;
}

/**
 * The scan's budget per layout page visit (the figures behind it: docs/storage.md):
 * - fetches: about a big paper's page count, so one visit can read a whole issue and the next
 *   visits of that issue find its pages cached and fetch nothing;
 * - pageChars: each fetch stops reading past this many bytes (bytes ≥ characters); a few times
 *   the biggest real page, so a bigger one is not e-paper;
 * - chars: a whole big issue fits with room, and a page listing pages of junk cannot make one
 *   visit fetch more;
 * - concurrency: polite to the newspaper's server, and enough to finish while the reader looks.
 */
export const SCAN_BUDGET: Readonly<ScanBudget> = {
  fetches: 24,
  pageChars: 256 * 1024,
  chars: 2_000_000,
  concurrency: 2,
};

/** Marks by block href, from the issue's other pages as read. Pure. */
export function marksFromPages(page: Page, others: Page[]): Record<string, BlockMarks> {
  const order = (p: Page): number =>
    page.pageLinks.findIndex((l) => l.href === p.url || labelsMatch(l.label, p.label));
  const here = order(page);
  const marks: Record<string, BlockMarks> = {};
  for (const b of page.blocks) {
    if (b.title.trim().length < MIN_TITLE) continue;
    const hits = others.filter(
      (o) => o.url !== page.url && o.label && o.blocks.some((ob) => sameTitle(ob.title, b.title)),
    );
    if (hits.length !== 1) continue; // none, or a title repeated all over the issue: not a continuation
    const other = hits[0];
    const at = order(other);
    if (at < 0 || here < 0 || at === here) continue;
    marks[b.href] = at > here ? { to: other.label } : { from: other.label };
  }
  return marks;
}

/**
 * Read the issue's other layout pages through the tab's source (cache first, then the network within
 * `budget`, a few at a time) and compute the marks. Once the budget is spent only cached pages are read; the marks of
 * every page read come back.
 */
export async function scanIssue(
  page: Page,
  source: PageSource,
  budget: Readonly<ScanBudget> = SCAN_BUDGET,
): Promise<Record<string, BlockMarks>> {
  const { load } = createLoader(source, { limits: budget });
  return readIssue(page, load, Math.max(1, Math.min(budget.concurrency, SCAN_BUDGET.concurrency)));
}

/** Read the other layout pages through `load`, `concurrency` at a time; failures are skipped. */
async function readIssue(
  page: Page,
  load: PageLoader,
  concurrency: number,
): Promise<Record<string, BlockMarks>> {
  const links = page.pageLinks
    .filter((l) => l.href && l.href !== page.url && !labelsMatch(l.label, page.label))
    .slice(0, MAX_PAGES);
  const pages: Page[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < links.length) {
      const link = links[next++];
      const p = await load({ url: link.href, label: link.label }).catch(() => null);
      if (p && p.kind === 'layout') pages.push({ ...p, label: p.label || link.label });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return marksFromPages(page, pages);
}
