/** The reader panel over the page: a focusable dialog holding the Reader while open, nothing when closed. */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { Reader } from '../../../../components/Reader';
import { t } from '../../shared/i18n';
import type { PanelControl, PanelEnv } from './types';
import { usePanel, type PanelRefs } from './usePanel';

/** The reader's side padding (2 × 32 px) and room for a scrollbar. */
const PANEL_CHROME = 64 + 20;

/** The panel; `control` receives its open/close/isOpen for the content script. */
export function Panel(props: {
  env: PanelEnv;
  control: { current: PanelControl | null };
}): JSX.Element | null {
  const refs: PanelRefs = {
    panel: useRef<HTMLDivElement>(null),
    body: useRef<HTMLDivElement>(null),
    marks: useRef<HTMLDivElement>(null),
  };
  const { view, settings, setSettings, refresh, close } = usePanel(props.env, refs, props.control);
  const [handoff, setHandoff] = useState<{ key: string; text: string; error: boolean } | null>(null);
  if (!view) return null;
  const open = props.env.openHandoff;
  const key = view.article?.key ?? '';
  const toZotero =
    open && key
      ? () =>
          void open(key).then((r) =>
            setHandoff({
              key,
              // The refusal's reason is the background's, in English: the sentence says what to do instead.
              text: r.ok ? t('readerZoteroOpened') : t('readerZoteroFailed'),
              error: !r.ok,
            }),
          )
      : undefined;
  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="false"
      tabIndex={-1}
      ref={refs.panel}
      // As wide as the chosen line length at the chosen size, plus the reader's padding and a scrollbar.
      style={{ width: `min(100vw, ${settings.width * settings.fontSize + PANEL_CHROME}px)` }}
    >
      <Reader
        article={view.article}
        problems={view.problems}
        progress={view.progress}
        bodyRef={refs.body}
        marksRef={refs.marks}
        settings={settings}
        onSettings={setSettings}
        onRefresh={refresh}
        onClose={close}
        onIssue={props.env.openIssue}
        onZotero={toZotero}
        // Only about the article it was said of: another article opened in the panel starts clean.
        handoffStatus={handoff?.key === key ? handoff : undefined}
      />
    </div>
  );
}
