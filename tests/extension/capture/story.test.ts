/** Which highlights a surface must list as "not found on this page", and what the story lookup asks for. */
import { describe, expect, it } from 'vitest';
import { expectedOn, storyQuery } from '../../../lib/extension/kit/capture/story';
import { emptyArticle, type Highlight, type StoredArticle } from '../../../lib/model';
import { makeSelectors } from '../../db/factories';

const P1 = 'http://127.0.0.1:4173/html/2026-07/13/content_58464_19697256.htm';
const P2 = 'http://127.0.0.1:4173/html/2026-07/13/content_58465_19697268.htm';
const K1 = '127.0.0.1/content_58464_19697256';
const K2 = '127.0.0.1/content_58465_19697268';

const para = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: `第${i}段。`, kind: 'text' as const }));
const part1 = emptyArticle({ key: K1, urls: [P1], paragraphs: para(5) });
const part2 = emptyArticle({ key: K2, urls: [P2], paragraphs: para(4) });
/** The story stitched from part 1: part 1's key, both URLs, paragraphs 0–4 from 001 and 5–8 from 002. */
const stitched: StoredArticle = {
  key: K1,
  urls: [P1, P2],
  firstSeenAt: 0,
  lastSeenAt: 0,
  article: emptyArticle({
    key: K1,
    urls: [P1, P2],
    paragraphs: para(9),
    parts: [
      { page: '1', url: P1, from: 0, to: 5, regime: 'first' },
      { page: '2', url: P2, from: 5, to: 9, regime: 'split' },
    ],
  }),
};

function hl(articleKey: string, paragraph: number): Highlight {
  return {
    id: `${articleKey}#${paragraph}`,
    articleKey,
    color: 'yellow',
    selectors: makeSelectors('某句话', { articleKey, paragraph }),
    note: '',
    tags: [],
    createdAt: 0,
    updatedAt: 0,
  };
}

describe('expectedOn', () => {
  it.each([
    ['made on part 1’s page', 'page', part1, P1, hl(K1, 2), true],
    ['made in the reader, in part 1', 'page', part1, P1, hl(K1, 3), true],
    ['made in the reader, in part 2, seen on part 1’s page', 'page', part1, P1, hl(K1, 7), false],
    ['made in the reader, in part 2, seen on part 2’s page', 'page', part2, P2, hl(K1, 7), true],
    ['made in the reader, in part 1, seen on part 2’s page', 'page', part2, P2, hl(K1, 1), false],
    ['made on part 2’s page, seen there', 'page', part2, P2, hl(K2, 1), true],
    ['made on part 2’s page, seen on part 1’s', 'page', part1, P1, hl(K2, 1), false],
    ['any of the story, in the reader', 'reader', stitched.article, P1, hl(K2, 1), true],
  ] as const)('%s → %s', (_, kind, article, url, h, want) => {
    expect(expectedOn({ kind, article, url: `${url}#top` }, h, [stitched])).toBe(want);
  });
});

describe('storyQuery', () => {
  it('asks by the article key and by every URL of the story, the page URL first', () => {
    expect(storyQuery(stitched.article, P2)).toEqual({ keys: [K1], urls: [P2, P1] });
    expect(storyQuery(emptyArticle({ key: '', urls: [] }), P1)).toEqual({ keys: [], urls: [P1] });
  });
});
