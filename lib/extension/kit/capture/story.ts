/**
 * Which highlights belong where. A story's highlights may be made on either part's page or in the
 * stitched reader, under different article keys (a part's key, or the first part's key for the
 * stitched article, see lib/stitch), so they are looked up by every key and URL of the story
 * (`listForStory`). All of them are tried on a surface; one that cannot be placed is listed as "not
 * found on this page" only where it is expected: in the reader (it shows the whole story), or on
 * the page of the part it was made on.
 */
import type { Article, Highlight, StoredArticle } from '../../../model';
import type { Surface } from './surface';

/** What to ask the library for, for an article shown on a surface. */
export function storyQuery(article: Article, pageUrl: string): { keys: string[]; urls: string[] } {
  const urls = [...new Set([pageUrl, ...article.urls].filter((u) => u !== ''))];
  return { keys: article.key ? [article.key] : [], urls };
}

/** URL without its fragment, so `…content_1.htm#p3` and `…content_1.htm` are one page. */
function pageOf(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

/**
 * True when `h` should be on this surface. On a page: made on this page's article (or on the story
 * stitched from it, within this page's paragraphs), or made on a stitched article whose part holding
 * the highlight's paragraph came from this page.
 */
export function expectedOn(
  s: Pick<Surface, 'kind' | 'article' | 'url'>,
  h: Highlight,
  articles: readonly StoredArticle[],
): boolean {
  if (s.kind === 'reader') return true;
  // Same key: made on this page, or in the reader stitched from it (a stitched article keeps its
  // first part's key). Its paragraph index then tells whether it lies in this page's paragraphs.
  if (h.articleKey === s.article.key) return h.selectors.paragraph < s.article.paragraphs.length;
  const stored = articles.find((a) => a.key === h.articleKey);
  if (!stored) return false;
  const here = pageOf(s.url);
  const parts = stored.article.parts;
  if (parts.length === 0) return stored.urls.length === 1 && pageOf(stored.urls[0]) === here;
  const p = h.selectors.paragraph;
  const part = parts.find((x) => p >= x.from && p < x.to) ?? parts[parts.length - 1];
  return pageOf(part.url) === here;
}
