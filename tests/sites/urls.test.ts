/**
 * The Founder families' URL table (lib/sites/urls.ts), row by row: each real example passes its own
 * match pattern, its own path rule, isEpaperUrl and its adapter's claim; and URLs that are no e-paper
 * page pass no path rule, whatever the manifest's wider globs say.
 */
import { describe, expect, it } from 'vitest';
import { FAMILY_PATTERNS, matchesPattern, onFamilyPath } from '../../lib/extension/shared/site-patterns';
import { ADAPTERS, adapterFor, isEpaperUrl } from '../../lib/sites';
import { FAMILY_URLS, onFamilyUrl, type UrlRule } from '../../lib/sites/urls';
import { docFromHtml } from '../helpers/dom';

const FAMILIES = ADAPTERS.filter((a) => a.urls !== undefined);
const KINDS = ['layout', 'article'] as const;
/** The real URL each row of lib/sites/urls.ts names in its comment. */
const EXAMPLES: Record<string, Record<(typeof KINDS)[number], string>> = {
  'founder-classic': {
    layout: 'http://news.hndaily.cn/html/2026-07/09/node_58464.htm',
    article: 'http://news.hndaily.cn/html/2026-07/09/content_58464_19688148.htm',
  },
  'founder-nbs': {
    layout: 'http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm',
    article: 'http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm',
  },
  'founder-pc': {
    layout: 'http://zqb.cyol.com/pc/layout/202609/16/node_06.html',
    article: 'http://zqb.cyol.com/pc/content/202609/16/content_430781.html',
  },
};
const ROWS = FAMILIES.flatMap((a) =>
  KINDS.map(
    (kind) => [`${a.id} ${kind}`, a.id, kind, { ...a.urls![kind], example: EXAMPLES[a.id][kind] }] as const,
  ),
);
const pathOf = (url: string) => new URL(url).pathname;
/** A page with no family's DOM evidence: only the URL can make a family claim it. */
const plain = () => docFromHtml('<p>x</p>');

describe('the URL table', () => {
  it('has a layout and an article row for each Founder family, and each adapter reads its own', () => {
    expect(FAMILIES.map((a) => a.id).sort()).toEqual(['founder-classic', 'founder-nbs', 'founder-pc']);
    // The adapters and the manifest (FAMILY_PATTERNS) read the same rows.
    expect(new Set(FAMILIES.map((a) => a.urls))).toEqual(new Set(FAMILY_URLS));
    expect(ROWS).toHaveLength(6);
  });

  it.each(ROWS)(
    '%s: the example passes its own rules',
    (_, id, kind, rule: UrlRule & { example: string }) => {
      const path = pathOf(rule.example);
      expect(rule.matches.length).toBeGreaterThan(0);
      expect(rule.matches.some((p) => matchesPattern(p, rule.example))).toBe(true);
      expect(rule.matches.every((p) => FAMILY_PATTERNS.includes(p))).toBe(true);
      expect(onFamilyPath(rule.example)).toBe(true); // the content script's own glob walk agrees
      expect(rule.path.test(path)).toBe(true);
      expect(isEpaperUrl(rule.example)).toBe(true);
      expect(adapterFor(rule.example, plain()).id).toBe(id);
      // No other row's path takes it: the registry's order never decides, and read() can tell
      // the family's layout page from its article page by the path alone.
      for (const [, otherId, otherKind, other] of ROWS) {
        if (otherId !== id || otherKind !== kind) expect(other.path.test(path)).toBe(false);
      }
    },
  );
});

describe('URLs that are no e-paper page', () => {
  it.each([
    // [url, does a manifest glob still match it?]
    ['https://blog.example/blog/post.html', false],
    ['https://example.com/blog/2026/09/16/post.html', false],
    // The content_ glob takes this blog post, so the content script runs there; no adapter claims
    // the path, and uiFor shows nothing on a family-glob-only page read by the generic adapter.
    ['https://blog.example/2020/05/content_3.html', true],
    ['https://blog.example/archive/node_3.html', true],
    ['https://blog.example/read?u=/html/2026-07/09/node_1.htm', false],
  ])('%s: no path rule, not e-paper, read by the generic adapter', (url, globbed) => {
    for (const a of FAMILIES) expect(onFamilyUrl(a.urls!, pathOf(url))).toBe(false);
    expect(isEpaperUrl(url)).toBe(false);
    expect(adapterFor(url, plain()).id).toBe('generic');
    expect(FAMILY_PATTERNS.some((p) => matchesPattern(p, url))).toBe(globbed);
  });
});
