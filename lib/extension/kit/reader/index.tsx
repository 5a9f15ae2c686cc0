/**
 * The reader panel inside the shadow root, one Preact tree (Panel + usePanel) mounted once when the
 * kit arrives; the content script drives it through the returned handle, and the panel hands each
 * finished article and its body to `onArticle` and says when it closed (`onClose`), so nobody looks
 * our UI up by selector.
 */
import { render } from 'preact';
import { READER_CSS } from '../../../../components/styles';
import { startCaptureOnPage } from '../capture';
import { runReader, type ReaderStart } from '../reader-session';
import { Panel } from './Panel';
import type { PanelControl, PanelEnv, ReaderPanel } from './types';

export type { PanelEnv, ReaderBody, ReaderPanel } from './types';

/** Mount the (closed) panel; settings are read once, in the background. */
export function createReaderPanel(env: PanelEnv): ReaderPanel {
  const doc = env.ui.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = READER_CSS;
  const el = doc.createElement('div');
  env.ui.append(style, el);
  const control: { current: PanelControl | null } = { current: null };
  render(<Panel env={env} control={control} />, el);
  // render() of a fresh tree is synchronous: the first render has filled `control`.
  const now = (): PanelControl => control.current!;
  return {
    open: (from, t0) => now().open(from, t0),
    close: () => now().close(),
    isOpen: () => now().isOpen(),
    warm: async (from: ReaderStart) => {
      await runReader(from, env.stitch, env.source, { offline: true }, () => undefined).catch(
        () => undefined,
      );
    },
    startCapture: startCaptureOnPage,
  };
}
