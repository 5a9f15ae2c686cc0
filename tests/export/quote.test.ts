import { describe, expect, it } from 'vitest';
import { quoteSource, quoteWithCitation } from '../../lib/export/quote';
import { emptyArticle, sourceOf } from '../../lib/model';
import { hainanStitched } from './hainan';

const story = hainanStitched();
const [first, second] = story.parts;
const ACCESSED = '2026-11-29';

describe('quoteSource: the part the quote was printed in', () => {
  it('a paragraph only page 001 holds cites 001 and its URL', () => {
    const s = quoteSource(story, 0);
    expect(s.pages).toEqual([first.page]);
    expect(s.urls).toEqual([first.url]);
  });
  it('a paragraph of the tail (repeated on 002 after 「◀上接A01版」) cites 002 and its URL', () => {
    const s = quoteSource(story, second.from);
    expect(s.pages).toEqual([second.page]);
    expect(s.urls).toEqual([second.url]);
    expect(second.url).not.toBe(first.url);
  });
  it('a plain article, or an index no part covers, keeps the whole source', () => {
    const plain = emptyArticle({ key: 'k', pages: ['A1', 'A4'], urls: ['http://x.cn/a.htm'] });
    expect(quoteSource(plain, 0)).toEqual(sourceOf(plain));
    expect(quoteSource(story, 999)).toEqual(sourceOf(story));
  });
});

describe('quoteWithCitation', () => {
  const tail = story.paragraphs[second.from].text;
  it('puts the quote in mainland “” and cites page 2 with that part’s URL', () => {
    expect(quoteWithCitation(tail.slice(0, 12), story, second.from, ACCESSED)).toBe(
      `“${tail.slice(0, 12)}”\n黄媛艳. 一枚“海南芯”，让“意念控制”照进现实[N/OL]. 海南日报, 2026-07-13(2)[2026-11-29]. ${second.url}.`,
    );
  });
  it('offers 「」 and the 2025 punctuation', () => {
    expect(quoteWithCitation('海南芯', story, 0, ACCESSED, { marks: 'corner', style: '2025' })).toBe(
      `「海南芯」\n黄媛艳. 一枚“海南芯”，让“意念控制”照进现实[N/OL]. 海南日报，2026-07-13（1）[2026-11-29]. ${first.url}.`,
    );
  });
});
