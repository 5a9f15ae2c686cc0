/**
 * buildToc: a walk's pages → the issue's table of contents (目录). Every article goes through
 * lib/stitch's stitchPages over the pages the walk read (no further loads), so a story continued
 * across pages is one entry with all its pages (「第1、4版」), listed under the page it begins on and
 * named on the pages it continues on. Entries keep the page list's order, then each page's block order.
 */
import type { Article, Page, PageLoader } from '../model';
import { stitchPages } from '../stitch';
import { pageKey } from './scope';
import type { IssueToc, IssueWalk, TocEntry, TocPage } from './types';

/** The 目录 of a walked issue, stitching included; never throws (stitchPages does not). */
export async function buildToc(walk: IssueWalk): Promise<IssueToc> {
  const failedAt = new Map(walk.failures.map((f) => [pageKey(f.url), f.reason]));
  const given: Page[] = [...walk.layouts.values(), ...walk.articlePages.values()];
  // Only pages the walk read: a part on a page that failed stays a problem of the story.
  const none: PageLoader = async (ref) => {
    const why = ref.url ? failedAt.get(pageKey(ref.url)) : undefined;
    throw new Error(why ? `not loaded (${why})` : `page ${ref.label ?? ref.url} is not in the walk`);
  };
  const { articles, problems } = await stitchPages(given, none);

  const byUrl = new Map<string, number>();
  articles.forEach((a, i) => a.urls.forEach((u) => byUrl.has(pageKey(u)) || byUrl.set(pageKey(u), i)));
  const placed = new Set<number>();
  const entryOf = (i: number): TocEntry => toEntry(articles[i]);

  const pages: TocPage[] = walk.list.map((l) => {
    const layout = walk.layouts.get(pageKey(l.href));
    const page: TocPage = {
      label: l.label,
      name: l.name || layout?.name || '',
      url: l.href,
      entries: [],
      continued: [],
      missing: [],
      failed: layout ? '' : (failedAt.get(pageKey(l.href)) ?? (walk.stopped ? 'stopped' : 'not loaded')),
      image: layout?.image,
    };
    for (const b of layout?.blocks ?? []) {
      const i = byUrl.get(pageKey(b.href));
      if (i === undefined) {
        const why = failedAt.get(pageKey(b.href));
        if (why !== undefined || walk.stopped)
          page.missing.push({ title: b.title, url: b.href, reason: why ?? 'stopped' });
        continue;
      }
      if (placed.has(i)) {
        // Already listed under an earlier page (下转 from there), or a second block of one story here.
        const a = articles[i];
        if (a.pages[0] !== l.label && !page.continued.some((c) => c.key === a.key)) {
          page.continued.push({ key: a.key, title: a.title, from: a.pages[0] ?? '' });
        }
        continue;
      }
      placed.add(i);
      const e = entryOf(i);
      page.entries.push(e);
    }
    return page;
  });
  // Articles no block led to (the start article page of a page whose layout failed): under their page.
  articles.forEach((a, i) => {
    if (placed.has(i)) return;
    const e = entryOf(i);
    const home = pages.find((p) => p.label === a.pages[0]) ?? pages[pages.length - 1];
    if (home) home.entries.push(e);
  });
  const front = pages.find((p) => p.image?.src);
  return {
    paper: walk.paper,
    date: walk.date,
    start: walk.start,
    pages,
    // Reading order: the page list's order (an orphan sorted in at its page).
    entries: pages.flatMap((p) => p.entries),
    cover: front?.image?.src ?? '',
    failures: walk.failures,
    problems: [...walk.problems, ...problems],
    stopped: walk.stopped,
  };
}

function toEntry(a: Article): TocEntry {
  return {
    key: a.key,
    title: a.title || a.leadTitle || a.subtitle,
    pages: a.pages,
    article: a,
    url: a.urls[0] ?? '',
  };
}
