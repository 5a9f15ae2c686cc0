/**
 * reader.html?pdf=URL&page=LAYOUT_URL: the layout page the PDF was opened from (the popup's
 * 「从本版 PDF 阅读」), so that its image map cuts the PDF into its articles as
 * `parse page.pdf node_07.htm` does in the CLI (domain.md §8): outlines, not geometry, decide where
 * an article ends. The page comes through the caller's `load` (issue.html's page source: the page
 * cache first, else the background's fetchPage; never the content script). A layout page that
 * cannot be had, or has no image map, is a note, and the PDF is read by geometry alone.
 */
import type { Page } from '../../model';
import { t } from '../shared/i18n';
import type { PdfFile } from './pdf';

/** The layout page, or the note that says why the PDF is read without it. */
export async function layoutPage(
  url: string,
  load: (url: string) => Promise<Page>,
): Promise<{ page: Page } | { note: string }> {
  const shown = url.slice(0, 200);
  if (!/^https?:\/\//i.test(url)) return { note: t('pdfLayoutMissing', [shown]) };
  try {
    const page = await load(url);
    if (page.kind === 'layout' && page.image && page.blocks.some((b) => b.polygons.length > 0))
      return { page };
    return { note: t('pdfLayoutNoMap', [shown]) };
  } catch {
    return { note: t('pdfLayoutMissing', [shown]) };
  }
}

/** What linkedPdf needs: the PDF's fetch (fetchLinkedPdf) and the layout page's load. */
export interface LinkedPdfIo {
  fetchPdf: (url: string) => Promise<PdfFile[] | { error: string }>;
  load: (url: string) => Promise<Page>;
}

/** The linked PDF with its layout page (both asked for at once), or with the note why it has none. */
export async function linkedPdf(
  pdf: string,
  layoutUrl: string,
  io: LinkedPdfIo,
): Promise<PdfFile[] | { error: string }> {
  const [files, layout] = await Promise.all([
    io.fetchPdf(pdf),
    layoutUrl ? layoutPage(layoutUrl, io.load) : null,
  ]);
  if ('error' in files || !layout) return files;
  return files.map((f) =>
    'page' in layout ? { ...f, layout: layout.page } : { ...f, notes: [...(f.notes ?? []), layout.note] },
  );
}
