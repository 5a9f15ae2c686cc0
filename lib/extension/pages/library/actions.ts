/**
 * The library page's export and backup buttons as functions: each reads the library (the whole of
 * it, or the selected rows), builds the file with lib/export, hands it to the page (download or
 * clipboard) and answers with a sentence for the status line.
 */
import type { RestoreReport } from '../../../db/types.ts';
import type { BackupData } from '../../../export/index.ts';
import type { LibraryData, Result } from '../../../model/index.ts';
import { t } from '../../shared/i18n.ts';
import {
  backupOf,
  backupProblems,
  cslOf,
  risOf,
  exportName,
  markdownOf,
  pickData,
  restoreFrom,
  someProblems,
  zipOf,
  type ExportSettings,
} from './exporting.ts';
import { problemText } from '../../shared/problem-text';

/** What the actions need from the page. */
export interface ActionDeps {
  dump: () => Promise<Result<LibraryData>>;
  /** Merges a read backup file (records checked there: lib/db restore). */
  restore: (data: BackupData) => Promise<Result<RestoreReport>>;
  download: (name: string, data: string | Uint8Array, type: string) => Result<null>;
  copy: (text: string) => Promise<Result<null>>;
  now: () => Date;
}

/** The buttons' work; `keys` is the selection (row keys) or null for everything. */
export interface Actions {
  copyMarkdown(keys: ReadonlySet<string> | null, s: ExportSettings): Promise<Result<string>>;
  downloadMarkdown(keys: ReadonlySet<string> | null, s: ExportSettings): Promise<Result<string>>;
  downloadZip(keys: ReadonlySet<string> | null, s: ExportSettings): Promise<Result<string>>;
  downloadCsl(keys: ReadonlySet<string> | null): Promise<Result<string>>;
  downloadRis?(keys: ReadonlySet<string> | null): Promise<Result<string>>;
  backup(): Promise<Result<string>>;
  /** Restore from a chosen file's text; the report is returned too so the page can re-read. */
  restore(text: string): Promise<Result<{ message: string; report: RestoreReport }>>;
}

const MD = 'text/markdown;charset=utf-8';

/** Actions over the page's dependencies. */
export function makeActions(d: ActionDeps): Actions {
  const data = async (keys: ReadonlySet<string> | null): Promise<Result<LibraryData>> => {
    const all = await d.dump();
    if (!all.ok) return all;
    const picked = pickData(all.value, keys);
    if (picked.clips.length + picked.highlights.length === 0)
      return { ok: false, error: t('nothingToExport') };
    return { ok: true, value: picked };
  };
  const counted = (x: LibraryData) => [
    String(x.clips.length + x.highlights.length),
    String(new Set([...x.clips, ...x.highlights].map((i) => i.articleKey)).size),
  ];
  const offer = (r: Result<null>, msg: string): Result<string> => (r.ok ? { ok: true, value: msg } : r);
  return {
    async copyMarkdown(keys, s) {
      const x = await data(keys);
      if (!x.ok) return x;
      const r = await d.copy(markdownOf(x.value, s, d.now(), keys === null));
      return offer(r, t('copiedItems', counted(x.value)));
    },
    async downloadMarkdown(keys, s) {
      const x = await data(keys);
      if (!x.ok) return x;
      const now = d.now();
      return offer(
        d.download(exportName('md', now), markdownOf(x.value, s, now, keys === null), MD),
        t('exportedItems', counted(x.value)),
      );
    },
    async downloadZip(keys, s) {
      const x = await data(keys);
      if (!x.ok) return x;
      const now = d.now();
      return offer(
        d.download(exportName('zip', now), zipOf(x.value, s, now), 'application/zip'),
        t('exportedItems', counted(x.value)),
      );
    },
    async downloadCsl(keys) {
      const x = await data(keys);
      if (!x.ok) return x;
      const now = d.now();
      return offer(
        d.download(exportName('csl', now), cslOf(x.value, now), 'application/vnd.citationstyles.csl+json'),
        t('exportedItems', counted(x.value)),
      );
    },
    async downloadRis(keys) {
      const x = await data(keys);
      if (!x.ok) return x;
      const now = d.now();
      return offer(
        d.download(exportName('ris', now), risOf(x.value, now), 'application/x-research-info-systems'),
        t('exportedItems', counted(x.value)),
      );
    },
    async backup() {
      const all = await d.dump();
      if (!all.ok) return all;
      const now = d.now();
      const v = all.value;
      // The file holds everything (nothing is lost); the page says what a restore would skip.
      const bad = backupProblems(v, now);
      const done = t('backupDone', [
        String(v.articles.length),
        String(v.clips.length),
        String(v.highlights.length),
      ]);
      const warning =
        bad.skipped > 0
          ? ' ' + t('backupInvalid', [String(bad.skipped), someProblems(bad.problems, bad.skipped)])
          : '';
      return offer(
        d.download(exportName('backup', now), backupOf(v, now), 'application/json'),
        done + warning,
      );
    },
    async restore(text) {
      const r = await restoreFrom(text, d.restore);
      if (!r.ok) return { ok: false, error: t('restoreRefused', [problemText(r.error)]) };
      const a = r.value.added;
      const u = r.value.updated;
      const skipped = r.value.skipped;
      const message =
        t('restoreDone', [
          String(a.articles),
          String(a.clips),
          String(a.highlights),
          String(u.articles + u.clips + u.highlights),
          String(r.value.unchanged),
        ]) +
        (skipped > 0
          ? ' ' + t('restoreSkipped', [String(skipped), someProblems(r.value.problems, skipped)])
          : '');
      return { ok: true, value: { message, report: r.value } };
    },
  };
}
