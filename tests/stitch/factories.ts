/**
 * Factories for stitch tests: pages and articles with defaults, and a page loader over a list of
 * pages that records what it was asked for (by URL or by label, like the CLI's loader).
 */
import {
  emptyArticle,
  emptyPage,
  type Article,
  type Page,
  type PageLoader,
  type PageRef,
  type Paragraph,
} from '../../lib/model';
import { labelsMatch } from '../../lib/text/labels';

/** A text paragraph (or another kind). */
export function para(text: string, kind: Paragraph['kind'] = 'text'): Paragraph {
  return { text, kind };
}

/** An article read from page `label` at `url`, with its paragraphs given as strings. */
export function article(
  label: string,
  url: string,
  init: Partial<Article> & { text?: string[] } = {},
): Article {
  const { text = [], ...rest } = init;
  return emptyArticle({
    key: `${url}#${rest.order ?? 0}`,
    paper: '测试日报',
    date: '2026-07-13',
    pages: [label],
    urls: [url],
    paragraphs: text.map((t) => para(t)),
    ...rest,
  });
}

/** An article page holding one article. */
export function articlePage(a: Article, init: Partial<Page> = {}): Page {
  return emptyPage({
    url: a.urls[0],
    kind: 'article',
    paper: a.paper,
    date: a.date,
    label: a.pages[0],
    articles: [a],
    ...init,
  });
}

/** A layout page listing blocks (title → href). */
export function layoutPage(
  label: string,
  url: string,
  blocks: [string, string][],
  init: Partial<Page> = {},
): Page {
  return emptyPage({
    url,
    kind: 'layout',
    paper: '测试日报',
    date: '2026-07-13',
    label,
    blocks: blocks.map(([title, href], order) => ({ title, href, order, polygons: [] })),
    ...init,
  });
}

/** A loader over `pages` (by URL first, then by label), recording every request and the peak of concurrent loads. */
export function mapLoader(pages: Page[], opts: { delayMs?: number } = {}) {
  const calls: PageRef[] = [];
  let inFlight = 0;
  const stats = { calls, peak: 0 };
  const load: PageLoader = async (ref) => {
    calls.push(ref);
    inFlight++;
    stats.peak = Math.max(stats.peak, inFlight);
    try {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      const byUrl = ref.url ? pages.find((p) => p.url === ref.url) : undefined;
      const byLabel = !ref.url && ref.label ? pages.find((p) => labelsMatch(p.label, ref.label!)) : undefined;
      const hit = byUrl ?? byLabel;
      if (!hit) throw new Error(`404 ${ref.url ?? ref.label}`);
      return hit;
    } finally {
      inFlight--;
    }
  };
  return { load, stats };
}
