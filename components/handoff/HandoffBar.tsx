/**
 * 「存入 Zotero」 and 「发送到 Obsidian」 for the library page (the selection, or everything) and the
 * popup (the current article): the buttons, the status line, 「只发送新的」 when Zotero has the
 * article already, a link to Obsidian when the browser did not open it, and the Obsidian settings.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ObsidianSettings } from '../../lib/handoff/obsidian';
import type { GroupLoader, Handoff, HandoffAnswer } from '../../lib/extension/pages/handoff/handoff';
import { t } from '../../lib/extension/shared/i18n';
import { ObsidianSettingsForm } from './ObsidianSettingsForm';

export interface HandoffBarProps {
  handoff: Handoff;
  /** The articles the buttons work on, read when a button is pressed. */
  load: GroupLoader;
  settings: ObsidianSettings;
  onSettings: (s: ObsidianSettings) => void;
  /** Opened from the reader's 「存入 Zotero」: focus that button (Enter sends) and say why. */
  focus?: 'zotero';
}

/** The bar. */
export function HandoffBar(props: HandoffBarProps): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<HandoffAnswer | null>(null);
  const zotero = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.focus === 'zotero') zotero.current?.focus();
  }, [props.focus]);
  const run = (work: () => Promise<HandoffAnswer>) => {
    setBusy(true);
    void work().then(
      (a) => {
        setAnswer(a);
        setBusy(false);
      },
      (e: unknown) => {
        setAnswer({ ok: false, text: e instanceof Error ? e.message : String(e) });
        setBusy(false);
      },
    );
  };
  const h = props.handoff;
  const folder = h.obsidianFolder;
  return (
    <div class="handoff" role="group" aria-label={t('handoffTitle')} data-testid="handoff">
      {props.focus === 'zotero' && !answer && (
        <span class="handoff-hint" data-testid="handoff-hint">
          {t('handoffFromReader')}
        </span>
      )}
      <button
        type="button"
        data-testid="to-zotero"
        ref={zotero}
        disabled={busy}
        onClick={() => run(() => h.zotero(props.load))}
      >
        {t('handoffZotero')}
      </button>
      {answer?.offerNew !== undefined && (
        <button
          type="button"
          data-testid="zotero-only-new"
          disabled={busy}
          title={t('zoteroOnlyNewHint')}
          onClick={() => run(() => h.zotero(props.load, true))}
        >
          {t('handoffOnlyNew', [String(answer.offerNew)])}
        </button>
      )}
      <button
        type="button"
        data-testid="to-obsidian"
        disabled={busy}
        onClick={() => run(() => h.obsidian(props.load, props.settings))}
      >
        {t('handoffObsidian')}
      </button>
      {folder && (
        <button
          type="button"
          data-testid="to-folder"
          disabled={busy}
          onClick={() => run(() => folder(props.load, props.settings))}
        >
          {t('handoffFolder')}
        </button>
      )}
      <ObsidianSettingsForm settings={props.settings} onSettings={props.onSettings} />
      {answer && (
        <span
          class={answer.ok ? 'lib-status' : 'lib-status error'}
          data-testid="handoff-status"
          role="status"
        >
          {answer.text}
        </span>
      )}
      {answer?.uri && (
        <a href={answer.uri} data-testid="obsidian-link">
          {t('obsidianOpen')}
        </a>
      )}
    </div>
  );
}
