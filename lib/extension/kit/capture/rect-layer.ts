/**
 * The reader panel's highlights as boxes: one absolutely placed `<i>` per line box of each range,
 * in a layer element the Reader renders as the first child of its body (`.reader-marks`, under the
 * text). Not the CSS Custom Highlight API: its registry is the document's, and the page's script
 * could read our ranges (and through them the closed shadow root) out of it. Redrawn when the body
 * changes size (font size, window width), since the boxes follow the text's layout. The same layer
 * marks what would otherwise leave no trace in the text: a dot at the end of a highlight with a note,
 * and a bar in the margin of each clipped paragraph (`data-mark="note"` / `"clip"`).
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
): { paint: ReaderLayer; clips(paragraphs: readonly Element[]): void; stop(): void } {
  let last: { drawn: readonly Drawn[]; flashing: string | null } = { drawn: [], flashing: null };
  let clipped: readonly Element[] = [];
  let pending = false;
  let stopped = false;
  const draw = (): void => {
    pending = false;
    if (stopped) return;
    const { drawn, flashing } = last;
    const doc = layer.ownerDocument;
    const origin = body.getBoundingClientRect();
    const boxes: HTMLElement[] = [];
    const box = (css: string, color: string, mark?: 'note' | 'clip'): void => {
      const el = doc.createElement('i');
      el.dataset.color = color;
      if (mark) el.dataset.mark = mark;
      el.style.cssText = css;
      boxes.push(el);
    };
    const at = (x: number, y: number, w: number, h: number): string =>
      `left:${x - origin.left}px;top:${y - origin.top}px;width:${w}px;height:${h}px;`;
    for (const d of drawn) {
      const rects = Array.from(d.range.getClientRects?.() ?? []).filter((r) => r.width > 0 && r.height > 0);
      const shade = d.id === flashing ? FLASH : shadeOf(d.color);
      for (const r of rects) box(at(r.left, r.top, r.width, r.height) + `background:${shade}`, d.color);
      const end = rects[rects.length - 1];
      if (d.note && end)
        box(at(end.right - 4, end.top - 5, 7, 7) + `background:${shadeOf(d.color)}`, d.color, 'note');
    }
    for (const p of clipped) {
      const r = p.getBoundingClientRect();
      if (r.height > 0) box(at(r.left - 12, r.top, 3, r.height), '', 'clip');
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
    clips(paragraphs) {
      clipped = [...paragraphs];
      paint(last.drawn, last.flashing);
    },
    stop: () => {
      stopped = true;
      watch?.disconnect();
      layer.replaceChildren();
    },
  };
}
