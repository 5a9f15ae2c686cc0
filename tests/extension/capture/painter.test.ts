// @vitest-environment happy-dom
/**
 * The painter over a fake `CSS.highlights`: one entry per colour for the page's ranges, the reader's
 * ranges only in the reader layer (never in the document's registry, which the page can read),
 * flashes that end.
 */
import { describe, expect, it } from 'vitest';
import {
  createPainter,
  highlightCss,
  highlightName,
  type HighlightCtor,
} from '../../../lib/extension/kit/capture/painter';
import { HIGHLIGHT_COLORS } from '../../../lib/model';

class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

function setup() {
  const registry = new Map<string, FakeHighlight>();
  const painter = createPainter(registry as never, FakeHighlight as unknown as HighlightCtor);
  const p = document.createElement('p');
  p.textContent = '一枚指甲盖大小的“海南芯”，让成立仅两年多的初创企业站上行业领奖台。';
  document.body.append(p);
  const range = (a: number, b: number) => {
    const r = document.createRange();
    r.setStart(p.firstChild as Text, a);
    r.setEnd(p.firstChild as Text, b);
    return r;
  };
  return { registry, painter, range };
}

describe('painter', () => {
  it('underlines a page highlight with a note too (its own entry), never a reader one', () => {
    const { registry, painter, range } = setup();
    painter.draw('page', [
      { id: 'a', color: 'yellow', note: true, range: range(0, 4) },
      { id: 'b', color: 'yellow', range: range(5, 9) },
    ]);
    painter.draw('reader', [{ id: 'c', color: 'blue', note: true, range: range(10, 12) }]);
    expect([...(registry.get('epaper-note') ?? [])].map((r) => r.toString())).toEqual(['一枚指甲']);
    expect(highlightCss()).toContain('::highlight(epaper-note) { text-decoration: underline dotted');
    painter.draw('page', []);
    expect(registry.has('epaper-note')).toBe(false);
  });

  it('keeps one registry entry per colour for the page, and hands the reader its own ranges', () => {
    const { registry, painter, range } = setup();
    const layered: string[][] = [];
    painter.setReaderLayer((drawn) => layered.push(drawn.map((d) => d.id)));
    painter.draw('page', [
      { id: 'a', color: 'yellow', range: range(0, 4) },
      { id: 'b', color: 'green', range: range(5, 9) },
    ]);
    painter.draw('reader', [{ id: 'a', color: 'yellow', range: range(0, 4) }]);
    expect(registry.get('epaper-yellow')?.size).toBe(1);
    expect(registry.get('epaper-green')?.size).toBe(1);
    expect(registry.has('epaper-blue')).toBe(false);
    expect(layered.at(-1)).toEqual(['a']);
    expect(painter.counts()).toEqual({ yellow: 2, green: 1, blue: 0, pink: 0, purple: 0 });
    // Closing the reader leaves the page's ranges only, and empties the layer.
    painter.clear('reader');
    expect(layered.at(-1)).toEqual([]);
    expect(registry.get('epaper-yellow')?.size).toBe(1);
    painter.draw('page', []);
    expect([...registry.keys()]).toEqual([]);
  });

  it('finds a highlight on the reader first, and flashes it for a while', () => {
    const { registry, painter, range } = setup();
    const onPage = range(0, 4);
    const inReader = range(0, 4);
    painter.draw('page', [{ id: 'a', color: 'blue', range: onPage }]);
    painter.draw('reader', [{ id: 'a', color: 'blue', range: inReader }]);
    expect(painter.find('a')?.range).toBe(inReader);
    expect(painter.find('zzz')).toBeNull();
    const flashes: (string | null)[] = [];
    painter.setReaderLayer((_, flashing) => flashes.push(flashing));
    const later: Array<() => void> = [];
    // On the reader (found first): flashed by the layer, never through the registry.
    expect(painter.flash('a', 1000, (fn) => later.push(fn))).toBe(true);
    expect(flashes.at(-1)).toBe('a');
    expect(registry.has('epaper-flash')).toBe(false);
    later.splice(0).forEach((fn) => fn());
    expect(flashes.at(-1)).toBeNull();
    // On the page: the registry's flash entry, above the colours, for a while.
    painter.clear('reader');
    expect(painter.flash('a', 1000, (fn) => later.push(fn))).toBe(true);
    expect(registry.get('epaper-flash')?.priority).toBeGreaterThan(0);
    later.forEach((fn) => fn());
    expect(registry.has('epaper-flash')).toBe(false);
    expect(painter.flash('zzz', 1000, () => undefined)).toBe(false);
  });

  it('styles every colour and the flash with ::highlight rules', () => {
    const css = highlightCss();
    for (const c of [...HIGHLIGHT_COLORS, 'flash' as const])
      expect(css).toContain(`::highlight(${highlightName(c)})`);
  });
});
