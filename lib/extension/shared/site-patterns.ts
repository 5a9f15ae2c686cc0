/**
 * Where the content script runs: URL patterns of the Founder platform families (any host) plus a
 * built-in list of known e-paper hosts. The manifest's `content_scripts.matches` is CONTENT_MATCHES;
 * sites outside it are switched on one origin at a time from the popup (optional host permission).
 */
import { MatchPattern } from '@webext-core/match-patterns';
import { FAMILY_URLS } from '../../sites/urls';

/**
 * Path patterns of the three Founder generations (domain.md §2), from the adapters' URL table
 * (lib/sites/urls.ts, each family's layout then article `matches`, oldest family first). They match
 * on any host, but only on e-paper paths: `/html/2026-07/09/node_58464.htm` yes, `/blog/post.html` no.
 * The table module has no DOM code, so the background takes it without the page readers.
 */
export const FAMILY_PATTERNS: readonly string[] = FAMILY_URLS.flatMap((f) => [
  ...f.layout.matches,
  ...f.article.matches,
]);

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

// Patterns compiled once: the same dozen strings are asked on every page.
const COMPILED = new Map<string, MatchPattern | null>();

function compiled(pattern: string): MatchPattern | null {
  let m = COMPILED.get(pattern);
  if (m === undefined) {
    try {
      m = new MatchPattern(pattern);
    } catch {
      m = null; // InvalidMatchPattern: a pattern the browser would refuse matches nothing
    }
    COMPILED.set(pattern, m);
  }
  return m;
}

/**
 * The longest URL matched. The library turns each `*` into a backtracking `.*`, so a family pattern
 * (three stars) costs time quadratic in the path: 1.2 s for a 50,000-character path of `/node_`,
 * which any page could link to. Founder URLs are under 120 characters; 2,048 keeps the worst case
 * to a few milliseconds.
 */
export const MAX_URL_LENGTH = 2048;

/**
 * Does the URL fall under the match pattern? WebExtension semantics, by @webext-core/match-patterns
 * (what WXT itself uses): scheme `*` is http and https, host `*.x` is x and its subdomains, ports and
 * userinfo do not matter, hosts compare lower-cased; the path glob is matched against the path only
 * (not the query, as Chrome would). Never throws: a bad pattern or URL, or an overlong URL, is false.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  if (url.length > MAX_URL_LENGTH) return false;
  const m = compiled(pattern);
  if (!m) return false;
  try {
    // The string, not a URL object: includes() tests `instanceof Location`, which Node lacks.
    return m.includes(url);
  } catch {
    return false; // not a URL; or ftp:/urn:, which the library throws on as "not implemented"
  }
}

/**
 * Whether `url` is on a family path (any host): the content script's one pattern test. Every family
 * pattern is any scheme, any host, and a path glob, so no host matching is needed, and this linear walk keeps the
 * match-pattern library (2.3 KB) out of the content script's 60 KB. Agrees with `matchesPattern`
 * over FAMILY_PATTERNS (tests/extension/hosts.test.ts).
 */
export function onFamilyPath(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || url.length > MAX_URL_LENGTH) return false;
  return FAMILY_PATTERNS.some((p) => globMatch(p.slice(p.indexOf('/', 4)), u.pathname));
}

/** `*` matches any run of characters; greedy two-pointer walk, so no backtracking blow-up. */
function globMatch(glob: string, s: string): boolean {
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
