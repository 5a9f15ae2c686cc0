/**
 * Reader settings (font size, serif/sans, light/dark, line length), kept in `storage.local`: the one store both
 * the content script's panel and reader.html can read directly, without waking the background.
 * This is the only reason the manifest asks for the `storage` permission.
 */

/** What the reader lets the user choose. */
export interface ReaderSettings {
  fontSize: number;
  font: 'serif' | 'sans';
  theme: 'light' | 'dark';
  /**
   * Line length in characters (a CJK character is 1em wide): the text column is this many em wide at
   * any font size, so A+ A+ no longer squeezes a fixed 760 px panel down to 28 characters a line.
   */
  width: ReaderWidth;
}

/** The line lengths offered: 窄 32, 中 38, 宽 46 characters (about 38 is what the panel had at 18 px). */
export const READER_WIDTHS = [32, 38, 46] as const;
export type ReaderWidth = (typeof READER_WIDTHS)[number];

export const DEFAULT_SETTINGS: ReaderSettings = { fontSize: 18, font: 'serif', theme: 'light', width: 38 };
export const FONT_SIZES = { min: 14, max: 28, step: 2 } as const;

const KEY = 'readerSettings';

/** The part of `storage.local` used here (the polyfill's area, or a fake in tests). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Anything stored (old versions, hand edits) → valid settings, defaults for what is off. */
export function normalizeSettings(raw: unknown): ReaderSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ReaderSettings, unknown>>;
  const size =
    typeof r.fontSize === 'number' && Number.isFinite(r.fontSize) ? r.fontSize : DEFAULT_SETTINGS.fontSize;
  return {
    fontSize: Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, Math.round(size))),
    font: r.font === 'sans' ? 'sans' : 'serif',
    theme: r.theme === 'dark' ? 'dark' : 'light',
    width: READER_WIDTHS.find((w) => w === r.width) ?? DEFAULT_SETTINGS.width,
  };
}

/** Read the settings; defaults when storage is missing or fails. */
export async function loadSettings(area: SettingsArea | undefined): Promise<ReaderSettings> {
  try {
    return normalizeSettings(area ? (await area.get(KEY))[KEY] : undefined);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Save the settings; a storage failure only loses the preference, so it is swallowed. */
export async function saveSettings(area: SettingsArea | undefined, s: ReaderSettings): Promise<void> {
  try {
    await area?.set({ [KEY]: normalizeSettings(s) });
  } catch {
    /* keep the in-memory choice */
  }
}
