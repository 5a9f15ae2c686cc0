/**
 * pdf.js's files that reader.html needs at run time, copied from node_modules into the build by a
 * WXT hook (wxt.config.ts), so no binary CMap is committed: the worker, and only the GB CMaps
 * (GB*, GBK*, UniGB*, Adobe-GB1*: Chinese PDFs with predefined CMaps give no text without them;
 * the other 150-odd are Japanese, Korean and Big5). Paths inside the extension: PDF_ASSET_PATHS.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDF_ASSET_PATHS } from '../lib/extension/pages/pdf-paths';

const GB = /^(?:GB|GBK|UniGB|Adobe-GB1)/;

/** { absoluteSrc, relativeDest } for each file, as WXT's build:publicAssets hook takes them. */
export function pdfjsAssets(): Array<{ absoluteSrc: string; relativeDest: string }> {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const strip = (p: string) => p.replace(/^\//, '');
  const files = [
    {
      absoluteSrc: join(root, 'legacy/build/pdf.worker.min.mjs'),
      relativeDest: strip(PDF_ASSET_PATHS.worker),
    },
  ];
  for (const name of readdirSync(join(root, 'cmaps')))
    if (GB.test(name))
      files.push({
        absoluteSrc: join(root, 'cmaps', name),
        relativeDest: strip(PDF_ASSET_PATHS.cmaps) + name,
      });
  return files;
}
