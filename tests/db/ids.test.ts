import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../lib/db/ids.ts';

describe('uuidv7', () => {
  it('is a version-7, variant-10 UUID carrying the time in its first 48 bits', () => {
    const id = uuidv7(Date.UTC(2026, 6, 13, 8), (b) => b.fill(0xff));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 6, 13, 8));
    expect(id.endsWith('-7fff-bfff-ffffffffffff')).toBe(true);
  });

  it('sorts by creation time as a string, and differs within one millisecond', () => {
    const ids = [3, 1_000, 1_000, 2 ** 40, Date.UTC(2026, 0, 1)].map((t) => uuidv7(t));
    expect(ids[1]).not.toBe(ids[2]);
    const byTime = [ids[0], ids[1], ids[4], ids[3]];
    expect([...byTime].sort()).toEqual([ids[0], ids[1], ids[3], ids[4]].sort());
    expect(uuidv7(1) < uuidv7(2)).toBe(true);
    expect(uuidv7(Date.UTC(2025, 0, 1)) < uuidv7(Date.UTC(2026, 0, 1))).toBe(true);
  });
});
