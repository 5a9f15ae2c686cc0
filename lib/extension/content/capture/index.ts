/**
 * Capture on newspaper pages (issue 4): the selection toolbar, highlights drawn with the CSS Custom
 * Highlight API on the article page and in the reader panel, clips with their full source, the
 * "not found on this page" list, and the tab's side of the messages (libraryChanged,
 * captureSelection from the context menu / keyboard commands, jumpToHighlight from the popup).
 * docs/highlights.md describes it.
 */
import { createHandler } from '../../../messaging';
import type { Article } from '../../../model';
import { startCapture, type Capture, type CaptureEnv } from './controller';

export { startCapture, type Capture, type CaptureEnv, type SendFn } from './controller';

/** The browser services capture uses, given by the content script's entrypoint. */
export type CaptureIo = Pick<CaptureEnv, 'send' | 'registry' | 'Highlight' | 'clipboard'> & {
  /** Add a runtime.onMessage listener (removed when the content script is invalidated). */
  onMessage: (listener: ReturnType<typeof createHandler>) => void;
};

/** What the content script knows of the page besides the browser services. */
export type CaptureBase = Omit<CaptureEnv, 'send' | 'registry' | 'Highlight' | 'clipboard' | 'pageArticle'>;

/** Start capture on a page and answer the tab messages meant for it. */
export function startCaptureOnPage(io: CaptureIo, base: CaptureBase, pageArticle: Article | null): Capture {
  const capture = startCapture({ ...base, ...io, pageArticle });
  io.onMessage(
    createHandler(
      {
        libraryChanged: async () => {
          await capture.refresh();
          return { ok: true, value: null };
        },
        captureSelection: (m) => capture.act(m.action, m.color),
        jumpToHighlight: async (m) => ({ ok: true, value: await capture.jump(m.id) }),
      },
      // Only these three: any other message is the background's to answer.
      { answerUnknown: false },
    ),
  );
  return capture;
}
