/**
 * What the PDF reader takes: the text content pdf.js's `page.getTextContent()` returns for one page
 * (its items and styles, copied as plain data) and the page's size in PDF points. Pure types.
 */

/** One text item of pdf.js (`TextItem`); marked-content items have no `str` and are skipped. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: font size and position (e, f) of the item's start, PDF space (y up). */
  transform: number[];
  /** Advance of the whole item in PDF points (horizontal: width; vertical: height is the advance). */
  width: number;
  height: number;
  fontName: string;
  /** 'ttb' for vertical text (Identity-V fonts). */
  dir: string;
  hasEOL?: boolean;
}

/** pdf.js's `TextStyle`: `vertical` marks an Identity-V font even when `dir` says 'ltr'. */
export interface PdfTextStyle {
  fontFamily?: string;
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

/** One page's text layer as pdf.js gives it, with the page's size (viewport at scale 1). */
export interface PdfPageText {
  items: ReadonlyArray<PdfTextItem | { type: string }>;
  styles: Readonly<Record<string, PdfTextStyle>>;
  width: number;
  height: number;
  /** Set for a page without text: true when it draws images (a scan), false when it draws nothing. */
  images?: boolean;
}

/** An axis-aligned box in PDF space (y up): left, right, bottom, top. */
export interface Box {
  x0: number;
  x1: number;
  bottom: number;
  top: number;
}
