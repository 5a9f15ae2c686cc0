/**
 * Loading other pages through the injected loader, never throwing: one cache per stitch (a page
 * asked for twice is loaded once), page links gathered from every page seen (label → URL), and
 * candidates gathered from a target page, its blocks' article pages loaded concurrently.
 */
import type { Article, Page, PageLoader, PageRef } from '../model';
import { labelsMatch } from '../text/labels';
import { withPageName } from './page-name';
import { trimEdgeMarkers } from './seam';

/** An article read from a page, with the page it came from (its links help the next step). */
export interface Candidate {
  article: Article;
  page: Page;
}

export type Loaded = { ok: true; page: Page } | { ok: false; error: string };

/** State shared by the steps of one stitch. */
export interface LoadContext {
  load: PageLoader;
  cache: Map<string, Promise<Loaded>>;
  /** Page links seen so far: normalised label → layout page URL. */
  links: { label: string; href: string }[];
}

/** A fresh context for one stitch, seeded with the starting page's links. */
export function loadContext(load: PageLoader, page: Page): LoadContext {
  const ctx: LoadContext = { load, cache: new Map(), links: [] };
  learnLinks(ctx, page);
  if (page.url) ctx.cache.set(`url:${page.url}`, Promise.resolve({ ok: true, page }));
  return ctx;
}

function learnLinks(ctx: LoadContext, page: Page): void {
  for (const l of page.pageLinks ?? []) {
    if (l.label && l.href && !ctx.links.some((k) => k.href === l.href)) ctx.links.push(l);
  }
}

/** Is a page with this label listed among the links seen so far? */
export function isListed(ctx: LoadContext, label: string): boolean {
  return ctx.links.some((l) => labelsMatch(l.label, label));
}

/** How to ask for page `label`: through a page link's URL when one is known, else by label. */
export function refFor(ctx: LoadContext, label: string): PageRef {
  const link = ctx.links.find((l) => labelsMatch(l.label, label));
  return link ? { url: link.href, label } : { label };
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return typeof e === 'string' && e ? e : 'the loader failed';
}

/** Load a page; a rejecting or throwing loader, or one that returns no page, becomes `{ok:false}`. */
export function loadPage(ctx: LoadContext, ref: PageRef): Promise<Loaded> {
  const key = ref.url ? `url:${ref.url}` : `label:${ref.label ?? ''}`;
  const hit = ctx.cache.get(key);
  if (hit) return hit;
  const run = (async (): Promise<Loaded> => {
    try {
      const page = await ctx.load(ref);
      if (!page || typeof page !== 'object') return { ok: false, error: 'the loader returned no page' };
      learnLinks(ctx, page);
      return { ok: true, page };
    } catch (e) {
      return { ok: false, error: messageOf(e) };
    }
  })();
  ctx.cache.set(key, run);
  return run;
}

/** An article as the stitcher works on it: page label, 版名 and URL filled from its page, edge markers dropped. */
export function prepare(article: Article, page: Page): Article {
  const a = withPageName(trimEdgeMarkers(article), page);
  const filled =
    (a.paper || !page.paper) &&
    (a.date || !page.date) &&
    (a.pages.length || !page.label) &&
    (a.urls.length || !page.url);
  // Unchanged articles keep their identity, so text evidence cached per article is reused.
  if (filled) return a;
  return {
    ...a,
    paper: a.paper || page.paper,
    date: a.date || page.date,
    pages: a.pages.length ? a.pages : page.label ? [page.label] : [],
    urls: a.urls.length ? a.urls : page.url ? [page.url] : [],
  };
}

/** What a target page offers: its own articles, and the articles of those of its blocks `want` accepts. */
export async function candidatesOn(
  ctx: LoadContext,
  page: Page,
  want: (blockTitle: string) => boolean,
): Promise<{ candidates: Candidate[]; failures: { title: string; href: string; error: string }[] }> {
  const candidates: Candidate[] = (page.articles ?? []).map((a) => ({ article: prepare(a, page), page }));
  const known = new Set(candidates.flatMap((c) => c.article.urls));
  const blocks = (page.blocks ?? []).filter((b) => b.href && !known.has(b.href) && want(b.title));
  const loaded = await Promise.all(blocks.map((b) => loadPage(ctx, { url: b.href })));
  const failures: { title: string; href: string; error: string }[] = [];
  loaded.forEach((r, i) => {
    if (!r.ok) failures.push({ title: blocks[i].title, href: blocks[i].href, error: r.error });
    else {
      for (const a of r.page.articles ?? []) {
        // An article page read without its label takes the layout page's (版次 of the block), and
        // without its 版名 the layout page's when it is that page.
        const label = r.page.label || page.label;
        const name = r.page.name || (labelsMatch(label, page.label) ? page.name : '');
        const p = label === r.page.label && name === r.page.name ? r.page : { ...r.page, label, name };
        candidates.push({ article: prepare(a, p), page: p });
      }
    }
  });
  return { candidates, failures };
}
