/**
 * Export and backup controls: copy Markdown, download .md / .zip / CSL-JSON / RIS (the selection when rows
 * are selected, else everything), the highlight and citation style settings, backup and restore.
 */
import type { JSX } from 'preact';
import { t } from '../../lib/extension/shared/i18n';
import type { ExportSettings } from '../../lib/extension/pages/library/exporting';

export interface ExportPanelProps {
  selected: number;
  /** Nothing in the library: nothing to export or back up (restore stays open). */
  empty: boolean;
  settings: ExportSettings;
  busy: boolean;
  onSettings: (s: ExportSettings) => void;
  onCopy: () => void;
  onMarkdown: () => void;
  onZip: () => void;
  onCsl: () => void;
  onRis?: () => void;
  onBackup: () => void;
  onRestore: (file: File) => void;
}

/** The bar. */
export function ExportPanel(props: ExportPanelProps): JSX.Element {
  const s = props.settings;
  const scope = props.selected > 0 ? t('scopeSelection', [String(props.selected)]) : t('scopeAll');
  const off = props.busy || props.empty;
  return (
    <div class="lib-export" role="group" aria-label={t('exportTitle')}>
      <span class="muted">
        {t('exportTitle')} · <span data-testid="export-scope">{scope}</span>
      </span>
      <button type="button" data-testid="export-copy" disabled={off} onClick={props.onCopy}>
        {t('copyMarkdown')}
      </button>
      <button type="button" data-testid="export-md" disabled={off} onClick={props.onMarkdown}>
        {t('downloadMarkdown')}
      </button>
      <button type="button" data-testid="export-zip" disabled={off} onClick={props.onZip}>
        {t('downloadZip')}
      </button>
      <button type="button" data-testid="export-csl" disabled={off} onClick={props.onCsl}>
        {t('downloadCsl')}
      </button>
      {props.onRis && (
        <button type="button" data-testid="export-ris" disabled={off} onClick={props.onRis}>
          {t('downloadRis')}
        </button>
      )}
      <label>
        {t('markStyle')}{' '}
        <select
          data-testid="setting-marks"
          value={s.marks}
          onChange={(e) =>
            props.onSettings({
              ...s,
              marks: (e.currentTarget as HTMLSelectElement).value === 'html' ? 'html' : 'equals',
            })
          }
        >
          <option value="equals">{t('marksEquals')}</option>
          <option value="html">{t('marksHtml')}</option>
        </select>
      </label>
      <label>
        {t('citationStyle')}{' '}
        <select
          data-testid="setting-style"
          value={s.style}
          onChange={(e) =>
            props.onSettings({
              ...s,
              style: (e.currentTarget as HTMLSelectElement).value === '2025' ? '2025' : '2015',
            })
          }
        >
          <option value="2015">GB/T 7714-2015</option>
          <option value="2025">GB/T 7714—2025</option>
        </select>
      </label>
      <span class="sep" />
      <button type="button" data-testid="backup" disabled={off} onClick={props.onBackup}>
        {t('backup')}
      </button>
      {/* The file input stays in the tab order (only visually hidden): 「从备份恢复」 by keyboard too. */}
      <label class="file-button">
        {t('restore')}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="restore-file"
          disabled={props.busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) props.onRestore(file);
          }}
        />
      </label>
    </div>
  );
}
