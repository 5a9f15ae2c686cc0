/**
 * The export settings (highlights as `==text==` or `<mark>`, GB/T 7714-2015 or 2025) in
 * `storage.local` under `exportSettings`, next to the reader's settings.
 */
import type { SettingsArea } from '../../shared/reader-settings.ts';
import { DEFAULT_EXPORT, type ExportSettings } from './exporting.ts';

const KEY = 'exportSettings';

/** Anything stored → valid settings (defaults for what is off). */
export function normalizeExport(raw: unknown): ExportSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    marks: r.marks === 'html' ? 'html' : DEFAULT_EXPORT.marks,
    style: r.style === '2025' ? '2025' : DEFAULT_EXPORT.style,
  };
}

/** Read the settings; defaults when storage is missing or fails. */
export async function loadExportSettings(area: SettingsArea | undefined): Promise<ExportSettings> {
  try {
    return normalizeExport(area ? (await area.get(KEY))[KEY] : undefined);
  } catch {
    return { ...DEFAULT_EXPORT };
  }
}

/** Save them; a storage failure only loses the preference. */
export async function saveExportSettings(area: SettingsArea | undefined, s: ExportSettings): Promise<void> {
  try {
    await area?.set({ [KEY]: normalizeExport(s) });
  } catch {
    /* keep the in-memory choice */
  }
}
