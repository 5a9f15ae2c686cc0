// Content script: wiring only. It runs on the e-paper URL patterns and known hosts of
// lib/extension/shared/site-patterns.ts (plus sites switched on from the popup, registered at run time).
// The reader (stitcher, loader, Reader view) is a separate kit loaded on first use.
import { browser } from 'wxt/browser';
import { startContentApp } from '../../lib/extension/content/app';
import { CONTENT_MATCHES } from '../../lib/extension/shared/site-patterns';
import { KIT_PATH, kitLoader } from '../../lib/extension/content/kit-loader';
import { htmlToDocument } from '../../lib/extension/shared/parse-html';
import type { CaptureIo } from '../../lib/extension/kit/capture';
import { send } from '../../lib/messaging';
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
      capture: captureIo(ctx),
    });
  },
});

/** The browser services of highlights and clips: messages, the CSS highlight registry, the clipboard. */
function captureIo(ctx: { onInvalidated(fn: () => void): void }): CaptureIo {
  const g = globalThis as unknown as {
    CSS?: { highlights?: CaptureIo['registry'] };
    Highlight?: CaptureIo['Highlight'];
  };
  type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];
  return {
    send: (req) => send(browser.runtime, req),
    registry: g.CSS?.highlights ?? null,
    Highlight: g.Highlight ?? null,
    clipboard: (text) =>
      navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      ),
    onMessage: (listener) => {
      browser.runtime.onMessage.addListener(listener as Listener);
      ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener as Listener));
    },
  };
}
