/**
 * Where the content script runs: URL patterns of the Founder platform families (any host) plus a
 * built-in list of known e-paper hosts. The manifest's `content_scripts.matches` is CONTENT_MATCHES;
 * sites outside it are switched on one origin at a time from the popup (optional host permission).
 */

/**
 * Path patterns of the three Founder generations (domain.md §2). They match on any host, but only on
 * e-paper paths: `/html/2026-07/09/node_58464.htm` yes, `/blog/post.html` no.
 */
export const FAMILY_PATTERNS: readonly string[] = [
  // Founder classic: html/YYYY-MM/DD/node_N.htm (layout) and content_N.htm / content_NODE_ID.htm
  '*://*/*/node_*.htm*',
  '*://*/*/content_*.htm*',
  // Founder nbs/nw (人民日报 until 2024-11-30, 光明日报): nbs.D110000renmrb_01.htm, nw.D110000renmrb_20171016_1-01.htm
  '*://*/*/nbs.D110000*',
  '*://*/*/nw.D110000*',
  // Founder pc (人民日报 since 2024-12-01, 中国青年报, 经济日报): pc/layout/202412/25/node_01.html
  '*://*/pc/layout/*',
  '*://*/pc/content/*',
];

/** Known e-paper hosts (the whole host: their front pages redirect into the issue of the day). */
export const KNOWN_HOSTS: readonly string[] = [
  'paper.people.com.cn', // 人民日报
  'epaper.gmw.cn', // 光明日报
  'zqb.cyol.com', // 中国青年报
  'paper.ce.cn', // 经济日报
  'digitalpaper.stdaily.com', // 科技日报
  'news.hndaily.cn', // 海南日报
  'bjrb.bjd.com.cn', // 北京日报
  'epaper.jxnews.com.cn', // 江西日报 (tests/fixtures/real/jxrb-2017)
  'epaper.hubeidaily.net', // 湖北日报 (tests/fixtures/real/hbrb-2023)
];

/** Match patterns for the manifest: the families plus every known host. */
export const CONTENT_MATCHES: readonly string[] = [
  ...FAMILY_PATTERNS,
  ...KNOWN_HOSTS.map((h) => `*://${h}/*`),
];

/** Chrome match-pattern semantics (scheme `*` = http/https, host `*.x`, path glob), linear time. */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (m[1] === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== m[1]) return false;
  const host = m[2];
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith('.' + base)) return false;
    } else if (u.hostname !== host) return false;
  }
  return globMatch(m[3], u.pathname + u.search);
}

/** `*` matches any run of characters; greedy two-pointer walk, so no backtracking blow-up. */
export function globMatch(glob: string, s: string): boolean {
  let g = 0;
  let i = 0;
  let star = -1;
  let mark = 0;
  while (i < s.length) {
    if (g < glob.length && glob[g] !== '*' && glob[g] === s[i]) {
      g++;
      i++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      mark = i;
    } else if (star >= 0) {
      g = star + 1;
      i = ++mark;
    } else return false;
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

/** Whether the manifest's content script already runs on this URL. */
export function isContentUrl(url: string): boolean {
  return CONTENT_MATCHES.some((p) => matchesPattern(p, url));
}

/** Whether a whole origin is in the built-in host list (then the popup switch is always on). */
export function isKnownHost(url: string): boolean {
  try {
    return KNOWN_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The optional-host-permission pattern for one site: `https://epaper.example.cn/*`; '' if not http(s). */
export function originPattern(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return '';
  }
}
