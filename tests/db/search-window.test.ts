/**
 * Search reads only the newest `*terms` entries of each token first (lib/db/candidates.ts `cap`,
 * 2,000 a token): with 2,600 saved clips holding 科技, the newest hits must be exactly those a full
 * scan finds, and hits older than the window must still be found when the window has too few.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../lib/db/index.ts';
import { uuidv7 } from '../../lib/db/ids.ts';
import { clipRow } from '../../lib/db/rows.ts';
import type { Clip } from '../../lib/model/index.ts';
import { makeClip, ok, testLibrary } from './factories.ts';
import { libraryDb } from '../../lib/db/library.ts';

const N = 2600;
const T0 = Date.UTC(2026, 0, 1);
let l: Library;
const clips: Clip[] = [];

// Real 海南日报 phrasing. Every clip holds 科技; every 7th 「科技创新」 (~370: its own bigrams are
// read whole, 科技 is cut); the others 「科技赋能」 (all three bigrams cut); the 5 oldest 「科技成果转化」.
function textOf(i: number): string {
  if (i < 5) return `推动科技成果转化，第${i}条。`;
  if (i % 7 === 0) return `以科技创新引领产业发展，第${i}条。`;
  return `科技赋能乡村振兴，第${i}条。`;
}

beforeAll(async () => {
  l = testLibrary();
  for (let i = 0; i < N; i++) {
    const t = T0 + i * 60_000;
    clips.push({ ...makeClip(textOf(i)), id: uuidv7(t), note: '', tags: [], createdAt: t, updatedAt: t });
  }
  // Rows exactly as saveClip writes them (with `*terms`), in one go.
  await libraryDb(l).clips.bulkPut(clips.map((c) => clipRow(c)));
});
afterAll(() => l.close());

const newestWith = (s: string, n: number) =>
  clips
    .filter((c) => c.paragraphs[0].includes(s))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, n)
    .map((c) => c.id);

describe('search over many clips saved one at a time', () => {
  it('the newest hits of a common query are exactly the newest matches, with an estimated total', async () => {
    const r = ok(await l.search('科技创新', { limit: 20 }));
    expect(r.hits.map((h) => h.item.id)).toEqual(newestWith('科技创新', 20));
    const truth = clips.filter((c) => c.paragraphs[0].includes('科技创新')).length;
    expect(r.totalIsEstimate).toBe(true);
    expect(r.total).toBeGreaterThan(truth * 0.5);
    expect(r.total).toBeLessThan(truth * 2);
  });

  it('when every token is cut, the newest hits come from above the cut, with an estimated total', async () => {
    // 科技, 技赋 and 赋能 each have ~2,200 entries: all three are cut at 2,000.
    const r = ok(await l.search('科技赋能', { limit: 20 }));
    expect(r.hits.map((h) => h.item.id)).toEqual(newestWith('科技赋能', 20));
    const truth = clips.filter((c) => c.paragraphs[0].includes('科技赋能')).length;
    expect(r.totalIsEstimate).toBe(true);
    expect(r.total).toBeGreaterThan(truth * 0.5);
    expect(r.total).toBeLessThan(truth * 2);
  });

  it('hits older than the newest entries are still found, with an exact total', async () => {
    const r = ok(await l.search('科技成果', { limit: 20 }));
    expect(r.hits.map((h) => h.item.id)).toEqual(newestWith('科技成果', 20));
    expect(r.total).toBe(5);
    expect(r.totalIsEstimate).toBeUndefined();
  });

  it('every match when the limit is large (no cut)', async () => {
    const r = ok(await l.search('科技创新', { limit: 100_000 }));
    expect(r.hits.map((h) => h.item.id)).toEqual(newestWith('科技创新', 100_000));
    expect(r.total).toBe(r.hits.length);
  });
});
