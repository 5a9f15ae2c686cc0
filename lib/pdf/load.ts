/**
 * Running pdf.js over a PDF's bytes, page by page, into PdfPageText values for readPdfPage. pdf.js
 * itself is a parameter (the CLI passes the legacy Node build, reader.html the browser build with its
 * worker), so this module stays free of both. Bad input comes back as an error value with a code the
 * UI can name in either language: never a throw, never a hang (a time limit), and memory stays
 * bounded (one page at a time, cleaned up; at most MAX_PDF_PAGES pages).
 */
import type { PdfPageText, PdfTextItem, PdfTextStyle } from './types';

/** Why a PDF could not be read. */
export type PdfErrorCode = 'not-pdf' | 'encrypted' | 'damaged' | 'too-big' | 'timeout';

export interface PdfError {
  code: PdfErrorCode;
  /** One English sentence (the CLI prints it; the extension shows its _locales text for `code`). */
  message: string;
}

/** The part of pdf.js this module uses (pdfjs-dist's `getDocument`). */
export interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  /** pdf.js's operator codes: which ones paint images tells a scan from a blank or damaged page. */
  OPS?: Record<string, number>;
}

interface PdfDocument {
  numPages: number;
  getMetadata(): Promise<{ info?: unknown }>;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number };
    getTextContent(): Promise<{ items: unknown[]; styles: Record<string, unknown> }>;
    getOperatorList(): Promise<{ fnArray: number[] }>;
    cleanup(): unknown;
  }>;
  destroy(): Promise<void>;
}

/** A PDF's text: one PdfPageText per page read, its Title, and what was left out. */
export interface PdfText {
  pages: PdfPageText[];
  numPages: number;
  title: string;
  problems: string[];
}

/**
 * A whole newspaper issue is 8–48 pages; a PDF of hundreds is a book or an archive. The first
 * MAX_PDF_PAGES are read and the rest named as left out, so memory and time stay bounded.
 */
export const MAX_PDF_PAGES = 64;
/** The largest PDF read at all (a page PDF is about 1 MB; a 48-page issue under 64 MB). */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;
/** pdf.js gets this long for a whole file before the reader gives up on it. */
export const PDF_TIME_LIMIT_MS = 60_000;

/** Do the bytes start like a PDF (「%PDF-」 within the first 1 KB, as readers allow)? */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Options: where pdf.js finds its CMaps (GB CMaps: without them some Chinese PDFs give no text). */
export interface ReadPdfOptions {
  cMapUrl: string;
  maxPages?: number;
  timeLimitMs?: number;
  /** Extra getDocument parameters (the browser's worker port, standard fonts). */
  extra?: Record<string, unknown>;
}

function plainItems(items: unknown[]): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  for (const raw of items) {
    const it = raw as Partial<PdfTextItem>;
    if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
    out.push({
      str: it.str,
      transform: it.transform.slice(0, 6),
      width: Number(it.width) || 0,
      height: Number(it.height) || 0,
      fontName: String(it.fontName ?? ''),
      dir: String(it.dir ?? 'ltr'),
    });
  }
  return out;
}

function plainStyles(styles: Record<string, unknown>): Record<string, PdfTextStyle> {
  const out: Record<string, PdfTextStyle> = {};
  for (const [k, v] of Object.entries(styles ?? {}))
    out[k] = { vertical: (v as PdfTextStyle)?.vertical === true };
  return out;
}

const IMAGE_OPS = [
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintImageMaskXObject',
  'paintImageXObjectRepeat',
];

/** Does a page without text draw images (a scan), as opposed to nothing at all (blank or damaged)? */
async function paintsImages(
  pdfjs: PdfJs,
  page: { getOperatorList(): Promise<{ fnArray: number[] }> },
): Promise<boolean> {
  const codes = new Set(IMAGE_OPS.map((k) => pdfjs.OPS?.[k]).filter((n) => n !== undefined));
  try {
    return (await page.getOperatorList()).fnArray.some((fn) => codes.has(fn));
  } catch {
    return false;
  }
}

/** pdf.js's exception names → our codes. */
function classify(e: unknown): PdfError {
  const name = (e as { name?: string })?.name ?? '';
  const msg = (e as Error)?.message ?? String(e);
  if (name === 'PasswordException')
    return { code: 'encrypted', message: 'the PDF is encrypted (password protected): it cannot be read' };
  return { code: 'damaged', message: `the PDF is damaged and cannot be read (${msg.slice(0, 120)})` };
}

/** Read every page's text layer (up to maxPages). Resolves to a value or an error; never rejects. */
export async function readPdfText(
  pdfjs: PdfJs,
  bytes: Uint8Array,
  opts: ReadPdfOptions,
): Promise<{ ok: true; value: PdfText } | { ok: false; error: PdfError }> {
  if (!looksLikePdf(bytes))
    return {
      ok: false,
      error: { code: 'not-pdf', message: 'not a PDF file (it does not start with %PDF-)' },
    };
  if (bytes.length > MAX_PDF_BYTES)
    return {
      ok: false,
      error: {
        code: 'too-big',
        message: `the PDF is ${Math.round(bytes.length / 2 ** 20)} MB, more than the ${MAX_PDF_BYTES / 2 ** 20} MB a reader takes`,
      },
    };
  let task: ReturnType<PdfJs['getDocument']>;
  try {
    task = pdfjs.getDocument({
      // pdf.js takes ownership of (and may detach) the buffer it is given, and refuses a Buffer: a copy.
      data: new Uint8Array(bytes),
      cMapUrl: opts.cMapUrl,
      cMapPacked: true,
      isEvalSupported: false,
      stopAtErrors: false,
      ...opts.extra,
    });
  } catch (e) {
    return { ok: false, error: classify(e) };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = opts.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  const timeout = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), limit)));
  const work = (async () => {
    const doc = await task.promise;
    const info = ((await doc.getMetadata().catch(() => ({ info: {} }))).info ?? {}) as { Title?: unknown };
    const max = Math.min(doc.numPages, opts.maxPages ?? MAX_PDF_PAGES);
    const pages: PdfPageText[] = [];
    const problems: string[] = [];
    for (let n = 1; n <= max; n++) {
      try {
        const page = await doc.getPage(n);
        const vp = page.getViewport({ scale: 1 });
        const tc = await page.getTextContent();
        const items = plainItems(tc.items);
        const text: PdfPageText = {
          items,
          styles: plainStyles(tc.styles),
          width: vp.width,
          height: vp.height,
        };
        if (!items.some((it) => it.str.trim())) text.images = await paintsImages(pdfjs, page);
        pages.push(text);
        page.cleanup();
      } catch (e) {
        problems.push(`page ${n} of the PDF could not be read: ${classify(e).message}`);
        pages.push({ items: [], styles: {}, width: 0, height: 0 });
      }
    }
    if (doc.numPages > max)
      problems.push(`the PDF has ${doc.numPages} pages: only the first ${max} were read`);
    return {
      pages,
      numPages: doc.numPages,
      title: typeof info.Title === 'string' ? info.Title : '',
      problems,
    };
  })();
  try {
    const r = await Promise.race([work, timeout]);
    if (r === 'timeout')
      return {
        ok: false,
        error: { code: 'timeout', message: `pdf.js did not finish reading the PDF in ${limit / 1000} s` },
      };
    return { ok: true, value: r };
  } catch (e) {
    return { ok: false, error: classify(e) };
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    await task.destroy().catch(() => undefined);
  }
}
