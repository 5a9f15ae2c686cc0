/**
 * Test factory: pdf.js text items as Founder PDFs give them, built from strings and positions, so
 * each rule of lib/pdf is tested on a page small enough to read. Widths follow the fonts: CJK one
 * em, Latin half an em; `spacing` adds letter spacing (pdf.js then puts spaces into `str`).
 */
import type { PdfPageText, PdfTextItem } from '../../lib/pdf';
import { isWide } from '../../lib/pdf/glyphs';

export interface ItemOpts {
  size?: number;
  font?: string;
  vertical?: boolean;
  /** Extra points between characters (letter-spaced headlines, justified lines). */
  spacing?: number;
}

/** One item at (x, y). */
export function item(str: string, x: number, y: number, o: ItemOpts = {}): PdfTextItem {
  const size = o.size ?? 9;
  const chars = [...str].filter((c) => c !== ' ');
  const natural = chars.reduce((n, c) => n + (o.vertical || isWide(c) ? size : size / 2), 0);
  const advance = natural + (o.spacing ?? 0) * Math.max(0, chars.length - 1);
  return {
    str: o.spacing ? chars.join(' ') : str,
    transform: [size, 0, 0, size, x, y],
    width: o.vertical ? size : advance,
    height: o.vertical ? advance : size,
    fontName: o.font ?? (o.vertical ? 'v' : 'f'),
    dir: o.vertical ? 'ttb' : 'ltr',
  };
}

/**
 * A column of body text: paragraphs cut into lines of `perLine` characters at x, from y down, the
 * first line of each paragraph indented two ems. Returns the items, in stream order, and the next y.
 */
export function column(
  paragraphs: string[],
  x: number,
  y: number,
  perLine = 12,
  size = 9,
): { items: PdfTextItem[]; y: number } {
  const items: PdfTextItem[] = [];
  const pitch = size * 1.45;
  for (const p of paragraphs) {
    const chars = [...p];
    let first = true;
    while (chars.length) {
      const n = first ? perLine - 2 : perLine;
      items.push(item(chars.splice(0, n).join(''), first ? x + 2 * size : x, y, { size }));
      y -= pitch;
      first = false;
    }
  }
  return { items, y };
}

/** A page of these items (595 × 842 pt), vertical fonts marked in styles as pdf.js does. */
export function page(items: PdfTextItem[], width = 595, height = 842): PdfPageText {
  return { items, styles: { f: { vertical: false }, v: { vertical: true } }, width, height };
}
