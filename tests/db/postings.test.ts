import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode, postingRows, postingRowsOfTexts } from '../../lib/db/postings.ts';
import { bigrams, visitTermKeys } from '../../lib/text/bigrams.ts';
import { makeClip, ok, testLibrary } from './factories.ts';
import { libraryDb } from '../../lib/db/library.ts';

describe('posting lists', () => {
  it.each([
    [[], []],
    [
      [0, 1, 2, 300],
      [0, 1, 1, 0xaa, 2],
    ],
    [
      [127, 128],
      [127, 1],
    ],
  ])('encode %j → %j', (list, bytes) => {
    expect([...encode(list)]).toEqual(bytes);
    expect(decode(encode(list))).toEqual(list);
  });

  it('decode(encode(x)) is x for any ascending positions', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 2 ** 31 - 1 }), { maxLength: 200 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        expect(decode(encode(sorted))).toEqual(sorted);
      }),
    );
  });

  it('one id list per segment, newest first, and one row per first character with each term’s positions', () => {
    const rows = postingRows('c', 'seg1', [
      { id: 'old', terms: ['返贫', '防返', '返乡'], createdAt: 1 },
      { id: 'new', terms: ['返贫'], createdAt: 2 },
    ]);
    expect(rows.map((r) => r.k)).toEqual(['C seg1', 'c 返 seg1', 'c 防 seg1']);
    expect(rows[0].ids).toEqual(['new', 'old']);
    expect([...(rows[0].ts as Float64Array)]).toEqual([2, 1]);
    expect(rows[1].terms).toEqual(['返贫', '返乡']);
    const at = rows[1].at as Uint8Array;
    const ends = rows[1].ends as Uint32Array;
    expect(decode(at.subarray(0, ends[0]))).toEqual([0, 1]);
    expect(decode(at.subarray(ends[0], ends[1]))).toEqual([1]);
    expect(decode(rows[2].at as Uint8Array)).toEqual([1]);
  });
});

describe('restoring the same backup twice', () => {
  it('adds no posting rows the second time (nothing changed)', async () => {
    const l = testLibrary();
    const clip = {
      ...makeClip('防止规模性返贫是底线。'),
      id: 'c1',
      note: '',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
    };
    ok(await l.restore({ articles: [], highlights: [], clips: [clip] }));
    const rows = await libraryDb(l).postings.count();
    expect(rows).toBeGreaterThan(1);
    ok(await l.restore({ articles: [], highlights: [], clips: [clip] }));
    expect(await libraryDb(l).postings.count()).toBe(rows);
    l.close();
  });
});

/** The terms visitTermKeys gives for a text, as strings, deduplicated. */
function visited(text: string): Set<string> {
  const out = new Set<string>();
  visitTermKeys(
    text,
    (hi, lo) => out.add(lo ? String.fromCharCode(hi, lo) : String.fromCharCode(hi)),
    (t) => out.add(t),
  );
  return out;
}

// Real lines (株洲日报 seed, 海南日报) and the edge cases of bigrams(): latin words, full-width
// digits, an astral character (𠀋), a lone character, a line break.
const TEXTS = [
  '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。',
  '一张“纸”里的45亿元自贸港外贸账',
  '人民日报记者 刘成友 报道 COVID-19 ２０２２年',
  '𠀋𠀋字与𠀋',
  '贫',
  '防返贫防返贫\n乡村振兴',
];

describe('terms straight from texts (restore)', () => {
  it.each(TEXTS)('visitTermKeys(%j) holds every bigrams() term, plus only single characters', (text) => {
    const got = visited(text);
    const want = bigrams(text);
    for (const t of want) expect(got).toContain(t);
    for (const t of got) if (!want.includes(t)) expect([...t]).toHaveLength(1);
  });

  it('postingRowsOfTexts writes what postingRows writes for the same terms', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: fc.constantFrom(...TEXTS), createdAt: fc.nat({ max: 50 }) }), {
          maxLength: 30,
        }),
        (recs) => {
          const records = recs.map((r, i) => ({ id: `r${i}`, ...r }));
          const fromTexts = postingRowsOfTexts(
            'c',
            's',
            records.map((r) => ({ id: r.id, createdAt: r.createdAt, texts: [r.text] })),
          );
          const fromTerms = postingRows(
            'c',
            's',
            records.map((r) => ({ id: r.id, createdAt: r.createdAt, terms: [...visited(r.text)] })),
          );
          // Same rows; within a row the term order may differ, so compare term → positions.
          const norm = (rows: typeof fromTexts) =>
            Object.fromEntries(
              rows.map((row) => [
                row.k,
                row.ids
                  ? { ids: row.ids, ts: [...(row.ts ?? [])] }
                  : Object.fromEntries(
                      (row.terms ?? []).map((t, i) => [
                        t,
                        decode((row.at as Uint8Array).subarray(i ? row.ends![i - 1] : 0, row.ends![i])),
                      ]),
                    ),
              ]),
            );
          expect(norm(fromTexts)).toEqual(norm(fromTerms));
        },
      ),
    );
  });
});
