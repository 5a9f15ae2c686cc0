import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorText, articleText, describeText } from '../../lib/anchor/text.ts';
import { longHainanArticle, seedParagraphs } from './fixtures.ts';

const texts = [articleText(seedParagraphs()), articleText(longHainanArticle().paragraphs)];

describe('anchoring properties over real text', () => {
  it('a quote described on a text is placed back on the same characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 80 }), (text, at, len) => {
        const start = at % (text.length - len);
        const s = describeText(text, start, start + len, 'k');
        if (!s) return;
        const m = anchorText(text, s);
        expect('notFound' in m).toBe(false);
        if ('notFound' in m) return;
        // The same occurrence, not just the same words: repeated phrases must not jump.
        let first = start;
        while (/\s/.test(text[first])) first++;
        expect(m.start).toBe(first);
        expect(text.slice(m.start, m.end).replace(/\s/g, '')).toBe(s.exact.replace(/\s/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('text inserted away from a quote of 8+ characters never loses it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.nat(),
        fc.integer({ min: 8, max: 60 }),
        fc.nat(),
        fc.constantFrom('（本报讯）', '\u3000\u3000', '\u200b', '下转A4版'),
        (text, at, len, where, insert) => {
          const start = at % (text.length - len);
          const s = describeText(text, start, start + len, 'k');
          if (!s) return;
          const pos = where % text.length;
          if (pos > start - 40 && pos < start + len + 40) return; // not next to the quote
          const changed = text.slice(0, pos) + insert + text.slice(pos);
          const m = anchorText(changed, s);
          expect('notFound' in m).toBe(false);
          if ('notFound' in m) return;
          expect(changed.slice(m.start, m.end).replace(/[\s\u200b]/g, '')).toBe(s.exact.replace(/\s/g, ''));
        },
      ),
      { numRuns: 300 },
    );
  });
});
