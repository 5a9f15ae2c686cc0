/** Where the handoff buttons get their articles: the library page's selection, or the popup's article. */
import { groupByArticle } from '../../../export/selection.ts';
import type { ArticleItems } from '../../../db/types.ts';
import type { LibraryData, Result } from '../../../model/index.ts';
import { pickData } from '../library/exporting.ts';
import type { GroupLoader } from './handoff.ts';

/**
 * The selected rows' articles (with only the selected clips and highlights); with no selection, the
 * article the list is narrowed to (`articleKey`: the reader's 「存入 Zotero」 opens the page so),
 * else every article.
 */
export function selectionLoader(
  dump: () => Promise<Result<LibraryData>>,
  keys: ReadonlySet<string> | null,
  articleKey?: string,
): GroupLoader {
  return async () => {
    const all = await dump();
    if (!all.ok) return all;
    const groups = groupByArticle(pickData(all.value, keys));
    return { ok: true, value: !keys && articleKey ? groups.filter((g) => g.key === articleKey) : groups };
  };
}

/** One article with all its clips and highlights (the popup's current page). */
export function articleLoader(items: () => Promise<Result<ArticleItems | null>>): GroupLoader {
  return async () => {
    const r = await items();
    if (!r.ok) return r;
    if (!r.value) return { ok: true, value: [] };
    const { article, clips, highlights } = r.value;
    return {
      ok: true,
      value: groupByArticle({ articles: article ? [article] : [], clips, highlights }),
    };
  };
}
