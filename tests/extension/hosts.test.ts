import { describe, expect, it } from 'vitest';
import {
  CONTENT_MATCHES,
  FAMILY_PATTERNS,
  isContentUrl,
  isKnownHost,
  matchesPattern,
  MAX_URL_LENGTH,
  onFamilyPath,
  originPattern,
} from '../../lib/extension/shared/site-patterns';

describe('where the content script runs', () => {
  it.each([
    // The demo paper (Founder classic paths on 127.0.0.1, any port).
    ['http://127.0.0.1:4173/html/2026-07/09/node_58464.htm', true],
    ['http://127.0.0.1:4173/html/2026-07/09/content_58464_19688151.htm', true],
    // Real families.
    ['http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm', true],
    ['http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm', true],
    ['https://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html', true],
    ['https://zqb.cyol.com/pc/content/202609/16/content_430781.html', true],
    ['http://epaper.example.cn/html/2017-07/22/node_2.htm?div=-1', true],
    // A known host's front page (it redirects into the day's issue).
    ['https://news.hndaily.cn/', true],
    // Not e-paper.
    ['http://127.0.0.1:4173/blog/post.html', false],
    ['http://127.0.0.1:4173/index.html', false],
    ['https://example.com/node_1.htm', false], // the family patterns need a directory before node_
    ['file:///tmp/html/2026-07/09/node_1.htm', false],
    ['chrome://extensions/', false],
    // Ports, userinfo, case and fragments do not change the answer.
    ['http://user:secret@epaper.example.cn:8080/html/2017-07/22/node_2.htm', true],
    ['HTTP://EPAPER.EXAMPLE.CN/html/2017-07/22/node_2.htm#top', true],
    ['https://NEWS.HNDAILY.CN:443/', true],
    ['https://news.hndaily.cn.evil.example/', false],
    ['https://evil.example/?next=https://news.hndaily.cn/', false],
    // The path glob reads the path, not the query: a node_ page named only in the query is no page.
    ['https://blog.example/read?u=/html/2026-07/09/node_1.htm', false],
    ['ftp://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm', false],
  ])('%s → %s', (url, expected) => {
    expect(isContentUrl(url)).toBe(expected);
  });

  // Derived from lib/sites/urls.ts; the manifest lists exactly these, in this order.
  it('runs on the Founder family paths from the URL table', () => {
    expect(FAMILY_PATTERNS).toEqual([
      '*://*/*/node_*.htm*',
      '*://*/*/content_*.htm*',
      '*://*/*/nbs.D110000*',
      '*://*/*/nw.D110000*',
      '*://*/pc/layout/*',
      '*://*/pc/content/*',
    ]);
    expect(CONTENT_MATCHES.slice(0, FAMILY_PATTERNS.length)).toEqual(FAMILY_PATTERNS);
  });

  it('never asks for every page of every site', () => {
    expect(CONTENT_MATCHES).not.toContain('<all_urls>');
    expect(CONTENT_MATCHES.some((p) => /^\*:\/\/\*\/\*$/.test(p))).toBe(false);
  });

  it.each([
    ['*://*.people.com.cn/*', 'http://paper.people.com.cn/x', true],
    ['*://*.people.com.cn/*', 'http://people.com.cn/x', true],
    ['*://*.people.com.cn/*', 'http://evilpeople.com.cn/x', false],
    ['https://*/*', 'http://a.cn/', false],
    ['bad pattern', 'http://a.cn/', false],
    ['*://*/*', 'not a url', false],
    // Uppercase in the URL's host is lower-cased first; a port in a pattern is invalid (matches nothing).
    ['*://paper.people.com.cn/*', 'http://Paper.People.com.cn/rmrb/', true],
    ['*://paper.people.com.cn:80/*', 'http://paper.people.com.cn/rmrb/', false],
    ['*://*/pc/layout/*', 'https://u:p@zqb.cyol.com:8443/pc/layout/202609/16/node_06.html', true],
    // file: only when the pattern says file:
    ['file:///*/node_*.htm*', 'file:///tmp/html/2026-07/09/node_1.htm', true],
    ['*://*/*', 'file:///tmp/x.htm', false],
    ['*://*/*/node_*.htm*', 'http://a.cn/html/node_1.html', true], // .htm* takes .html
    ['*://*/*/node_*.htm*', 'http://a.cn/html/node_1.shtml', false],
  ])('matchesPattern(%s, %s) → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  // The library's globs are backtracking regexes: a 50,000-character path of /node_ took 1.2 s per
  // family pattern. Overlong URLs are refused first; the timeout is the assertion.
  it('refuses a URL past MAX_URL_LENGTH without running the patterns', { timeout: 2_000 }, () => {
    const url = 'http://a.cn/' + '/node_'.repeat(20_000) + 'x';
    expect(FAMILY_PATTERNS.some((p) => matchesPattern(p, url))).toBe(false);
    expect(isContentUrl(url)).toBe(false);
  });

  it('answers at MAX_URL_LENGTH, worst case, in time', { timeout: 2_000 }, () => {
    const unit = '/node_';
    const url = 'http://a.cn' + unit.repeat(Math.floor((MAX_URL_LENGTH - 11) / unit.length));
    expect(url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(FAMILY_PATTERNS.some((p) => matchesPattern(p, url))).toBe(false);
    expect(matchesPattern('*://*/*/node_*.htm*', url + '.htm')).toBe(url.length + 4 <= MAX_URL_LENGTH);
  });

  it.each([
    ['https://epaper.example.cn:8443/html/2026-07/09/node_1.htm', 'https://epaper.example.cn/*'],
    ['http://127.0.0.1:4173/x', 'http://127.0.0.1/*'],
    ['chrome-extension://abc/popup.html', ''],
    ['garbage', ''],
  ])('originPattern(%s) → %s', (url, expected) => {
    expect(originPattern(url)).toBe(expected);
  });

  it('knows the built-in hosts', () => {
    expect(isKnownHost('http://paper.people.com.cn/rmrb/')).toBe(true);
    expect(isKnownHost('http://127.0.0.1/')).toBe(false);
  });
});

describe("the content script's family-path test agrees with the match-pattern library", () => {
  it.each([
    'http://news.hndaily.cn/html/2026-07/09/node_58464.htm',
    'https://evil.example/x/node_1.htm',
    'https://a.cn/html/2026-07/09/content_58464_19688148.htm?div=-1',
    'http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm',
    'https://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html',
    'https://blog.example/post.html',
    'https://blog.example/node_1.htm', // no folder before node_: the pattern wants one
    'ftp://a.cn/x/node_1.htm',
    'not a url',
    `https://a.cn/${'node_'.repeat(5000)}x.htm`,
  ])('%s', (url) => {
    expect(onFamilyPath(url)).toBe(FAMILY_PATTERNS.some((p) => matchesPattern(p, url)));
  });
});
