import { describe, expect, it } from 'vitest';
import { formatRev, parseRev, tick, witness, type ClockState } from '../../lib/db/clock.ts';

const T = Date.UTC(2026, 11, 4, 9);
const HOUR = 3_600_000;

describe('hybrid logical clock', () => {
  it('stamps compare as strings in (time, counter, device) order', () => {
    const stamps = [
      formatRev(T, 0, 'b'),
      formatRev(T, 1, 'a'),
      formatRev(T + 1, 0, 'a'),
      formatRev(T, 0, 'a'),
      formatRev(9, 0, 'z'),
    ];
    expect([...stamps].sort()).toEqual([
      formatRev(9, 0, 'z'),
      formatRev(T, 0, 'a'),
      formatRev(T, 0, 'b'),
      formatRev(T, 1, 'a'),
      formatRev(T + 1, 0, 'a'),
    ]);
    expect(parseRev(formatRev(T, 7, 'dev-1'))).toEqual({ t: T, c: 7, device: 'dev-1' });
    expect(parseRev('2026-12-04')).toBeUndefined();
  });

  it('never runs back: a wall clock set back still gives rising stamps', () => {
    const s: ClockState = { t: 0, c: 0 };
    const a = tick(s, T, 'a');
    const b = tick(s, T - HOUR, 'a');
    const c = tick(s, T - HOUR, 'a');
    expect(a < b && b < c).toBe(true);
    expect(parseRev(c)).toEqual({ t: T, c: 2, device: 'a' });
  });

  it('an edit made after seeing an edit from a clock hours ahead wins over it', () => {
    // Device B's clock runs three hours fast; A edits after receiving B's edit.
    const b: ClockState = { t: 0, c: 0 };
    const fromB = tick(b, T + 3 * HOUR, 'b');
    const a: ClockState = { t: 0, c: 0 };
    witness(a, fromB);
    const fromA = tick(a, T, 'a');
    expect(fromA > fromB).toBe(true);
    // Without the receive rule A's stamp would lose by three hours.
    expect(formatRev(T, 0, 'a') < fromB).toBe(true);
  });

  it('borrows the next millisecond past 99,999 stamps in one', () => {
    const s: ClockState = { t: T, c: 99_999 };
    expect(parseRev(tick(s, T, 'a'))).toEqual({ t: T + 1, c: 0, device: 'a' });
  });

  it('ignores stamps it cannot read', () => {
    const s: ClockState = { t: T, c: 3 };
    witness(s, 'not a stamp');
    expect(s).toEqual({ t: T, c: 3 });
  });
});
