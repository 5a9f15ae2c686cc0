/**
 * The sync settings panel on the library page (docs/sync.md): a WebDAV address with the 坚果云 and
 * Nextcloud forms named, user, password, an optional encryption passphrase, 「测试连接」, sync now,
 * turn off; and the state (last synced, pending changes, the last error in words). Presentational:
 * the page's glue (lib/extension/pages/library/sync.ts) does the storage, the permission and the
 * requests.
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

interface Field {
  name: 'url' | 'user' | 'password' | 'passphrase';
  type: string;
  label: string;
  placeholder?: string;
  size?: number;
  autoComplete?: string;
}

/** The typed fields: one table, so each input is the same code with its own type and words. */
const FIELDS: Field[] = [
  { name: 'url', type: 'url', label: 'syncUrl', placeholder: 'https://dav.jianguoyun.com/dav/', size: 40 },
  { name: 'user', type: 'text', label: 'syncUser', autoComplete: 'username' },
  { name: 'password', type: 'password', label: 'syncPassword', autoComplete: 'current-password' },
  // Not a login password: the browser must not offer to save or fill it.
  { name: 'passphrase', type: 'password', label: 'syncPassphrase', autoComplete: 'new-password' },
];

export function SyncPanel(props: SyncPanelProps): JSX.Element {
  const [form, setForm] = useState<SyncSettings>(props.settings ?? EMPTY);
  // What was typed, read by the buttons even before the next render.
  const typed = useRef(form);
  const [message, setMessage] = useState<PanelMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const on = props.settings?.enabled === true;
  const button = (id: string, label: string, fn: () => Promise<PanelMessage>) => (
    <button
      type="button"
      data-testid={id}
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void fn()
          .then(setMessage, (e: unknown) => setMessage({ text: String(e), error: true }))
          .finally(() => setBusy(false));
      }}
    >
      {t(label)}
    </button>
  );
  const error = props.status?.lastError;
  return (
    <details class="lib-sync" data-testid="sync-panel">
      <summary>
        {t('syncTitle')} ·{' '}
        <span data-testid="sync-state">
          {on ? syncStatusText(props.status, t) : t('syncOff')}
          {on && props.settings?.passphrase ? ` · ${t('syncEncryptedOn')}` : ''}
        </span>
        {on && error && (
          <span class="lib-status error" data-testid="sync-error" role="alert">
            {' '}
            {syncErrorText(error, t)}
          </span>
        )}
      </summary>
      <div class="lib-export" role="group" aria-label={t('syncTitle')}>
        {FIELDS.map((f) => (
          <input
            key={f.name}
            // Preact types <input> as a union keyed on a literal `type`; the table holds plain strings.
            {...({ type: f.type } as { type: 'text' })}
            data-testid={`sync-${f.name}`}
            aria-label={t(f.label)}
            placeholder={f.placeholder ?? t(f.label)}
            size={f.size}
            autoComplete={f.autoComplete}
            value={form[f.name] ?? ''}
            onInput={(e) => {
              typed.current = { ...typed.current, [f.name]: e.currentTarget.value };
              setForm(typed.current);
            }}
          />
        ))}
        {button('sync-test', 'syncTest', () => props.onTest(typed.current))}
        {button('sync-save', 'syncSave', () => props.onSave({ ...typed.current, enabled: true }))}
        {on && button('sync-now', 'syncNow', props.onSyncNow)}
        {on && button('sync-off', 'syncTurnOff', props.onTurnOff)}
      </div>
      <p class="muted" data-testid="sync-hint">
        {t('syncHint')}
      </p>
      <p class="muted" data-testid="sync-passphrase-hint">
        {t('syncPassphraseHint')}
      </p>
      {message && (
        <p class={message.error ? 'lib-status error' : 'lib-status'} data-testid="sync-message" role="status">
          {message.text}
        </p>
      )}
    </details>
  );
}
