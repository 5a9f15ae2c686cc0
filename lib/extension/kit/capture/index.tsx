/**
 * Capture on newspaper pages (issue 4): the selection toolbar, highlights drawn with the CSS Custom
 * Highlight API on the article page and as boxes in the reader panel, clips with their full source,
 * the "not found on this page" list, and the tab's side of the messages (libraryChanged,
 * captureSelection from the context menu / keyboard commands, jumpToHighlight from the popup).
 * Ships in the reader kit (the content script's size budget): one Preact tree (CaptureApp +
 * useCapture) mounted once when the kit arrives. docs/highlights.md describes it.
 */
import { render } from 'preact';
import { createHandler } from '../../../messaging';
import type { Page } from '../../../model';
import { withPageName } from '../../../stitch/page-name';
import { CaptureApp } from './CaptureApp';
import { installStyles } from './page-styles';
import type { Capture, CaptureEnv } from './types';

export type { Capture, CaptureEnv, SendFn } from './types';

/** The browser services capture uses, given by the content script's entrypoint. */
export type CaptureIo = Pick<CaptureEnv, 'send' | 'registry' | 'Highlight' | 'clipboard'> & {
  /** Add a runtime.onMessage listener (removed when the content script is invalidated). */
  onMessage: (listener: ReturnType<typeof createHandler>) => void;
};

/** What the content script knows of the page besides the browser services. */
export type CaptureBase = Omit<CaptureEnv, 'send' | 'registry' | 'Highlight' | 'clipboard' | 'pageArticle'>;

/** Mount the capture app in our shadow UI; listeners belong to the content script's lifecycle. */
export function startCapture(env: CaptureEnv): Capture {
  installStyles(env.doc, env.ui);
  const el = env.doc.createElement('div');
  env.ui.append(el);
  const control: { current: Capture | null } = { current: null };
  render(<CaptureApp env={env} mount={el} control={control} />, el);
  // render() of a fresh tree is synchronous: the first render has filled `control`.
  const now = (): Capture => control.current!;
  return {
    readerShown: (article, body) => now().readerShown(article, body),
    readerClosed: () => now().readerClosed(),
    act: (action, color) => now().act(action, color),
    jump: (id) => now().jump(id),
    refresh: () => now().refresh(),
  };
}

/**
 * Start capture on a page and answer the tab messages meant for it. `page` is the article page as
 * the content script read it (null on a layout page); its article takes the page's 版名 here, in
 * the kit, so the content script carries no code for it.
 */
export function startCaptureOnPage(io: CaptureIo, base: CaptureBase, page: Page | null): Capture {
  const first = page?.articles[0];
  const pageArticle = page && first ? withPageName(first, page) : null;
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
