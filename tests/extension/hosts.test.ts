import { describe, expect, it } from 'vitest';
import {
  CONTENT_MATCHES,
  globMatch,
  isContentUrl,
  isKnownHost,
  matchesPattern,
  originPattern,
} from '../../lib/extension/hosts';

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
  ])('%s → %s', (url, expected) => {
    expect(isContentUrl(url)).toBe(expected);
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
  ])('matchesPattern(%s, %s) → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('matches a long path with many stars in linear time', () => {
    const path = '/' + 'node_'.repeat(20000) + 'x';
    const t0 = performance.now();
    expect(globMatch('/*node_*node_*node_*.htm*', path)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(500);
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
