/**
 * Drawing highlights. On the article page: the CSS Custom Highlight API, one registry entry per
 * colour (`epaper-yellow` … `epaper-purple`) styled by `::highlight(epaper-yellow)` rules; the page's
 * text is never touched. In the reader panel: NOT the registry. `CSS.highlights` is one per document
 * and the page's own script can iterate it too; a range's nodes would lead it into our closed shadow
 * root and the stitched text. The reader's marks are boxes drawn by a reader layer (rect-layer.ts).
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../model';
import type { SurfaceKind } from './surface';

/** The part of `CSS.highlights` used here (a Map in tests). */
export interface RegistryLike {
  set(name: string, value: never): unknown;
  delete(name: string): boolean;
}

/** `Highlight`'s constructor (a fake in tests). */
export type HighlightCtor = new (...ranges: Range[]) => { priority: number };

/** One drawn highlight. */
export interface Drawn {
  id: string;
  color: HighlightColor;
  range: Range;
  /** It has a note: the reader marks its end (rect-layer.ts). */
  note?: boolean;
}

/** Registry name of a colour: 「epaper-yellow」. */
export const highlightName = (c: HighlightColor | 'flash' | 'note' | 'clip'): string => `epaper-${c}`;

// Translucent, so the text stays readable in the light and the dark reader theme alike.
const SHADES: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 212, 0, .45)',
  green: 'rgba(76, 200, 90, .38)',
  blue: 'rgba(64, 156, 255, .35)',
  pink: 'rgba(255, 105, 170, .35)',
  purple: 'rgba(160, 100, 255, .35)',
};

/** CSS colour of a highlight colour (for the toolbar's swatches). */
export const shadeOf = (c: HighlightColor): string => SHADES[c];

/** The `::highlight()` rules, for the page's document and for the shadow root. */
export function highlightCss(): string {
  return (
    HIGHLIGHT_COLORS.map((c) => `::highlight(${highlightName(c)}) { background-color: ${SHADES[c]}; }`).join(
      '\n',
    ) +
    `\n::highlight(${highlightName('flash')}) { background-color: rgba(255, 120, 0, .75); color: #000; }\n` +
    // A highlight with a note, on the article page: underlined too, so the note leaves a mark.
    `::highlight(${highlightName('note')}) { text-decoration: underline dotted 2px rgba(110, 80, 20, .8); }\n` +
    // A clipped paragraph on the article page: a faint tint, under the colours.
    `::highlight(${highlightName('clip')}) { background-color: rgba(138, 109, 59, .12); }\n`
  );
}

/** Draws the reader's highlights (and the one flashing, by id) without the shared registry. */
export type ReaderLayer = (drawn: readonly Drawn[], flashing: string | null) => void;

/** The painter: keeps each surface's drawn ranges and rebuilds the registry entries from them. */
export interface Painter {
  /** Where the reader's highlights go (null: the reader is closed, nothing is drawn there). */
  setReaderLayer(layer: ReaderLayer | null): void;
  draw(surface: SurfaceKind, drawn: readonly Drawn[]): void;
  /** Paragraphs of the article page a clip holds (whole-paragraph ranges); [] for none. */
  setClipped(ranges: readonly Range[]): void;
  clear(surface: SurfaceKind): void;
  /** Drawn highlight `id`, on the reader first (it is on top when open), else on the page. */
  find(id: string): Drawn | null;
  /** Highlight under a viewport point, if any (CSS highlights are not elements: no event target). */
  hit(x: number, y: number): Drawn | null;
  /** Ranges drawn per colour (what the registry holds), for tests and data attributes. */
  counts(): Record<HighlightColor, number>;
  flash(id: string, ms: number, later: (fn: () => void, ms: number) => void): boolean;
}

/** A painter over a registry (`CSS.highlights`) and the `Highlight` constructor. */
export function createPainter(registry: RegistryLike, Ctor: HighlightCtor): Painter {
  const bySurface = new Map<SurfaceKind, readonly Drawn[]>();
  const all = (): Drawn[] => [...(bySurface.get('reader') ?? []), ...(bySurface.get('page') ?? [])];
  let layer: ReaderLayer | null = null;
  let flashing: string | null = null;
  const repaint = (): void => {
    layer?.(bySurface.get('reader') ?? [], flashing);
    // Only the page's own ranges go in the document's registry (see the header).
    const pageDrawn = bySurface.get('page') ?? [];
    for (const c of HIGHLIGHT_COLORS) {
      const ranges = pageDrawn.filter((d) => d.color === c && !d.range.collapsed).map((d) => d.range);
      if (ranges.length === 0) registry.delete(highlightName(c));
      else registry.set(highlightName(c), new Ctor(...ranges) as never);
    }
    const noted = pageDrawn.filter((d) => d.note && !d.range.collapsed).map((d) => d.range);
    if (noted.length === 0) registry.delete(highlightName('note'));
    else registry.set(highlightName('note'), new Ctor(...noted) as never);
  };
  let flashes = 0;
  return {
    setReaderLayer(next) {
      layer = next;
      repaint();
    },
    draw(surface, drawn) {
      bySurface.set(surface, [...drawn]);
      repaint();
    },
    setClipped(ranges) {
      if (ranges.length === 0) return void registry.delete(highlightName('clip'));
      const h = new Ctor(...ranges);
      h.priority = -1; // under the colour entries
      registry.set(highlightName('clip'), h as never);
    },
    clear(surface) {
      bySurface.delete(surface);
      repaint();
    },
    find: (id) => all().find((d) => d.id === id) ?? null,
    hit(x, y) {
      for (const d of all()) {
        for (const r of Array.from(d.range.getClientRects?.() ?? [])) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return d;
        }
      }
      return null;
    },
    counts() {
      const out = Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, 0])) as Record<HighlightColor, number>;
      for (const d of all()) out[d.color]++;
      return out;
    },
    flash(id, ms, later) {
      const d = all().find((x) => x.id === id);
      if (!d) return false;
      const mine = ++flashes;
      if (bySurface.get('reader')?.includes(d)) {
        flashing = id;
        layer?.(bySurface.get('reader') ?? [], flashing);
        later(() => {
          if (mine !== flashes) return;
          flashing = null;
          layer?.(bySurface.get('reader') ?? [], null);
        }, ms);
        return true;
      }
      const h = new Ctor(d.range);
      h.priority = 10; // above the colour entries
      registry.set(highlightName('flash'), h as never);
      later(() => {
        if (mine === flashes) registry.delete(highlightName('flash'));
      }, ms);
      return true;
    },
  };
}
