/**
 * Highlights, clips and copy with citation in paste mode (reader.html), as in the reader on a site:
 * the same capture glue (lib/extension/kit/capture), with reader.html's own document as the page
 * and the pasted article's Reader body as the reader surface. The toolbar lives in a shadow root of
 * its own, so the page's styles and the toolbar's do not meet. Saves go to the background like the
 * reader's (reader.html is an extension page: the guard lets it write).
 */
import type { Article } from '../../model';
import { startCapture, type Capture } from '../kit/capture';
import type { CaptureEnv } from '../kit/capture/types';

/** What paste mode needs from the browser: messages and the clipboard. */
export type PasteCaptureIo = Pick<CaptureEnv, 'send' | 'clipboard'>;

/** Start capture on reader.html; `shown` hands it each article the Reader draws (null: none). */
export function startPasteCapture(
  doc: Document,
  io: PasteCaptureIo,
): {
  shown: (article: Article | null, body: { root: HTMLElement; marks: HTMLElement } | null) => void;
  capture: Capture;
} {
  const host = doc.createElement('div');
  host.id = 'epaper-paste-capture';
  doc.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const ui = doc.createElement('div');
  shadow.append(ui);
  const g = globalThis as unknown as {
    CSS?: { highlights?: CaptureEnv['registry'] };
    Highlight?: CaptureEnv['Highlight'];
  };
  const capture = startCapture({
    doc,
    host,
    shadow,
    ui,
    url: doc.location?.href ?? '',
    pageArticle: null,
    send: io.send,
    listen: (target, type, fn) => target.addEventListener(type, fn),
    defer: (fn, ms) => void setTimeout(fn, ms),
    now: () => performance.now(),
    registry: g.CSS?.highlights ?? null,
    Highlight: g.Highlight ?? null,
    clipboard: io.clipboard,
  });
  return {
    capture,
    shown: (article, body) => {
      if (article && body) capture.readerShown(article, body);
      else capture.readerClosed();
    },
  };
}
