/**
 * Property tests over mutated real pages: whatever is deleted, duplicated, swapped, inserted or cut,
 * readPage / readText / decodeBytes / stitchPages never throw and return well-formed values.
 * Runs are bounded so the suite stays fast; fast-check prints the seed and the shrunk case on failure.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/dom';
import { pageFromBytes } from '../../cli/read';
import { readPage, readText } from '../../lib/sites';
import { stitchPages } from '../../lib/stitch';
import { decodeBytes, NOT_TEXT } from '../../lib/text/decode';
import { isPage, mutate, ops } from './mutate';

const REAL = 'tests/fixtures/real/';
const HTML_PAGES = [
  ['zqb-cyol/content_430781.html', 'http://zqb.cyol.com/pc/content/202609/16/content_430781.html'],
  ['zqb-cyol/node_06.html', 'http://zqb.cyol.com/pc/layout/202609/16/node_06.html'],
  ['rmrb-2024/node_01.html', 'http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html'],
  [
    'rmrb-2017/nbs.D110000renmrb_07.htm',
    'http://paper.people.com.cn/rmrb/html/2017-10/18/nbs.D110000renmrb_07.htm',
  ],
  ['jjjcb-2017-embedded/node_2.htm', 'http://csr.mos.gov.cn/content/2017-07/22/node_2.htm'],
  ['cnta-2017/node_1.htm', 'http://www.ctnews.com.cn/paper/content/2017-10/13/node_1.htm'],
  ['jxrb-2017/node_187.htm', 'http://epaper.jxnews.com.cn/jxrb/html/2017-10/09/node_187.htm'],
].map(([file, url]) => ({ file, url, html: readFileSync(REAL + file, 'utf8') }));
const SEED = readFileSync('tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt', 'utf8');
const SEED_URL = 'file:///fixtures/zhuzhou-daily-2022-02-07-A1.txt';

describe('readers on mutated real pages', () => {
  it.each(HTML_PAGES.map((p) => [p.file, p] as const))(
    'readPage never throws on mutations of %s',
    async (_f, page) => {
      await fc.assert(
        fc.asyncProperty(ops, async (list) => {
          const parsed = parseHtml(mutate(page.html, list), page.url);
          try {
            const result = readPage(parsed.document, page.url);
            expect(isPage(result)).toBe(true);
            expect(result.url).toBe(page.url);
          } finally {
            await parsed.close();
          }
        }),
        { numRuns: 15 },
      );
    },
  );

  it('the CLI reader (bytes → decode → parse → readPage) never throws on mutated, byte-flipped pages', async () => {
    const bytes = readFileSync(REAL + 'rmrb-2024/node_01.html');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(bytes.length - 1), value: fc.nat(255) }), { maxLength: 40 }),
        fc.nat(bytes.length),
        async (flips, cut) => {
          const b = Uint8Array.from(bytes.subarray(0, cut));
          for (const f of flips) if (f.at < b.length) b[f.at] = f.value;
          const r = await pageFromBytes('node_01.html', b);
          expect(r.problems.every((m) => typeof m === 'string')).toBe(true);
          if (r.page) expect(isPage(r.page)).toBe(true);
          else expect(r.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('readText never throws on mutations of the seed page', () => {
    fc.assert(
      fc.property(ops, (list) => {
        const result = readText(mutate(SEED, list), SEED_URL);
        expect(isPage(result)).toBe(true);
        expect(result.kind).toBe('text');
      }),
      { numRuns: 150 },
    );
  });

  it('readText never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(isPage(readText(text, SEED_URL))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('decodeBytes never throws and always says which charset it used, or that the bytes are not text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.option(fc.string({ maxLength: 40 })), (bytes, ct) => {
        const r = decodeBytes(bytes, ct ?? undefined);
        expect(typeof r.text).toBe('string');
        // Either a charset was chosen, or the bytes were refused as binary with empty text.
        if (r.charset) expect(r.problems).not.toContain(NOT_TEXT);
        else expect(r).toEqual({ text: '', charset: '', problems: [NOT_TEXT] });
      }),
      { numRuns: 300 },
    );
  });

  it('decodeBytes of a mutated UTF-8 page cut anywhere never throws', () => {
    const bytes = readFileSync(REAL + 'zqb-cyol/node_06.html');
    fc.assert(
      fc.property(fc.nat(bytes.length), fc.nat(bytes.length), (a, b) => {
        const r = decodeBytes(bytes.subarray(Math.min(a, b), Math.max(a, b)));
        expect(['utf-8', 'gb18030', '']).toContain(r.charset);
      }),
      { numRuns: 200 },
    );
  });

  it('stitchPages never throws and always ends on mutated copies of a two-page story', async () => {
    const a1 = readFileSync('tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt', 'utf8');
    const a4 =
      '第A4版：要闻\n2022年2月7日 星期一\n\n上接A1版\n\n全面推进乡村振兴，株洲最大的优势在哪？\n\n下转A1版\n';
    await fc.assert(
      fc.asyncProperty(ops, ops, fc.boolean(), async (m1, m4, reversed) => {
        const pages = [
          readText(mutate(a1, m1), 'file:///p/A1.txt'),
          readText(mutate(a4, m4), 'file:///p/A4.txt'),
        ];
        const r = await stitchPages(reversed ? pages.reverse() : pages);
        expect(Array.isArray(r.articles)).toBe(true);
        expect(r.problems.every((m) => typeof m === 'string')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
