/**
 * A PDF file → one Page per page (lib/pdf), through Node's pdf.js (pdfjs.ts). Known by its bytes
 * (「%PDF-」), not its name: a PDF saved as .htm is read as the PDF it is, and says so.
 */
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPdfPage } from '../lib/pdf';
import { readPdfText } from '../lib/pdf/load';
import { nodePdfJs, nodePdfOptions } from './pdfjs';
import type { ReadFile } from './read';

/** Read a PDF's pages. Never throws: an unreadable PDF is one ReadFile with no page and its reason. */
export async function pdfPages(file: string, bytes: Uint8Array): Promise<ReadFile[]> {
  const url = pathToFileURL(resolve(file)).href;
  const notes =
    extname(file).toLowerCase() === '.pdf' ? [] : [`${file} is a PDF (whatever its name says): read as one`];
  const r = await readPdfText(await nodePdfJs(), bytes, nodePdfOptions());
  if (!r.ok) return [{ file, page: null, problems: [...notes, r.error.message] }];
  const { pages, numPages, title, problems } = r.value;
  return pages.map((text, i) => {
    const page = readPdfPage(text, numPages > 1 ? `${url}#page=${i + 1}` : url, {
      title,
      pageNumber: numPages > 1 ? i + 1 : undefined,
    });
    return { file, page, problems: [...(i === 0 ? [...notes, ...problems] : []), ...page.problems] };
  });
}
