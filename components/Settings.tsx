/** Reader settings controls: smaller/larger type, serif/sans, light/dark, line length. */
import type { JSX } from 'preact';
import { t } from '../lib/extension/shared/i18n';
import { FONT_SIZES, READER_WIDTHS, type ReaderSettings } from '../lib/extension/shared/reader-settings';
import { trusted } from '../lib/extension/shared/trusted';

export interface SettingsProps {
  value: ReaderSettings;
  onChange: (s: ReaderSettings) => void;
}

const WIDTH_KEYS = { 32: 'readerWidthNarrow', 38: 'readerWidthMedium', 46: 'readerWidthWide' } as const;

/**
 * Small buttons; each (trusted) press hands a whole new settings object to `onChange`. A toggle
 * keeps one label and says its state with aria-pressed (「黑体」 pressed = sans), never a label that
 * flips to name the other state while aria-pressed flips too (that read as its own opposite).
 */
export function Settings({ value, onChange }: SettingsProps): JSX.Element {
  const size = (d: number) =>
    onChange({ ...value, fontSize: Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, value.fontSize + d)) });
  return (
    <span class="reader-settings" role="group" aria-label={t('settings')}>
      <button
        type="button"
        data-testid="font-smaller"
        title={t('fontSmaller')}
        aria-label={t('fontSmaller')}
        onClick={trusted(() => size(-FONT_SIZES.step))}
      >
        A−
      </button>
      <button
        type="button"
        data-testid="font-larger"
        title={t('fontLarger')}
        aria-label={t('fontLarger')}
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
        {t('fontSans')}
      </button>
      <button
        type="button"
        data-testid="theme"
        aria-pressed={value.theme === 'dark'}
        onClick={trusted(() => onChange({ ...value, theme: value.theme === 'light' ? 'dark' : 'light' }))}
      >
        {t('themeDark')}
      </button>
      <span class="reader-widths" role="group" aria-label={t('readerWidth')}>
        {READER_WIDTHS.map((w) => (
          <button
            key={w}
            type="button"
            data-testid={`width-${w}`}
            aria-pressed={value.width === w}
            title={t('readerWidthChars', [String(w)])}
            onClick={trusted(() => onChange({ ...value, width: w }))}
          >
            {t(WIDTH_KEYS[w])}
          </button>
        ))}
      </span>
    </span>
  );
}
