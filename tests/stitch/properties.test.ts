/**
 * Properties over random issues: pages with random titles, texts and markers (including markers to
 * missing pages, loops and empty titles). stitchArticle and stitchPages never throw, keep every part
 * at most once, and stitchPages does not depend on the order of the pages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPage, type Page } from '../../lib/model';
import { stitchArticle, stitchPages } from '../../lib/stitch';
import { article, mapLoader } from './factories';

const TITLES = ['', '谁的房子谁的家', '一枚“海南芯”', '导读', '海南重卡“驶向”环岛换电自由'];
const SENTENCES = [
  '第一句。',
  '半句，',
  '“引语。”',
  '●小标题',
  '技术有了，产品有了，下一步怎么走？',
  '后半句。',
];
const LABELS = ['A1', 'A2', 'A3', 'A4', ''];

const articleArb = fc.record({
  title: fc.constantFrom(...TITLES),
  text: fc.array(fc.constantFrom(...SENTENCES), { maxLength: 4 }),
  continuesTo: fc.constantFrom(...LABELS),
  continuedFrom: fc.constantFrom(...LABELS),
});

/** An issue: pages A1..An, each a text page with up to three articles. */
const issueArb = fc
  .array(fc.array(articleArb, { maxLength: 3 }), { minLength: 1, maxLength: 4 })
  .map((pages) =>
    pages.map((arts, i): Page => {
      const label = `A${i + 1}`;
      const url = `file:///${label}.txt`;
      return emptyPage({
        url,
        kind: 'text',
        label,
        date: '2026-07-13',
        articles: arts.map((a, order) => article(label, url, { ...a, order })),
      });
    }),
  );

describe('stitch properties', () => {
  it('stitchArticle never throws, lists each page once and keeps its own text', async () => {
    await fc.assert(
      fc.asyncProperty(issueArb, fc.boolean(), async (pages, sameTitle) => {
        const { load } = mapLoader(pages);
        for (const page of pages) {
          for (const a of page.articles) {
            const r = await stitchArticle(a, page, load, { sameTitle });
            expect(new Set(r.article.pages).size).toBe(r.article.pages.length);
            expect(r.article.urls.length).toBeGreaterThanOrEqual(1);
            const text = r.article.paragraphs.map((p) => p.text).join('');
            for (const p of a.paragraphs) expect(text.includes(p.text.slice(0, 2))).toBe(true);
            let last = 0;
            for (const part of r.article.parts) {
              expect(part.from).toBeGreaterThanOrEqual(last);
              expect(part.to).toBeLessThanOrEqual(r.article.paragraphs.length);
              last = part.from;
            }
            r.problems.forEach((p) => expect(typeof p).toBe('string'));
          }
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });

  it('stitchPages gives the same result in any order, every article in at most one result', async () => {
    await fc.assert(
      fc.asyncProperty(
        issueArb.chain((pages) =>
          fc.tuple(fc.constant(pages), fc.shuffledSubarray(pages, { minLength: pages.length })),
        ),
        async ([pages, shuffled]) => {
          const a = await stitchPages(pages);
          const b = await stitchPages(shuffled);
          expect(b).toEqual(a);
          // No story is listed twice: each result starts from a different article.
          const keys = a.articles.map((x) => x.key);
          expect(new Set(keys).size).toBe(keys.length);
          expect(a.articles.length).toBeLessThanOrEqual(pages.reduce((n, p) => n + p.articles.length, 0));
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 150) },
    );
  });
});
