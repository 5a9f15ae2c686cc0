/**
 * What the toolbar sends, built from the demo's stitched split story (real text): a highlight with
 * selectors over the article text, a clip of every paragraph touched with the full source, the quote
 * with its GB/T 7714 citation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeParagraphs, normalizeForMatch } from '../../../lib/anchor';
import {
  clipRequest,
  highlightRequest,
  isoDay,
  parseTags,
  quoteWithCitation,
} from '../../../lib/extension/kit/capture/requests';
import { sourceOf, type Article, type Selectors } from '../../../lib/model';
import { stitchedSplit } from './fixtures';

let story: Article;
let text: string;

/** Selectors from paragraph `a` offset `x` to paragraph `b` offset `y`, as a reader selection gives them. */
function span(a: number, x: number, b: number, y: number): Selectors {
  const sel = describeParagraphs(
    story.paragraphs,
    { paragraph: a, offset: x },
    { paragraph: b, offset: y },
    story.key,
  );
  if (!sel) throw new Error('blank span');
  return sel;
}

beforeAll(async () => {
  story = await stitchedSplit();
  text = normalizeForMatch(story.paragraphs.map((p) => p.text).join('\n')).text;
});

describe('highlightRequest', () => {
  it('carries the article key, colour, note, selectors and the article itself', () => {
    const sel = span(1, 3, 1, 15);
    const req = highlightRequest({ article: story }, sel, 'pink', '芯片是关键');
    expect(req).toEqual({
      type: 'saveHighlight',
      highlight: { articleKey: story.key, color: 'pink', selectors: sel, note: '芯片是关键', tags: [] },
      article: story,
    });
    expect(req.highlight.selectors.exact).toBe(story.paragraphs[1].text.slice(3, 15));
  });
});

describe('clipRequest', () => {
  it('clips the one paragraph a selection sits in, whole', () => {
    const req = clipRequest({ article: story, text }, span(2, 5, 2, 12));
    expect(req.clip.paragraphIndexes).toEqual([2]);
    expect(req.clip.paragraphs).toEqual([story.paragraphs[2].text]);
  });

  it('a selection across the seam between 001 and 002 clips both paragraphs, indexed in the stitched article', () => {
    const seam = story.parts[1].from;
    expect(seam).toBeGreaterThan(0);
    const last = story.paragraphs[seam - 1].text;
    const req = clipRequest({ article: story, text }, span(seam - 1, last.length - 4, seam, 6), '两版相连');
    expect(req.clip.paragraphIndexes).toEqual([seam - 1, seam]);
    expect(req.clip.paragraphs).toEqual([last, story.paragraphs[seam].text]);
    expect(req.clip.note).toBe('两版相连');
  });

  it('keeps the full source: paper, date, every page and URL, titles, bylines', () => {
    const req = clipRequest({ article: story, text }, span(0, 0, 0, 4));
    expect(req.clip.source).toEqual(sourceOf(story));
    expect(req.clip.source).toMatchObject({ paper: '海南日报', date: '2026-07-13', title: story.title });
    expect(req.clip.source.urls).toHaveLength(2);
    expect(req.clip.source.pages).toEqual(story.pages);
    expect(req.article).toBe(story);
  });
});

describe('quoteWithCitation', () => {
  it('puts the quote in “” and the GB/T 7714 reference with the access date on the next line', () => {
    const out = quoteWithCitation('一枚指甲盖大小的“海南芯”', story, 0, '2026-11-29');
    const [quote, cite] = out.split('\n');
    expect(quote).toBe('“一枚指甲盖大小的“海南芯””');
    expect(cite).toContain(`${story.title}[N/OL]. 海南日报, 2026-07-13(`);
    expect(cite).toContain('[2026-11-29]. http://127.0.0.1:4173/html/2026-07/13/content_58464_19697256.htm.');
    expect(cite.startsWith('黄媛艳. ')).toBe(true);
  });

  it('cites the page and URL of the part the quote was printed in (下转 page 2)', () => {
    const second = story.parts[1];
    expect(second).toBeDefined();
    const exact = story.paragraphs[second.from].text.slice(0, 8);
    const cite = quoteWithCitation(exact, story, second.from, '2026-11-29').split('\n')[1];
    expect(cite).toContain(`2026-07-13(${second.page})[2026-11-29]. ${second.url}.`);
    expect(second.url).not.toBe(story.parts[0].url);
  });

  it.each([
    [new Date(2026, 0, 5), '2026-01-05'],
    [new Date(2026, 10, 29, 23, 59), '2026-11-29'],
  ])('isoDay(%s) is %s', (d, want) => expect(isoDay(d)).toBe(want));
});

describe('parseTags', () => {
  it.each([
    ['芯片 脑机接口', ['芯片', '脑机接口']],
    ['芯片，脑机接口、三亚', ['芯片', '脑机接口', '三亚']],
    ['#芯片 #芯片 ＃崖州湾', ['芯片', '崖州湾']],
    ['  ', []],
    ['AI, chips;芯片；', ['AI', 'chips', '芯片']],
  ])('「%s」 → %j', (typed, want) => expect(parseTags(typed)).toEqual(want));
});
