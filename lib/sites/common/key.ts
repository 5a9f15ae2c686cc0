/**
 * Stable article keys. The site's own article id is in the file name: `content_430781`,
 * `nw.D110000renmrb_20171016_1-01`, `content_58464_19688148`. Ids are only unique within one site,
 * so the key is `host/id` (「zqb.cyol.com/content_430781」, `www.` dropped); the pc and pad URLs of
 * one article share it. A URL without such an id falls back to paper|date|page|order.
 */

// content_430781.html, content_58464_19688148.htm, nw.D110000renmrb_20171016_1-01.htm
const ARTICLE_ID = /^((?:content|nw\.[A-Za-z0-9]{1,40})[_\d-]{1,60})\.s?html?$/;

/** The site's article id in a URL, '' when the URL has none. */
export function siteArticleId(url: string): string {
  const u = parseUrl(url);
  return u ? idInPath(u.pathname) : '';
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function idInPath(pathname: string): string {
  const file = pathname.split('/').pop() ?? '';
  return ARTICLE_ID.exec(file)?.[1] ?? '';
}

/** The article key for an article read from `url` (see the module comment). */
export function articleKey(
  url: string,
  fallback: { paper: string; date: string; label: string; order: number },
): string {
  // One parse for both the id and the host (a URL parse is a visible part of reading a page).
  const u = parseUrl(url);
  const id = u ? idInPath(u.pathname) : '';
  if (u && id) {
    const host = u.hostname.replace(/^www\./, '');
    return host ? `${host}/${id}` : id;
  }
  return [fallback.paper, fallback.date, fallback.label, String(fallback.order)].join('|');
}
