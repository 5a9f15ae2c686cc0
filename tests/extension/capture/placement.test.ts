/** Where the selection toolbar goes: clear of the selection, on screen. */
import { describe, expect, it } from 'vitest';
import { GAP, placeToolbar } from '../../../lib/extension/kit/capture/placement';

const view = { width: 1280, height: 800 };
const bar = { width: 300, height: 32 };
const sel = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('placeToolbar', () => {
  it.each([
    [
      'above the first line when there is room',
      sel(200, 300, 700, 360),
      { x: 200, y: 300 - GAP - 32, side: 'above' },
    ],
    [
      'below the last line at the top of the window',
      sel(200, 10, 700, 60),
      { x: 200, y: 60 + GAP, side: 'below' },
    ],
    ['kept inside the right edge', sel(1200, 300, 1270, 324), { x: 1280 - 300 - 4, y: 260, side: 'above' }],
    [
      'inside the window for a selection taller than it',
      sel(20, 20, 700, 790),
      { x: 20, y: 20, side: 'inside' },
    ],
  ])('%s', (_what, box, want) => {
    expect(placeToolbar(box, bar, view)).toEqual(want);
  });

  it('never overlaps the selection when placed above or below', () => {
    for (let top = 0; top < 800; top += 37) {
      const box = sel(100, top, 500, Math.min(800, top + 50));
      const at = placeToolbar(box, bar, view);
      if (at.side === 'inside') continue;
      const clear = at.y + bar.height <= box.top || at.y >= box.bottom;
      expect(clear, `selection at ${top}`).toBe(true);
    }
  });
});
