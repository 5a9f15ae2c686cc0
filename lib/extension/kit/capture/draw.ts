/**
 * Placing a story's highlights on every surface shown and handing the ranges to the painter; what
 * could not be placed anywhere but is expected somewhere becomes the "not found on this page" list.
 */
import type { StoryItems } from '../../../messaging';
import type { Highlight } from '../../../model';
import type { Drawn, Painter } from './painter';
import { expectedOn } from './story';
import { paragraphRanges, placeOn, type Surface } from './surface';

/** What a drawing pass found. */
export interface DrawOutcome {
  /** Ids drawn on at least one surface. */
  placed: Set<string>;
  /** Kept in the library, expected here, placed nowhere: listed with their quote. */
  orphans: Highlight[];
}

/** Place `items` on `surfaces` and (re)draw them; surfaces not given are cleared. */
export function drawStory(
  surfaces: readonly Surface[],
  items: StoryItems,
  painter: Painter | null,
): DrawOutcome {
  const placed = new Set<string>();
  const expected = new Map<string, Highlight>();
  for (const kind of ['page', 'reader'] as const)
    if (!surfaces.some((s) => s.kind === kind)) painter?.clear(kind);
  for (const s of surfaces) {
    const drawn: Drawn[] = [];
    for (const p of placeOn(s, items.highlights)) {
      if (p.range) {
        placed.add(p.item.id);
        drawn.push({ id: p.item.id, color: p.item.color, range: p.range, note: p.item.note.trim() !== '' });
      } else if (expectedOn(s, p.item, items.articles)) expected.set(p.item.id, p.item);
    }
    painter?.draw(s.kind, drawn);
  }
  // Clipped paragraphs on the article page: a faint tint over each (the reader marks its own, rect-layer.ts).
  const clipped = new Set(items.clips.flatMap((c) => c.paragraphs));
  const page = surfaces.find((s) => s.kind === 'page');
  const indexes = page ? page.article.paragraphs.flatMap((p, i) => (clipped.has(p.text) ? [i] : [])) : [];
  painter?.setClipped(page && indexes.length ? paragraphRanges(page, indexes) : []);
  return { placed, orphans: [...expected.values()].filter((h) => !placed.has(h.id)) };
}
