/**
 * The 「存入 Zotero」 and 「发送到 Obsidian」 buttons as functions, for the library page and the popup:
 * each loads the articles it is given (the selection, or the popup's article), does the work
 * through lib/handoff and answers with a translated sentence for the status line. Permission
 * requests and the folder picker are started first, while the click's user gesture still holds.
 */
import type { ArticleGroup } from '../../../export/selection.ts';
import { obsidianNote, obsidianUri, vaultFolder, type ObsidianSettings } from '../../../handoff/obsidian.ts';
import type { ZoteroFailure } from '../../../handoff/zotero-client.ts';
import { MAX_ZOTERO_ARTICLES, sendToZotero, type ZoteroSendReport } from '../../../handoff/zotero-send.ts';
import type { Result } from '../../../model/index.ts';
import { t } from '../../shared/i18n.ts';
import { localDate } from '../library/exporting.ts';
import { writeNotes, type DirHandle } from './folder.ts';
import { markObsidianSent, obsidianSent, zoteroSentStore, type LocalArea } from './stores.ts';

/** The articles a button works on. */
export type GroupLoader = () => Promise<Result<ArticleGroup[]>>;

/** What the page gives the handoff. */
export interface HandoffDeps {
  fetch: typeof fetch;
  /** browser.permissions.request for http://127.0.0.1:23119/* (true when already granted). */
  requestPermission: () => Promise<boolean>;
  area: LocalArea;
  copy: (text: string) => Promise<Result<null>>;
  /** Hand the obsidian:// URI to the browser. */
  openUri: (uri: string) => void;
  now: () => Date;
  newId: () => string;
  /** showDirectoryPicker where the browser has it (Chromium); absent in Firefox. */
  pickFolder?: () => Promise<DirHandle>;
  zoteroBase?: string;
  timeoutMs?: number;
}

/** A status line, and what the page may offer next. */
export interface HandoffAnswer {
  ok: boolean;
  text: string;
  /** Zotero: how many new clips/highlights of articles already there could be sent. */
  offerNew?: number;
  /** Obsidian: the URI, for a link when the browser did not open it. */
  uri?: string;
}

export interface Handoff {
  zotero(load: GroupLoader, onlyNew?: boolean): Promise<HandoffAnswer>;
  obsidian(load: GroupLoader, s: ObsidianSettings): Promise<HandoffAnswer>;
  /** Present only where folders can be written (Chromium). */
  obsidianFolder?: (load: GroupLoader, s: ObsidianSettings) => Promise<HandoffAnswer>;
}

const FAILURES: Record<ZoteroFailure, string> = {
  notRunning: 'zoteroNotRunning',
  outdated: 'zoteroOutdated',
  refused: 'zoteroRefused',
  sessionExists: 'zoteroSessionExists',
  timeout: 'zoteroTimeout',
  failed: 'zoteroFailed',
};

/** The sentence for a failure (zoteroFailed names Zotero's own answer). */
export function zoteroFailureText(f: ZoteroFailure, detail: string): string {
  return t(FAILURES[f], [detail]);
}

/** The sentence for a finished send: what went, what was there already. */
export function zoteroReportText(r: ZoteroSendReport): HandoffAnswer {
  const parts: string[] = [];
  if (r.sent > 0) parts.push(t('zoteroSaved', [String(r.sent), String(r.notes)]));
  const fresh = r.already.reduce((n, a) => n + a.fresh, 0);
  if (r.already.length === 1) parts.push(t('zoteroAlready', [r.already[0].title, String(fresh)]));
  else if (r.already.length > 1)
    parts.push(t('zoteroAlreadyMany', [String(r.already.length), String(fresh)]));
  return { ok: true, text: parts.join(' '), offerNew: fresh > 0 ? fresh : undefined };
}

/** The handoff over the page's dependencies. */
export function makeHandoff(d: HandoffDeps): Handoff {
  const loaded = async (load: GroupLoader): Promise<Result<ArticleGroup[]>> => {
    const g = await load();
    if (!g.ok) return g;
    if (g.value.length === 0) return { ok: false, error: t('nothingToSend') };
    return g;
  };
  const notes = async (groups: readonly ArticleGroup[], s: ObsidianSettings) => {
    const had = await obsidianSent(
      d.area,
      groups.map((g) => g.key),
    );
    const today = localDate(d.now());
    return groups.map((g) => obsidianNote(g, s, { accessed: today, created: today, exists: had.has(g.key) }));
  };
  const handoff: Handoff = {
    async zotero(load, onlyNew = false) {
      // Asked at once (the gesture), answered later; a refusal or an error is `false`, never unhandled.
      const permitted = d.requestPermission().catch(() => false);
      const groups = await loaded(load);
      if (!groups.ok) return { ok: false, text: groups.error };
      if (groups.value.length > MAX_ZOTERO_ARTICLES)
        return {
          ok: false,
          text: t('zoteroTooMany', [String(groups.value.length), String(MAX_ZOTERO_ARTICLES)]),
        };
      const r = await sendToZotero(
        groups.value,
        {
          client: { fetch: d.fetch, base: d.zoteroBase, timeoutMs: d.timeoutMs },
          store: zoteroSentStore(d.area),
          now: d.now,
          sessionId: d.newId,
          requestPermission: () => permitted,
        },
        { onlyNew },
      );
      if (!r.ok) return { ok: false, text: zoteroFailureText(r.failure, r.detail) };
      return zoteroReportText(r.value);
    },
    async obsidian(load, s) {
      const groups = await loaded(load);
      if (!groups.ok) return { ok: false, text: groups.error };
      if (groups.value.length > 1) return { ok: false, text: t('obsidianOneAtATime') };
      const [note] = await notes(groups.value, s);
      const copied = await d.copy(note.text);
      if (!copied.ok) return { ok: false, text: t('obsidianCopyFailed', [copied.error]) };
      const uri = obsidianUri(s, note.path);
      d.openUri(uri);
      await markObsidianSent(d.area, [groups.value[0].key], d.now().getTime());
      return { ok: true, text: t('obsidianCopied', [note.path]), uri };
    },
  };
  if (d.pickFolder) {
    const pick = d.pickFolder;
    handoff.obsidianFolder = async (load, s) => {
      const picking = pick().then(
        (dir) => ({ ok: true as const, dir }),
        (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
      );
      const groups = await loaded(load);
      const dir = await picking;
      if (!groups.ok) return { ok: false, text: groups.error };
      if (!dir.ok) return { ok: false, text: t('obsidianFolderFailed', [dir.error]) };
      // The whole note for a new file; the tail (no properties, no headline) for one that exists.
      const whole = await notes(groups.value, { ...s, mode: 'overwrite' });
      const today = localDate(d.now());
      const r = await writeNotes(
        dir.dir,
        whole.map((n, i) => ({
          folder: vaultFolder(s.folder),
          fileName: n.fileName,
          whole: n.text,
          tail: obsidianNote(groups.value[i], s, { accessed: today, exists: true }).text,
        })),
        s.mode,
      );
      if (!r.ok) return { ok: false, text: t('obsidianFolderFailed', [r.error]) };
      await markObsidianSent(
        d.area,
        groups.value.map((g) => g.key),
        d.now().getTime(),
      );
      return { ok: true, text: t('obsidianWritten', [String(r.value)]) };
    };
  }
  return handoff;
}
