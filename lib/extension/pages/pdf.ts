/**
 * reader.html's PDF mode: dropped or chosen page PDFs (or the PDF a layout page links) → pages →
 * articles, stitched among the given PDFs only. pdf.js runs in this extension page, its worker and
 * GB CMaps loaded from the extension (runtime.getURL), never in the content script or the service
 * worker; pdf.js is a chunk of its own that reader.html imports once it is shown (ahead of the
 * first PDF, see browserPdfJs), so no other page grows. With the layout page a PDF was opened from
 * (pdf-layout.ts), that page's image map cuts the PDF page it fits. Problems are shown in the UI's
 * language: the error codes of lib/pdf/load.ts map to _locales keys.
 */
import type { Page } from '../../model';
import { readPdfPage } from '../../pdf';
import { layoutFits } from '../../pdf/fit';
import { looksLikePdf, readPdfText, type PdfErrorCode, type PdfJs } from '../../pdf/load';
import { t } from '../shared/i18n';
import type { PasteResult } from './paste';
import { PDF_ASSET_PATHS } from './pdf-paths';

/** One PDF as bytes, with the name it had (its file name, or the URL it came from). */
export interface PdfFile {
  name: string;
  bytes: Uint8Array;
  /** The URL it was fetched from (a layout page's 「PDF下载」 link), '' for a local file. */
  url?: string;
  /** The layout page it was opened from (pdf-layout.ts): its image map cuts the page it fits. */
  layout?: Page;
  /** Said before its articles (why it is read without its layout page). */
  notes?: string[];
}

/** What reading PDFs needs from the page: pdf.js, asset URLs, and the stitcher. */
export interface PdfDeps {
  pdfjs: () => Promise<PdfJs>;
  assetUrl: (path: string) => string;
  stitch: (pages: Page[]) => Promise<PasteResult>;
}

const ERROR_KEYS: Record<PdfErrorCode, string> = {
  'not-pdf': 'pdfErrNotPdf',
  encrypted: 'pdfErrEncrypted',
  damaged: 'pdfErrDamaged',
  'too-big': 'pdfErrTooBig',
  timeout: 'pdfErrTimeout',
};

let shared: Promise<PdfJs> | null = null;

/**
 * pdf.js for an extension page: the legacy build (Firefox ESR lacks what the modern one calls), with
 * one worker for the page's life: each PDF would otherwise start its own (1.3 MB of script to load).
 * Resolves once the worker has answered, so that a call made when reader.html opens (PdfReader's
 * `warm`) leaves nothing of that load for the first PDF dropped.
 */
export function browserPdfJs(workerUrl: string): Promise<PdfJs> {
  shared ??= (async () => {
    const mod = await import('pdfjs-dist/legacy/build/pdf.mjs');
    mod.GlobalWorkerOptions.workerSrc = workerUrl;
    const worker = new mod.PDFWorker();
    await worker.promise;
    return {
      OPS: mod.OPS as unknown as Record<string, number>,
      getDocument: (src: Record<string, unknown>) =>
        mod.getDocument({ ...src, worker } as Parameters<typeof mod.getDocument>[0]),
    } as unknown as PdfJs;
  })();
  // A failed load (a missing asset) is not kept: the next PDF tries again.
  shared.catch(() => (shared = null));
  return shared;
}

/** The worker's URL inside the extension, for browserPdfJs. */
export const PDF_WORKER_PATH = PDF_ASSET_PATHS.worker;

/** Read every PDF's pages and stitch their articles; never throws. */
export async function readPdfFiles(files: PdfFile[], deps: PdfDeps): Promise<PasteResult> {
  const pages: Page[] = [];
  const problems: string[] = [];
  try {
    const pdfjs = await deps.pdfjs();
    for (const f of files) {
      if (!looksLikePdf(f.bytes)) {
        problems.push(t('pdfErrNotPdf', [f.name]));
        continue;
      }
      const r = await readPdfText(pdfjs, f.bytes, { cMapUrl: deps.assetUrl(PDF_ASSET_PATHS.cmaps) });
      if (!r.ok) {
        problems.push(t(ERROR_KEYS[r.error.code], [f.name]));
        continue;
      }
      const { numPages, title } = r.value;
      if (numPages > r.value.pages.length)
        problems.push(t('pdfTooManyPages', [f.name, String(numPages), String(r.value.pages.length)]));
      problems.push(...(f.notes ?? []));
      const base = f.url || `file:///${encodeURIComponent(f.name)}`;
      let cut = false;
      r.value.pages.forEach((text, i) => {
        if (!text.items.length)
          problems.push(t(text.images ? 'pdfScanned' : 'pdfNoText', [f.name, String(i + 1)]));
        const at = numPages > 1 ? `${base}#page=${i + 1}` : base;
        const ctx = { title, pageNumber: numPages > 1 ? i + 1 : undefined };
        let page = readPdfPage(text, at, ctx);
        // The layout page cuts the page it is the layout of, as the CLI's cutByLayouts does.
        if (f.layout?.image && text.items.length && layoutFits(page, f.layout, numPages === 1)) {
          page = readPdfPage(text, at, { ...ctx, blocks: f.layout.blocks, image: f.layout.image });
          cut = true;
        }
        if (text.items.length) pages.push(page);
      });
      // A PDF without text (a scan) already says so; the layout page has nothing to cut there.
      const hasText = r.value.pages.some((p) => p.items.length);
      if (f.layout && hasText && !cut)
        problems.push(t('pdfLayoutOther', [f.name, f.layout.url.slice(0, 200)]));
    }
    if (!pages.length) return { articles: [], problems };
    const stitched = await deps.stitch(pages);
    return { articles: stitched.articles, problems: [...problems, ...stitched.problems] };
  } catch (e) {
    return {
      articles: [],
      problems: [...problems, t('pdfErrDamaged', [String((e as Error)?.message ?? e)])],
    };
  }
}

/**
 * reader.html?pdf=URL: the PDF a layout page links (「PDF下载」), fetched by this extension page (the
 * content script stays as it is). Only http(s); a page that is not a PDF, or a fetch the site's
 * permission does not allow, is a message.
 */
export async function fetchLinkedPdf(
  url: string,
  fetchFn: typeof fetch = fetch,
): Promise<PdfFile[] | { error: string }> {
  if (!/^https?:\/\//i.test(url)) return { error: t('pdfFetchFailed', [url.slice(0, 200)]) };
  try {
    const res = await fetchFn(url, { credentials: 'omit' });
    if (!res.ok) return { error: t('pdfFetchFailed', [url]) };
    const bytes = new Uint8Array(await res.arrayBuffer());
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'page.pdf');
    return [{ name, bytes, url }];
  } catch {
    return { error: t('pdfFetchFailed', [url]) };
  }
}
