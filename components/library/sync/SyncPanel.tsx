/**
 * The sync settings panel on the library page (docs/sync.md): a WebDAV address with the 坚果云 and
 * Nextcloud forms named, user, password, 「测试连接」, sync now, turn off; and the state (last
 * synced, pending changes, the last error in words). Presentational: the page's glue
 * (lib/extension/pages/library/sync.ts) does the storage, the permission and the requests.
 */
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../../../lib/extension/shared/i18n';
import type { SyncSettings, SyncStatus } from '../../../lib/extension/shared/sync-settings';
import { syncErrorText, syncStatusText } from '../../../lib/extension/shared/sync-text';

/** A result line under the buttons. */
export interface PanelMessage {
  text: string;
  error: boolean;
}

export interface SyncPanelProps {
  settings: SyncSettings | null;
  status: SyncStatus | null;
  /** Each returns the sentence to show. */
  onTest: (s: SyncSettings) => Promise<PanelMessage>;
  onSave: (s: SyncSettings) => Promise<PanelMessage>;
  onSyncNow: () => Promise<PanelMessage>;
  onTurnOff: () => Promise<PanelMessage>;
}

const EMPTY: SyncSettings = { url: '', user: '', password: '', enabled: false };

export function SyncPanel(props: SyncPanelProps): JSX.Element {
  const [form, setForm] = useState<SyncSettings>(props.settings ?? EMPTY);
  // What was typed, read by the buttons even before the next render.
  const typed = useRef(form);
  const [message, setMessage] = useState<PanelMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const on = props.settings?.enabled === true;
  const act = (fn: () => Promise<PanelMessage>) => () => {
    setBusy(true);
    void fn()
      .then(setMessage, (e: unknown) => setMessage({ text: String(e), error: true }))
      .finally(() => setBusy(false));
  };
  const field = (name: 'url' | 'user' | 'password') => (e: Event) => {
    typed.current = { ...typed.current, [name]: (e.currentTarget as HTMLInputElement).value };
    setForm(typed.current);
  };
  const error = props.status?.lastError;
  return (
    <details class="lib-sync" data-testid="sync-panel">
      <summary>
        {t('syncTitle')} ·{' '}
        <span data-testid="sync-state">{on ? syncStatusText(props.status, t) : t('syncOff')}</span>
        {on && error && (
          <span class="lib-status error" data-testid="sync-error" role="alert">
            {' '}
            {syncErrorText(error, t)}
          </span>
        )}
      </summary>
      <div class="lib-export" role="group" aria-label={t('syncTitle')}>
        <input
          type="url"
          data-testid="sync-url"
          aria-label={t('syncUrl')}
          placeholder="https://dav.jianguoyun.com/dav/"
          size={40}
          value={form.url}
          onInput={field('url')}
        />
        <input
          type="text"
          data-testid="sync-user"
          aria-label={t('syncUser')}
          placeholder={t('syncUser')}
          autoComplete="username"
          value={form.user}
          onInput={field('user')}
        />
        <input
          type="password"
          data-testid="sync-password"
          aria-label={t('syncPassword')}
          placeholder={t('syncPassword')}
          autoComplete="current-password"
          value={form.password}
          onInput={field('password')}
        />
        <button
          type="button"
          data-testid="sync-test"
          disabled={busy}
          onClick={act(() => props.onTest(typed.current))}
        >
          {t('syncTest')}
        </button>
        <button
          type="button"
          data-testid="sync-save"
          disabled={busy}
          onClick={act(() => props.onSave({ ...typed.current, enabled: true }))}
        >
          {t('syncSave')}
        </button>
        {on && (
          <button type="button" data-testid="sync-now" disabled={busy} onClick={act(props.onSyncNow)}>
            {t('syncNow')}
          </button>
        )}
        {on && (
          <button type="button" data-testid="sync-off" disabled={busy} onClick={act(props.onTurnOff)}>
            {t('syncTurnOff')}
          </button>
        )}
      </div>
      <p class="muted" data-testid="sync-hint">
        {t('syncHint')}
      </p>
      {message && (
        <p class={message.error ? 'lib-status error' : 'lib-status'} data-testid="sync-message" role="status">
          {message.text}
        </p>
      )}
    </details>
  );
}
