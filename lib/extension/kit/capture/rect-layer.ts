/**
 * The reader panel's highlights as boxes: one absolutely placed `<i>` per line box of each range,
 * in a layer element the Reader renders as the first child of its body (`.reader-marks`, under the
 * text). Not the CSS Custom Highlight API: its registry is the document's, and the page's script
 * could read our ranges (and through them the closed shadow root) out of it. Redrawn when the body
 * changes size (font size, window width), since the boxes follow the text's layout.
 */
import type { Drawn, ReaderLayer } from './painter';
import { shadeOf } from './painter';

const FLASH = 'rgba(255, 120, 0, .75)';

/** Runs `fn` before the next paint (requestAnimationFrame; tests pass their own). */
export type Schedule = (fn: () => void) => void;

const nextFrame: Schedule = (fn) => {
  const raf = globalThis.requestAnimationFrame;
  if (raf) raf(fn);
  else setTimeout(fn, 0);
};

/**
 * A reader layer drawing into `layer`, positioned relative to `body`; `stop` ends the resize watch.
 * Boxes are drawn in the next frame, once for any number of paints before it: reading line boxes
 * right after the reader rendered forces a layout the browser does anyway before that frame, and
 * it tripled the time to place 200 highlights with the reader open (bench/e2e-highlights.json).
 */
export function rectLayer(
  layer: HTMLElement,
  body: HTMLElement,
  schedule: Schedule = nextFrame,
): { paint: ReaderLayer; stop(): void } {
  let last: { drawn: readonly Drawn[]; flashing: string | null } = { drawn: [], flashing: null };
  let pending = false;
  let stopped = false;
  const draw = (): void => {
    pending = false;
    if (stopped) return;
    const { drawn, flashing } = last;
    const doc = layer.ownerDocument;
    const origin = body.getBoundingClientRect();
    const boxes: HTMLElement[] = [];
    for (const d of drawn) {
      for (const r of Array.from(d.range.getClientRects?.() ?? [])) {
        if (r.width <= 0 || r.height <= 0) continue;
        const box = doc.createElement('i');
        box.dataset.color = d.color;
        box.style.cssText =
          `left:${r.left - origin.left}px;top:${r.top - origin.top}px;` +
          `width:${r.width}px;height:${r.height}px;background:${d.id === flashing ? FLASH : shadeOf(d.color)}`;
        boxes.push(box);
      }
    }
    layer.replaceChildren(...boxes);
  };
  const paint: ReaderLayer = (drawn, flashing) => {
    last = { drawn, flashing };
    if (pending) return;
    pending = true;
    schedule(draw);
  };
  const View = body.ownerDocument.defaultView as (Window & { ResizeObserver?: typeof ResizeObserver }) | null;
  const watch = View?.ResizeObserver ? new View.ResizeObserver(() => paint(last.drawn, last.flashing)) : null;
  watch?.observe(body);
  return {
    paint,
    stop: () => {
      stopped = true;
      watch?.disconnect();
      layer.replaceChildren();
    },
  };
}
