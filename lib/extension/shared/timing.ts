/**
 * Measurements as performance entries (`performance.measure('epaper:<name>')`), not attributes on
 * our host element: the page cannot tell from the DOM what the reader did, and tests read them with
 * `performance.getEntriesByName(…)` (a document's performance timeline is shared by its worlds).
 */

/** Entry names: overlay up, stitched view shown, highlights drawn, a save round trip, kit failure. */
export type MeasureName = 'overlay' | 'stitch' | 'anchor' | 'capture' | 'reader-error';

/** Record `start` → now (performance.now() times) with a small JSON detail; never throws. */
export function measure(name: MeasureName, start: number, detail?: Record<string, string | number>): void {
  try {
    performance.measure(`epaper:${name}`, { start, end: performance.now(), detail });
  } catch {
    // A timeline that refuses the entry (an old browser, a page that replaced performance) costs nothing.
  }
}
