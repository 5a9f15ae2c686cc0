/**
 * stitchPages: every article of a set of given pages (the CLI's files), continued stories stitched
 * and listed once, the same whatever order the pages come in.
 */
import type { Article, Page, PageLoader, PageRef } from '../model';
import { labelsMatch, splitLabel } from '../text/labels';
import { stitchTraced, type StitchTrace } from './article';
import { prepare } from './load';
import { startWith } from './merge';
import { mergeRepeatsTraced } from './repeats';
import { pieceId } from './walk';

/** What stitchPages returns. */
export interface PagesResult {
  articles: Article[];
  problems: string[];
}

/** Canonical order of pages, so results do not depend on the order they were given in. */
function comparePages(a: Page, b: Page): number {
  const x = splitLabel(a.label);
  const y = splitLabel(b.label);
  return (
    a.date.localeCompare(b.date) ||
    x.letter.localeCompare(y.letter) ||
    (Number.isFinite(x.num) ? x.num : 1e9) - (Number.isFinite(y.num) ? y.num : 1e9) ||
    a.url.localeCompare(b.url)
  );
}

/** Same issue? Paper and date are compared only when both pages know them. */
function sameIssue(a: Page, b: Page): boolean {
  return (!a.date || !b.date || a.date === b.date) && (!a.paper || !b.paper || a.paper === b.paper);
}

/**
 * A loader over the given pages: by URL the page itself, by label every article of the given pages
 * of the same issue with that label (a layout page and its article pages were given as separate
 * files; 07-09 and 07-13 both have a page 1). Anything else goes to `load` when there is one.
 */
function givenLoader(pages: Page[], load?: PageLoader): (from: Page) => PageLoader {
  // One merged page per issue and label, built once: every article's stitch asks for its neighbours.
  const merged = new Map<string, Page | null>();
  return (from: Page) => async (ref: PageRef) => {
    const byUrl = ref.url ? pages.find((p) => p.url === ref.url) : undefined;
    if (byUrl) return byUrl;
    // A page link's URL may name a file that was not given while that 版's article pages were.
    if (ref.label) {
      const key = `${from.paper}|${from.date}|${ref.label}`;
      if (!merged.has(key))
        merged.set(
          key,
          mergeLabel(
            pages.filter((p) => sameIssue(p, from)),
            ref.label,
          ),
        );
      const same = merged.get(key);
      if (same) return same;
    }
    if (load) return load(ref);
    throw new Error(ref.label ? `page ${ref.label} was not given` : `${ref.url} was not given`);
  };
}

/** Every article of the given pages with this label, as one page (a layout page and its article pages). */
function mergeLabel(pages: Page[], label: string): Page | null {
  const same = pages.filter((p) => p.label && labelsMatch(p.label, label));
  if (!same.length) return null;
  const given = new Set(same.map((p) => p.url));
  return {
    ...same[0],
    kind: 'text',
    articles: same.flatMap((p) => p.articles.map((a) => prepare(a, p))),
    // Blocks whose article pages were not given stay: loading them fails with a problem that
    // names them (「…」 may continue on page 6 … content_430784.html was not given).
    blocks: same.flatMap((p) => p.blocks).filter((b) => !given.has(b.href)),
    pageLinks: same.flatMap((p) => p.pageLinks),
  };
}

/** All articles of the given pages, stitched across them (and through `load` beyond them). Never throws. */
export async function stitchPages(pages: Page[], load?: PageLoader): Promise<PagesResult> {
  try {
    return await stitchAll(pages, load);
  } catch (e) {
    // Defensive: a malformed Page (no `articles` array) must not throw at the CLI.
    const given = (Array.isArray(pages) ? pages : []).flatMap((p) =>
      Array.isArray(p?.articles) ? p.articles : [],
    );
    return {
      articles: given,
      problems: [`stitching stopped: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
}

async function stitchAll(pages: Page[], load?: PageLoader): Promise<PagesResult> {
  const sorted = [...pages].filter(Boolean).sort(comparePages);
  const loaderFor = givenLoader(sorted, load);
  const items = sorted.flatMap((page) => page.articles.map((a) => ({ article: a, page })));
  // Neighbours are probed for same-title parts among the given pages (hbrb, 中国青年报 05 → 06).
  const traces = await Promise.all(
    items.map((it) => stitchTraced(it.article, it.page, loaderFor(it.page), { sameTitle: true })),
  );
  // Each given article goes into one result. Longest stories first (ties: canonical order); a result
  // that needs a part another story already took is dropped, and its own article, if still free,
  // is listed alone (two untitled fragments of page 3 both claiming page 1's story).
  const byLength = traces
    .map((_, i) => i)
    .sort((i, j) => traces[j].used.length - traces[i].used.length || i - j);
  const taken = new Set<string>();
  const chosen = new Map<number, StitchTrace>();
  for (const i of byLength) {
    const t = traces[i];
    if (t.used.every((id) => !taken.has(id))) {
      t.used.forEach((id) => taken.add(id));
      chosen.set(i, t);
    }
  }
  traces.forEach((t, i) => {
    const own = pieceId(prepare(items[i].article, items[i].page));
    if (chosen.has(i) || taken.has(own)) return;
    taken.add(own);
    const alone = startWith(prepare(items[i].article, items[i].page));
    chosen.set(i, { article: alone, problems: [], used: [own] });
  });
  const articles: Article[] = [];
  const problems: string[] = [];
  [...chosen.keys()]
    .sort((x, y) => x - y)
    .forEach((i) => {
      articles.push(chosen.get(i)!.article);
      problems.push(...chosen.get(i)!.problems);
    });
  const folded = mergeRepeatsTraced(articles);
  return { articles: folded.articles, problems: [...new Set([...problems, ...folded.notes])] };
}
