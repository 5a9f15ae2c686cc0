/** The Obsidian settings, set once: vault name, folder in the vault, append to or replace a note that exists. */
import type { JSX } from 'preact';
import type { ObsidianSettings } from '../../lib/handoff/obsidian';
import { t } from '../../lib/extension/shared/i18n';

export interface ObsidianSettingsFormProps {
  settings: ObsidianSettings;
  onSettings: (s: ObsidianSettings) => void;
}

/** Collapsed under a summary line, so the bar stays one row. */
export function ObsidianSettingsForm(props: ObsidianSettingsFormProps): JSX.Element {
  const s = props.settings;
  const text = (key: 'vault' | 'folder') => (e: Event) =>
    props.onSettings({ ...s, [key]: (e.currentTarget as HTMLInputElement).value });
  return (
    <details class="handoff-settings">
      <summary>{t('obsidianSettingsTitle')}</summary>
      <label>
        {t('obsidianVault')}{' '}
        <input type="text" data-testid="obsidian-vault" value={s.vault} onChange={text('vault')} />
      </label>{' '}
      <label>
        {t('obsidianFolderLabel')}{' '}
        <input type="text" data-testid="obsidian-folder" value={s.folder} onChange={text('folder')} />
      </label>{' '}
      <label>
        {t('obsidianMode')}{' '}
        <select
          data-testid="obsidian-mode"
          value={s.mode}
          onChange={(e) =>
            props.onSettings({
              ...s,
              mode: (e.currentTarget as HTMLSelectElement).value === 'overwrite' ? 'overwrite' : 'append',
            })
          }
        >
          <option value="append">{t('obsidianAppend')}</option>
          <option value="overwrite">{t('obsidianOverwrite')}</option>
        </select>
      </label>
    </details>
  );
}
