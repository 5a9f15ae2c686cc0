/**
 * What a page can make the reader keep fits the record schemas: the readers cut text and lists to
 * LIMITS where pages are read, so a save never fails and a backup always restores, whatever the
 * page held.
 */
import { describe, expect, it } from 'vitest';
import { emptyArticle } from '../../lib/model/index.ts';
import { LIMITS, articleSchema, capArticle, check } from '../../lib/model/schemas.ts';
import { readPage, readText } from '../../lib/sites/index.ts';
import { docFromHtml } from '../helpers/dom.ts';

const huge = '字'.repeat(LIMITS.paragraph * 3);

describe('capArticle', () => {
  it.each([
    ['a paragraph three times the limit', { paragraphs: [{ text: huge, kind: 'text' as const }] }],
    [
      'too many paragraphs',
      {
        paragraphs: Array.from({ length: LIMITS.paragraphs + 5 }, () => ({
          text: '段',
          kind: 'text' as const,
        })),
      },
    ],
    ['a title of a million characters', { title: '题'.repeat(1_000_000) }],
    ['too many bylines', { bylines: Array.from({ length: 1000 }, (_, i) => `记者${i}`) }],
    ['an over-long URL', { urls: ['https://a.cn/' + 'x'.repeat(LIMITS.url)] }],
  ])('makes %s fit the article schema', (_, init) => {
    const a = emptyArticle({ key: 'a.cn/content_1', ...init });
    expect(check(articleSchema, a).ok).toBe(false);
    const r = check(articleSchema, capArticle(a));
    expect(r).toEqual({ ok: true, value: expect.anything() });
  });

  it('leaves a real-sized article as it is', () => {
    const a = emptyArticle({
      key: 'a.cn/content_1',
      title: '标题',
      paragraphs: [{ text: '正文。', kind: 'text' }],
    });
    expect(capArticle(a)).toEqual(a);
  });
});

describe('the readers cut where pages are read', () => {
  it('an article page with a 150,000-character paragraph reads as an article the schema takes', () => {
    const html = `<html><head><meta charset="utf-8"><title>标题</title></head><body>
      <founder-title>一篇很长的文章</founder-title><founder-content><p>${huge}</p><p>第二段。</p></founder-content>
      </body></html>`;
    const url = 'https://news.hndaily.cn/html/2026-07/13/content_58465_19697268.htm';
    const page = readPage(docFromHtml(html, url), url);
    expect(page.articles).toHaveLength(1);
    const [a] = page.articles;
    expect(a.paragraphs[0].text.length).toBe(LIMITS.paragraph);
    expect(check(articleSchema, a).ok).toBe(true);
  });

  it('printed page text with a giant line does too', () => {
    const page = readText(`株洲日报\n2022年2月7日\nA1\n标题在此\n${huge}\n`, 'file:///A1.txt');
    for (const a of page.articles) {
      expect(a.paragraphs.every((p) => p.text.length <= LIMITS.paragraph)).toBe(true);
      expect(check(articleSchema, { ...a, key: a.key || 'k' }).ok).toBe(true);
    }
  });
});
