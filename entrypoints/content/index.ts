// Content script: wiring only. It runs on the e-paper URL patterns and known hosts of
// lib/extension/shared/site-patterns.ts (plus sites switched on from the popup, registered at run time).
// The reader (stitcher, loader, Reader view) is a separate kit loaded on first use; so are the browser
// services of highlights and clips (entrypoints/reader-kit.ts), which only the kit uses.
import { browser } from 'wxt/browser';
import { startContentApp } from '../../lib/extension/content/app';
import { CONTENT_MATCHES } from '../../lib/extension/shared/site-patterns';
import { KIT_PATH, kitLoader } from '../../lib/extension/content/kit-loader';
import { htmlToDocument } from '../../lib/extension/shared/parse-html';
import { readPage } from '../../lib/sites';

export default defineContentScript({
  matches: [...CONTENT_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const t0 = performance.now();
    const parser = new DOMParser();
    startContentApp({
      doc: document,
      url: location.href,
      t0,
      now: () => performance.now(),
      listen: (target, type, fn, opts) => ctx.addEventListener(target, type, fn, opts),
      defer: (fn, ms) => void ctx.setTimeout(fn, ms),
      onInvalidated: (fn) => ctx.onInvalidated(fn),
      readPage,
      parse: (html, url) => readPage(htmlToDocument(html, url, parser), url),
      loadKit: kitLoader((browser.runtime.getURL as (path: string) => string)(KIT_PATH)),
    });
  },
});
