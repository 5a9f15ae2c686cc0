/**
 * Is a layout page the one of a PDF page, so that its image map may cut that page (domain.md §8)?
 * A map drawn for another page would cut the text into wrong articles, silently: the page labels
 * must agree and so must the dates when both know them. `given`: the layout page is the one the
 * PDF was opened from (reader.html?pdf=…&page=…), so a PDF page whose masthead names no label is
 * still taken as its page; the CLI, which pairs files among many, asks for the label.
 */
import type { Page } from '../model';

export function layoutFits(pdfPage: Page, layout: Page, given = false): boolean {
  return (
    layout.kind === 'layout' &&
    !!layout.image &&
    layout.blocks.some((b) => b.polygons.length > 0) &&
    (pdfPage.label ? layout.label === pdfPage.label : given) &&
    (!layout.date || !pdfPage.date || layout.date === pdfPage.date)
  );
}
