/**
 * One "read whole article" run: from an article already read (article page) or from an article URL
 * (a block on a layout page), load and stitch through the tab's page source, reporting progress, and
 * end with the article (or the part found), the problems with their links, and what the run cost.
 */
import type { Article, Page, PageLoader } from '../../model';
import { createLoader, type LoaderOptions, type ReaderProblem } from './loader';
import type { PageSource } from './page-source';
import { t } from '../shared/i18n';
import { problemText } from '../shared/problem-text';

/** The stitcher's signature (lib/stitch `stitchArticle`). */
export type StitchFn = (
  article: Article,
  page: Page,
  load: PageLoader,
) => Promise<{ article: Article; problems: string[] }>;

/** Where a run starts: a page already parsed (the article page itself), or a URL to load first. */
export type ReaderStart = { page: Page } | { url: string };

/** What a run ends with. */
export interface ReaderOutcome {
  article: Article | null;
  problems: ReaderProblem[];
  fetches: number;
  cacheHits: number;
  /** 'cache' when no page came from the network. */
  source: 'network' | 'cache';
}

/** Run one stitch; never throws (a failing stitcher becomes a problem and the unstitched part stays). */
export async function runReader(
  start: ReaderStart,
  stitch: StitchFn,
  source: PageSource,
  opts: Pick<LoaderOptions, 'refresh' | 'offline'>,
  onProgress: (done: number, total: number) => void,
): Promise<ReaderOutcome> {
  const session = createLoader(source, { ...opts, onProgress });
  let page: Page | null = null;
  const extra: string[] = [];
  if ('page' in start) {
    page = start.page;
    session.remember(page);
  } else {
    page = await session.load({ url: start.url }).catch(() => null);
  }
  const first = page?.articles[0] ?? null;
  let article: Article | null = first;
  if (page && first) {
    try {
      const r = await stitch(first, page, session.load);
      article = r.article;
      extra.push(...r.problems);
    } catch (e) {
      extra.push(e instanceof Error ? e.message : String(e));
    }
  }
  const problems = [...session.problems];
  // The stitcher repeats the loader's sentences inside its own ("page A4: HTTP 404"): show each once.
  for (const text of extra)
    if (!problems.some((p) => text.includes(p.text) || p.text.includes(text)))
      problems.push({ text: problemText(text) });
  // A page that loaded but held no article (a layout page, a notice): say so, with its link.
  if (page && !first) problems.push({ text: t('problemNoArticle'), url: page.url || undefined });
  const { fetches, cacheHits } = session.stats;
  return { article, problems, fetches, cacheHits, source: fetches === 0 ? 'cache' : 'network' };
}
