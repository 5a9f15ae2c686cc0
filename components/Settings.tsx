/** Reader settings controls: smaller/larger type, serif/sans, light/dark. */
import type { JSX } from 'preact';
import { t } from '../lib/extension/shared/i18n';
import { FONT_SIZES, type ReaderSettings } from '../lib/extension/shared/reader-settings';
import { trusted } from '../lib/extension/shared/trusted';

export interface SettingsProps {
  value: ReaderSettings;
  onChange: (s: ReaderSettings) => void;
}

/** Four small buttons; each (trusted) press hands a whole new settings object to `onChange`. */
export function Settings({ value, onChange }: SettingsProps): JSX.Element {
  const size = (d: number) =>
    onChange({ ...value, fontSize: Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, value.fontSize + d)) });
  return (
    <span class="reader-settings" role="group" aria-label={t('settings')}>
      <button
        type="button"
        data-testid="font-smaller"
        title={t('fontSmaller')}
        onClick={trusted(() => size(-FONT_SIZES.step))}
      >
        A−
      </button>
      <button
        type="button"
        data-testid="font-larger"
        title={t('fontLarger')}
        onClick={trusted(() => size(FONT_SIZES.step))}
      >
        A+
      </button>
      <button
        type="button"
        data-testid="font-family"
        aria-pressed={value.font === 'sans'}
        onClick={trusted(() => onChange({ ...value, font: value.font === 'serif' ? 'sans' : 'serif' }))}
      >
        {value.font === 'serif' ? t('fontSans') : t('fontSerif')}
      </button>
      <button
        type="button"
        data-testid="theme"
        aria-pressed={value.theme === 'dark'}
        onClick={trusted(() => onChange({ ...value, theme: value.theme === 'light' ? 'dark' : 'light' }))}
      >
        {value.theme === 'light' ? t('themeDark') : t('themeLight')}
      </button>
    </span>
  );
}
