/**
 * stitchArticle: the whole story an article belongs to, read from every page it spans, in reading
 * order, each text once. Both directions are walked at the same time; the parts are then folded in
 * the regime their texts call for (merge.ts).
 */
import { capArticle } from '../model/limits';
import type { Article, Page, PageLoader } from '../model';
import { loadContext, prepare } from './load';
import { appendPart, startWith } from './merge';
import { pieceId, walk, type Piece } from './walk';

/** Options of stitchArticle. */
export interface StitchOptions {
  /**
   * Look at the adjacent pages for a part with the same title and no marker (中国青年报 05版 → 06版).
   * Default: only when the page has a page list (a#pageLink), so the neighbours are known to exist.
   * Never for an article with a 下转/上接 marker: the markers name its pages.
   */
  sameTitle?: boolean;
}

/** What stitching returns: the article (stitched as far as possible) and what could not be done. */
export interface StitchResult {
  article: Article;
  problems: string[];
}

/** The stitch result plus the identities of the parts it used (stitchPages lists each part once). */
export interface StitchTrace extends StitchResult {
  used: string[];
}

/** Stitch and report which parts were used; never throws. */
export async function stitchTraced(
  article: Article,
  page: Page,
  load: PageLoader,
  opts: StitchOptions = {},
): Promise<StitchTrace> {
  let start: Article = article;
  try {
    start = prepare(article, page);
    const ctx = loadContext(load, page);
    // A story with a 下转/上接 marker is in the split or duplicate regime: its parts are found by the
    // markers, and probing neighbours would only cost page loads. Same-title parts carry no marker.
    const marked = Boolean(start.continuesTo || start.continuedFrom);
    const probe = !marked && (opts.sameTitle ?? (page.pageLinks?.length ?? 0) > 0);
    const [back, fwd] = await Promise.all([
      walk(ctx, start, 'backward', probe),
      walk(ctx, start, 'forward', probe),
    ]);
    const problems = [...back.problems, ...fwd.problems];
    // Reading order, earliest part first; `link` is the regime of the link to the part before.
    const bk = back.pieces;
    const chain: { article: Article; link: Piece['regime'] }[] = [];
    for (let j = bk.length - 1; j >= 0; j--) {
      chain.push({ article: bk[j].article, link: j + 1 < bk.length ? bk[j + 1].regime : 'split' });
    }
    chain.push({ article: start, link: bk.length ? bk[0].regime : 'split' });
    chain.push(...fwd.pieces.map((p) => ({ article: p.article, link: p.regime })));
    // Both walks may reach the same part when the markers form a loop (A1 ⇄ A2): keep it once,
    // where the forward walk found it (A1 → A2 reads as A1, A2).
    const forward = new Set(fwd.pieces.map((p) => pieceId(p.article)));
    const seen = new Set<string>();
    const parts = chain.filter((p, i) => {
      const id = pieceId(p.article);
      const dropped = seen.has(id) || (i < bk.length && forward.has(id));
      if (dropped)
        problems.push(`page ${p.article.pages[0] ?? '?'} was reached both ways (a cycle); kept once`);
      else seen.add(id);
      return !dropped;
    });
    let acc = startWith(parts[0].article);
    for (const p of parts.slice(1)) acc = appendPart(acc, p.article, p.link);
    return { article: acc, problems: [...new Set(problems)], used: parts.map((p) => pieceId(p.article)) };
  } catch (e) {
    // Defensive: the steps above do not throw on any input we know of; a bug must not reach the caller.
    const why = e instanceof Error ? e.message : String(e);
    return { article: start, problems: [`stitching stopped: ${why}`], used: [pieceId(start)] };
  }
}

/**
 * Follow an article's continuations (上接 → earlier part, 下转 → later part, same-title neighbours)
 * through `load`, and return the whole story with the problems met on the way. Never throws.
 */
export async function stitchArticle(
  article: Article,
  page: Page,
  load: PageLoader,
  opts: StitchOptions = {},
): Promise<StitchResult> {
  const { article: a, problems } = await stitchTraced(article, page, load, opts);
  // Cut to the stored limits (each part already is; several together may not be).
  return { article: capArticle(a), problems };
}
