/**
 * The popup's 「从本版 PDF 阅读」: a layout page links its own page PDF (「PDF下载」, 人民日报
 * `…/page/2018-01/02/07/rmrb2018010207.pdf`, 海南日报 `resfile/…/hnrb20230713001.pdf`). The popup finds
 * that link by running `pdfLinksInPage` in the tab once (scripting + activeTab, on the user's click
 * that opened the popup), so the content script does not grow by a byte.
 */

/**
 * Runs IN the newspaper's tab through scripting.executeScript: self-contained (no imports, no
 * outer variables), reads link URLs only. At most 8 http(s) links to a .pdf, in document order.
 */
export function pdfLinksInPage(): string[] {
  const out: string[] = [];
  for (const a of Array.from(document.querySelectorAll('a[href]'))) {
    const href = (a as HTMLAnchorElement).href;
    if (/^https?:/i.test(href) && /\.pdf(?:[?#]|$)/i.test(href) && !out.includes(href)) out.push(href);
    if (out.length >= 8) break;
  }
  return out;
}

/** The page's PDF among what the tab returned: the first link (a layout page links only its own). */
export function pagePdf(result: unknown): string {
  return Array.isArray(result) && typeof result[0] === 'string' ? result[0] : '';
}

/** reader.html reading that PDF, cut by the image map of the layout page it was opened from. */
export function readerPdfPath(pdf: string, layoutPage = ''): string {
  const page = layoutPage ? `&page=${encodeURIComponent(layoutPage)}` : '';
  return `/reader.html?pdf=${encodeURIComponent(pdf)}${page}`;
}
