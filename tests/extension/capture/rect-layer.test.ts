// @vitest-environment happy-dom
/** The reader's highlight boxes: one per line box of each range, placed relative to the body. */
import { describe, expect, it } from 'vitest';
import { rectLayer } from '../../../lib/extension/kit/capture/rect-layer';
import type { Drawn } from '../../../lib/extension/kit/capture/painter';

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height }) as DOMRect;

/** A range whose line boxes are `rects` (happy-dom does no layout). */
function fakeRange(rects: DOMRect[]): Range {
  const r = document.createRange();
  Object.defineProperty(r, 'getClientRects', { value: () => rects });
  return r;
}

describe('rectLayer', () => {
  it('draws a box per line box, relative to the body, in the colour (or the flash) of its highlight', () => {
    const body = document.createElement('div');
    const layer = document.createElement('div');
    body.append(layer);
    document.body.append(body);
    Object.defineProperty(body, 'getBoundingClientRect', { value: () => rect(100, 50, 600, 900) });
    const drawn: Drawn[] = [
      { id: 'a', color: 'green', range: fakeRange([rect(120, 80, 200, 30), rect(100, 110, 90, 30)]) },
      { id: 'b', color: 'pink', range: fakeRange([rect(100, 200, 0, 30)]) }, // an empty line box
    ];
    const { paint, stop } = rectLayer(layer, body, (fn) => fn());
    paint(drawn, null);
    const boxes = Array.from(layer.children) as HTMLElement[];
    expect(boxes.map((b) => [b.dataset.color, b.style.left, b.style.top, b.style.width])).toEqual([
      ['green', '20px', '30px', '200px'],
      ['green', '0px', '60px', '90px'],
    ]);
    paint(drawn, 'a');
    expect((layer.children[0] as HTMLElement).style.background).not.toBe(boxes[0].style.background);
    stop();
    expect(layer.children.length).toBe(0);
  });

  it('draws in the next frame, once for any number of paints before it, and not after stop', () => {
    const body = document.createElement('div');
    const layer = document.createElement('div');
    Object.defineProperty(body, 'getBoundingClientRect', { value: () => rect(0, 0, 600, 900) });
    const frames: Array<() => void> = [];
    const { paint, stop } = rectLayer(layer, body, (fn) => frames.push(fn));
    const one: Drawn[] = [{ id: 'a', color: 'green', range: fakeRange([rect(10, 10, 50, 20)]) }];
    const two: Drawn[] = [...one, { id: 'b', color: 'blue', range: fakeRange([rect(10, 40, 50, 20)]) }];
    paint(one, null);
    paint(two, null);
    expect(layer.children.length).toBe(0);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(Array.from(layer.children).map((b) => (b as HTMLElement).dataset.color)).toEqual([
      'green',
      'blue',
    ]);
    paint(one, null);
    stop();
    frames.shift()!();
    expect(layer.children.length).toBe(0);
  });

  it('marks the end of a highlight with a note, and each clipped paragraph in the margin', () => {
    const body = document.createElement('div');
    const layer = document.createElement('div');
    Object.defineProperty(body, 'getBoundingClientRect', { value: () => rect(100, 50, 600, 900) });
    const para = document.createElement('p');
    Object.defineProperty(para, 'getBoundingClientRect', { value: () => rect(100, 300, 600, 90) });
    const { paint, clips } = rectLayer(layer, body, (fn) => fn());
    paint(
      [
        {
          id: 'a',
          color: 'blue',
          note: true,
          range: fakeRange([rect(120, 80, 200, 30), rect(100, 110, 90, 30)]),
        },
        { id: 'b', color: 'pink', range: fakeRange([rect(100, 200, 50, 30)]) },
      ],
      null,
    );
    clips([para]);
    const marks = Array.from(layer.querySelectorAll('[data-mark]')) as HTMLElement[];
    // The note's dot at the end of its last line box (190 − 4, 110 − 5, relative to the body).
    expect(marks.map((m) => [m.dataset.mark, m.style.left, m.style.top, m.style.height])).toEqual([
      ['note', '86px', '55px', '7px'],
      ['clip', '-12px', '250px', '90px'],
    ]);
  });
});
