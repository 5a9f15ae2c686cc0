// Content script: wiring only. It runs on the e-paper URL patterns and known hosts of
// lib/extension/hosts.ts (plus sites switched on from the popup, registered at run time).
import { browser } from 'wxt/browser';
import { startContentApp } from '../../lib/extension/content-app';
import { fetchHtml } from '../../lib/extension/fetch-html';
import { CONTENT_MATCHES } from '../../lib/extension/hosts';
import { backgroundFetch, messageCache } from '../../lib/extension/page-cache';
import { htmlToDocument } from '../../lib/extension/parse';
import { readPage } from '../../lib/sites';
import { stitchArticle } from '../../lib/stitch';

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
      listen: (target, type, fn) => ctx.addEventListener(target, type, fn),
      defer: (fn, ms) => void ctx.setTimeout(fn, ms),
      onInvalidated: (fn) => ctx.onInvalidated(fn),
      readPage,
      stitch: stitchArticle,
      loader: {
        fetchSameOrigin: (url) => fetchHtml((u, init) => fetch(u, init), url),
        fetchOtherOrigin: backgroundFetch(browser.runtime),
        cache: messageCache(browser.runtime),
        parse: (html, url) => readPage(htmlToDocument(html, url, parser), url),
      },
      settings: browser.storage?.local,
    });
  },
});
