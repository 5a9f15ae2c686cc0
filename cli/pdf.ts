/**
 * A PDF file → one Page per page (lib/pdf), through Node's pdf.js (pdfjs.ts). Known by its bytes
 * (「%PDF-」), not its name: a PDF saved as .htm is read as the PDF it is, and says so.
 */
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPdfPage, type PdfPageContext, type PdfPageText } from '../lib/pdf';
import { layoutFits } from '../lib/pdf/fit';
import { readPdfText } from '../lib/pdf/load';
import { nodePdfJs, nodePdfOptions } from './pdfjs';
import type { ReadFile } from './read';

/** A PDF page as read, with what it was read from, so a layout page given with it can cut it again. */
export interface PdfReadFile extends ReadFile {
  pdf?: { text: PdfPageText; url: string; ctx: PdfPageContext };
}

/** Read a PDF's pages. Never throws: an unreadable PDF is one ReadFile with no page and its reason. */
export async function pdfPages(file: string, bytes: Uint8Array): Promise<PdfReadFile[]> {
  const url = pathToFileURL(resolve(file)).href;
  const notes =
    extname(file).toLowerCase() === '.pdf' ? [] : [`${file} is a PDF (whatever its name says): read as one`];
  const r = await readPdfText(await nodePdfJs(), bytes, nodePdfOptions());
  // `text` is the decoded text of HTML and page text for --report; a PDF's bytes are not text.
  if (!r.ok) return [{ file, page: null, problems: [...notes, r.error.message], text: '' }];
  const { pages, numPages, title, problems } = r.value;
  return pages.map((text, i) => {
    const at = numPages > 1 ? `${url}#page=${i + 1}` : url;
    const ctx: PdfPageContext = { title, pageNumber: numPages > 1 ? i + 1 : undefined };
    const page = readPdfPage(text, at, ctx);
    return {
      file,
      page,
      problems: [...(i === 0 ? [...notes, ...problems] : []), ...page.problems],
      text: '',
      pdf: { text, url: at, ctx },
    };
  });
}

/**
 * `parse page.pdf node_07.htm`: a PDF page given with its layout page is cut by that page's image
 * map (domain.md §8) instead of by geometry alone. In place; pages without a layout stay as read.
 */
export function cutByLayouts(read: PdfReadFile[]): void {
  for (const r of read) {
    if (!r.pdf || !r.page) continue;
    const layout = read.find((x) => x.page && !x.pdf && layoutFits(r.page!, x.page))?.page;
    if (!layout?.image) continue;
    const page = readPdfPage(r.pdf.text, r.pdf.url, {
      ...r.pdf.ctx,
      blocks: layout.blocks,
      image: layout.image,
    });
    r.problems = [...r.problems.filter((p) => !r.page!.problems.includes(p)), ...page.problems];
    r.page = page;
  }
}
