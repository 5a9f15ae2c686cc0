/**
 * The Founder families' URL shapes, declared once: the adapters claim by `path`, `isEpaperUrl` asks
 * every `path`, and the manifest's content script runs on the `matches` (lib/extension/shared/
 * site-patterns.ts). No DOM and no imports, so the background and the content script can take the
 * table without the readers. tests/sites/urls.test.ts holds every row to its real example.
 */

/**
 * One URL shape of a family. Each row names a real URL of its shape in a comment; the same URLs are
 * the test's examples (tests/sites/urls.test.ts), kept out of the table itself because the table is
 * in the content script, which has a 60 KB budget.
 */
export interface UrlRule {
  /**
   * Match patterns for the manifest's `content_scripts.matches`: any host, the path as a glob. Wider
   * than `path` on purpose (the browser has no regexes); the content script then asks the adapters.
   */
  readonly matches: readonly string[];
  /** The exact rule, tested on `URL.pathname` (query and hash never count). */
  readonly path: RegExp;
}

/** A family's two page kinds: the layout page (版面, image map and title list) and the article page. */
export interface FamilyUrls {
  readonly layout: UrlRule;
  readonly article: UrlRule;
}

/** Founder classic (lib/sites/founder-classic.ts). */
export const FOUNDER_CLASSIC_URLS: FamilyUrls = {
  // 海南日报, 中国纪检监察报, 江西日报, city dailies: html/YYYY-MM/DD/node_N.htm, N a node id (not the
  // page number). `.htm` only: `node_01.html` is Founder pc's.
  layout: {
    matches: ['*://*/*/node_*.htm*'],
    path: /\/node_\d{1,8}\.htm$/i,
    // e.g. http://news.hndaily.cn/html/2026-07/09/node_58464.htm
  },
  // content_N.htm (中国纪检监察报 content_52014.htm) or content_NODE_ID.htm (海南日报).
  article: {
    matches: ['*://*/*/content_*.htm*'],
    path: /\/content_\d{1,12}(?:_\d{1,12})?\.htm$/i,
    // e.g. http://news.hndaily.cn/html/2026-07/09/content_58464_19688148.htm
  },
};

/** Founder nbs/nw (lib/sites/founder-nbs.ts). */
export const FOUNDER_NBS_URLS: FamilyUrls = {
  // 人民日报 until 2024-11-30, 光明日报: nbs.D110000renmrb_NN.htm, NN the page (D110000 is Beijing's code).
  layout: {
    matches: ['*://*/*/nbs.D110000*'],
    path: /\/nbs\.[A-Za-z0-9]{1,40}_\d{1,3}\.htm$/,
    // e.g. http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm
  },
  // nw.D110000renmrb_YYYYMMDD_K-NN.htm: K the order on the page, NN the page.
  article: {
    matches: ['*://*/*/nw.D110000*'],
    path: /\/nw\.[A-Za-z0-9]{1,40}_\d{8}_\d{1,3}-\d{1,3}\.htm$/,
    // e.g. http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm
  },
};

/** Founder pc (lib/sites/founder-pc.ts). */
export const FOUNDER_PC_URLS: FamilyUrls = {
  // 中国青年报, 经济日报, 湖北日报: pc/layout/YYYYMM/DD/node_NN.html (or pad/layout/…). 人民日报
  // since 2024-12-01 nests it (/rmrb/pc/layout/…): the node_ glob and its known host cover that.
  layout: {
    matches: ['*://*/pc/layout/*'],
    path: /\/(?:pc|pad)\/layout\/\d{6}\/\d{2}\/node_[\w-]{1,20}\.html?$/,
    // e.g. http://zqb.cyol.com/pc/layout/202609/16/node_06.html
  },
  // pc/content/YYYYMM/DD/content_N.html; the same nesting for 人民日报 (content_ glob).
  article: {
    matches: ['*://*/pc/content/*'],
    path: /\/(?:pc|pad)\/content\/\d{6}\/\d{2}\/content_\d{1,12}\.html?$/,
    // e.g. http://zqb.cyol.com/pc/content/202609/16/content_430781.html
  },
};

/** The families, oldest first: the manifest lists their patterns in this order. */
export const FAMILY_URLS: readonly FamilyUrls[] = [FOUNDER_CLASSIC_URLS, FOUNDER_NBS_URLS, FOUNDER_PC_URLS];

/** Is this path (`URL.pathname`) one of the family's pages? */
export function onFamilyUrl(urls: FamilyUrls, path: string): boolean {
  return urls.layout.path.test(path) || urls.article.path.test(path);
}
