/** Test helper: a real PDF file through Node's pdf.js (cli/pdfjs.ts) into PdfPageText values. */
import { readFileSync } from 'node:fs';
import { nodePdfJs, nodePdfOptions } from '../../cli/pdfjs';
import { readPdfText, type PdfText } from '../../lib/pdf/load';

/** Read a PDF's bytes with pdf.js; throws on an error value (tests of good input only). */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const r = await readPdfText(await nodePdfJs(), bytes, nodePdfOptions());
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The same from a file. */
export function pdfFileText(file: string): Promise<PdfText> {
  return pdfText(new Uint8Array(readFileSync(file)));
}
