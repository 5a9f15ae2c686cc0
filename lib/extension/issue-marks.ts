/**
 * Continuation marks for a layout page's blocks (→ 6 / ← 1), found without opening any article:
 * the other layout pages of the issue (from the page list, small pages, cached after the first
 * visit) are read and a block whose title is on exactly one other page is continued there. In all
 * 10 real 海南日报/中国青年报 pairs both parts carry the same title (domain.md §3), including the
 * duplicate regime where part 1 has no 下转 marker at all.
 */
import type { Page, PageLoader } from '../model';
import { sameTitle } from '../stitch';
import { labelsMatch } from '../text/labels';
import type { BlockMarks } from '../../components/Overlay';

/** Titles this short (「导读」, 「图片新闻」) name a column, not a story. */
const MIN_TITLE = 5;
/** Most pages read per layout page (a big paper has ~24; beyond that, skip). */
const MAX_PAGES = 40;

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

/** Read the issue's other layout pages through `load` (a few at a time) and compute the marks. */
export async function scanIssue(
  page: Page,
  load: PageLoader,
  concurrency = 2,
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
