/**
 * What the handoff keeps in browser.storage.local (not the library database, whose schema is
 * versioned elsewhere): per article what Zotero was sent (`zoteroSent:<article key>`), per article
 * whether Obsidian has its note (`obsidianSent:<article key>`), and the Obsidian settings.
 */
import { readRecord, type SentRecord } from '../../../handoff/sent.ts';
import type { SentStore } from '../../../handoff/zotero-send.ts';
import { DEFAULT_OBSIDIAN, type ObsidianSettings } from '../../../handoff/obsidian.ts';

/** The part of storage.local the stores use. */
export interface LocalArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const ZOTERO = 'zoteroSent:';
const OBSIDIAN = 'obsidianSent:';
const SETTINGS = 'obsidianSettings';

/** Zotero's sent records, one storage key per article. */
export function zoteroSentStore(area: LocalArea): SentStore {
  return {
    async get(keys) {
      const got = keys.length ? await area.get(keys.map((k) => ZOTERO + k)) : {};
      const out = new Map<string, SentRecord>();
      for (const k of keys) {
        const r = readRecord(got[ZOTERO + k]);
        if (r) out.set(k, r);
      }
      return out;
    },
    async set(records) {
      const items: Record<string, unknown> = {};
      records.forEach((r, k) => (items[ZOTERO + k] = r));
      await area.set(items);
    },
  };
}

/** Which articles Obsidian has a note for (sent at), so an append does not repeat the properties. */
export async function obsidianSent(area: LocalArea, keys: readonly string[]): Promise<Set<string>> {
  const got = keys.length ? await area.get(keys.map((k) => OBSIDIAN + k)) : {};
  return new Set(keys.filter((k) => typeof got[OBSIDIAN + k] === 'number'));
}

export async function markObsidianSent(area: LocalArea, keys: readonly string[], now: number): Promise<void> {
  await area.set(Object.fromEntries(keys.map((k) => [OBSIDIAN + k, now])));
}

/** The Obsidian settings, defaults for anything missing or of the wrong type. */
export async function loadObsidianSettings(area: LocalArea): Promise<ObsidianSettings> {
  const v = (await area.get(SETTINGS))[SETTINGS] as Partial<ObsidianSettings> | undefined;
  return {
    vault: typeof v?.vault === 'string' ? v.vault : DEFAULT_OBSIDIAN.vault,
    folder: typeof v?.folder === 'string' ? v.folder : DEFAULT_OBSIDIAN.folder,
    mode: v?.mode === 'overwrite' ? 'overwrite' : 'append',
  };
}

export async function saveObsidianSettings(area: LocalArea, s: ObsidianSettings): Promise<void> {
  await area.set({ [SETTINGS]: s });
}
