/**
 * Stable article keys. The site's own article id is in the file name: `content_430781`,
 * `nw.D110000renmrb_20171016_1-01`, `content_58464_19688148`. Ids are only unique within one site,
 * so the key is `host/id` (「zqb.cyol.com/content_430781」, `www.` dropped); the pc and pad URLs of
 * one article share it. A URL without such an id falls back to paper|date|page|order.
 *
 * The one module that makes keys and reads them back (the background's origin checks, the library's
 * sources and migrations all parse through `parseArticleKey`).
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

/** What a key says: the site's host and id, or the paper, date, page and order it falls back to. */
export type ParsedKey =
  | { kind: 'site'; host: string; id: string }
  | { kind: 'fallback'; paper: string; date: string; page: string; order: string };

/** Read a key made by `articleKey` (「zqb.cyol.com/content_430781」, 「海南日报|2026-07-13|1|0」). */
export function parseArticleKey(key: string): ParsedKey {
  if (!key.includes('|')) {
    const slash = key.indexOf('/');
    if (slash > 0) return { kind: 'site', host: key.slice(0, slash), id: key.slice(slash + 1) };
  }
  const [paper = '', date = '', page = '', order = ''] = key.split('|');
  return { kind: 'fallback', paper, date, page, order };
}

/** The host a key names ('' for a fallback key). */
export function keyHost(key: string): string {
  const k = parseArticleKey(key);
  return k.kind === 'site' ? k.host : '';
}

/** Paper, date and page of a fallback key with a real date ('' parts otherwise). */
export function keyPublication(key: string): { paper: string; date: string; page: string } {
  const k = parseArticleKey(key);
  return k.kind === 'fallback' && /^\d{4}-\d{2}-\d{2}$/.test(k.date)
    ? { paper: k.paper, date: k.date, page: k.page }
    : { paper: '', date: '', page: '' };
}
