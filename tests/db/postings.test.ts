import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode, postingRows } from '../../lib/db/postings.ts';

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

  it('one id list per segment, newest first, and one row per term with positions in it', () => {
    const rows = postingRows('c', 'seg1', [
      { id: 'old', terms: ['返贫', '防返'], createdAt: 1 },
      { id: 'new', terms: ['返贫'], createdAt: 2 },
    ]);
    expect(rows.map((r) => r.k)).toEqual(['C seg1', 'c 返贫 seg1', 'c 防返 seg1']);
    expect(rows[0].ids).toEqual(['new', 'old']);
    expect(decode(rows[1].at as Uint8Array)).toEqual([0, 1]);
    expect(decode(rows[2].at as Uint8Array)).toEqual([1]);
  });
});
