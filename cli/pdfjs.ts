/**
 * pdf.js for Node: the legacy build (the modern one needs Map.prototype.getOrInsertComputed and
 * DOMMatrix, docs/toolchain), loaded only when a PDF is read, and the CMaps from node_modules.
 * Node 20 lacks Promise.withResolvers, which even the legacy build calls: it is added here, for the
 * CLI's process only, before pdf.js loads.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfJs, ReadPdfOptions } from '../lib/pdf/load';

type WithResolvers = <T>() => { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };

function polyfill(): void {
  const P = Promise as unknown as { withResolvers?: WithResolvers };
  if (P.withResolvers) return;
  P.withResolvers = <T>() => {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((a, b) => {
      resolve = a;
      reject = b;
    });
    return { promise, resolve, reject };
  };
}

let loaded: Promise<PdfJs> | null = null;

/** pdf.js (legacy build), loaded once. */
export function nodePdfJs(): Promise<PdfJs> {
  polyfill();
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJs>;
  return loaded;
}

/** Where Node's pdf.js reads its packed CMaps: pdfjs-dist's own folder (a path, read with fs). */
export function nodePdfOptions(): ReadPdfOptions {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(root, 'cmaps') + '/',
    extra: { standardFontDataUrl: join(root, 'standard_fonts') + '/', verbosity: 0 },
  };
}
