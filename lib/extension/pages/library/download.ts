/**
 * Files and the clipboard from an extension page without the `downloads` permission: an object URL
 * on an `<a download>` that is clicked and removed; the URL is revoked a little later (revoking it
 * at once can cancel the download in Chromium).
 */
import type { Result } from '../../../model/index.ts';
import { t } from '../../shared/i18n.ts';

/** What download() needs from the page (the real `document`, `URL` and `setTimeout` in the extension). */
export interface DownloadEnv {
  document: Document;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  later(fn: () => void, ms: number): void;
}

/** The page's own environment. */
export function pageEnv(): DownloadEnv {
  return {
    document,
    createObjectURL: (b) => URL.createObjectURL(b),
    revokeObjectURL: (u) => URL.revokeObjectURL(u),
    later: (fn, ms) => void setTimeout(fn, ms),
  };
}

/** Offer `data` as a file named `name`. */
export function download(
  env: DownloadEnv,
  name: string,
  data: string | Uint8Array,
  type: string,
): Result<null> {
  try {
    const blob = new Blob([data as BlobPart], { type });
    const url = env.createObjectURL(blob);
    const a = env.document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    env.document.body.append(a);
    a.click();
    a.remove();
    env.later(() => env.revokeObjectURL(url), 60_000);
    return { ok: true, value: null };
  } catch (e) {
    return {
      ok: false,
      error: t('fileOfferFailed', [e instanceof Error ? e.message : String(e)]),
    };
  }
}

/** Copy text to the clipboard (the page must have the user's gesture, as a button click gives). */
export async function copyText(
  clipboard: Pick<Clipboard, 'writeText'> | undefined,
  text: string,
): Promise<Result<null>> {
  if (!clipboard) return { ok: false, error: t('clipboardMissing') };
  try {
    await clipboard.writeText(text);
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: t('copyFailedWhy', [e instanceof Error ? e.message : String(e)]) };
  }
}

/** The text of a chosen file (UTF-8). */
export async function readFileText(file: Blob): Promise<Result<string>> {
  try {
    return { ok: true, value: await file.text() };
  } catch (e) {
    return { ok: false, error: t('fileReadFailed', [e instanceof Error ? e.message : String(e)]) };
  }
}
