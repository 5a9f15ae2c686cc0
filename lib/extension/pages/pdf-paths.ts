/** Where pdf.js's worker and GB CMaps sit inside the extension (copied there by scripts/pdfjs-assets.ts). */
export const PDF_ASSET_PATHS = {
  worker: '/pdfjs/pdf.worker.min.mjs',
  cmaps: '/pdfjs/cmaps/',
} as const;
