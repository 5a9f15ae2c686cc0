/**
 * The background's `fetchImage`, for our own pages only (the issue EPUB's cover: the front page's
 * image map image). The image's address comes from the page's markup, which the newspaper's author
 * writes, so it is held like `fetchPage`: only addresses `may` allows (the origin of an e-paper page
 * the walk read, or a switched-on one), redirects followed hop by hop with each hop checked, image
 * types only and a size cap, so a page cannot make the extension read an intranet address or a
 * 2 GB file for it.
 */
import { bytesToBase64, type FetchImageAnswer } from '../../messaging';
import type { Result } from '../../model';
import { MAX_HOPS, readCapped, type FetchLike } from '../shared/fetch-html';
import { t } from '../shared/i18n';
import { originOf } from '../shared/urls';

/** A cover over 5 MB is not a page image (Founder's JPEGs are 0.2–1 MB): stop reading it. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The types an EPUB cover may have (lib/export/issue/epub.ts writes these). */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/svg+xml'];

const no = (key: string, args: string[] = []): Result<never> => ({ ok: false, error: t(key, args) });

/** Fetch the image at `url`; `may` says whether an address (the first or a redirect's) may be fetched. */
export async function fetchImageForPage(
  url: string,
  fetchFn: FetchLike,
  may: (url: string) => Promise<boolean>,
  maxBytes = MAX_IMAGE_BYTES,
): Promise<Result<FetchImageAnswer>> {
  if (!(await may(url).catch(() => false))) return no('problemImageOtherSite', [originOf(url) || url]);
  let at = url;
  let res: Response;
  try {
    for (let hops = 0; ; hops++) {
      // 'manual': a redirect is ours to check before it is followed (fetch-page.ts does the same).
      res = await fetchFn(at, { credentials: 'omit', redirect: 'manual' });
      if (res.type === 'opaqueredirect') return no('problemImageRedirectHidden');
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (!location) break;
      const next = new URL(location, at).href;
      if (hops + 1 > MAX_HOPS || !(await may(next).catch(() => false))) {
        return no('problemImageRedirect', [originOf(next) || next]);
      }
      at = next;
    }
  } catch (e) {
    return no('problemImageNetwork', [String((e as Error)?.message ?? e)]);
  }
  if (!res.ok) return no('problemImageStatus', [String(res.status)]);
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!IMAGE_TYPES.includes(contentType)) return no('problemImageNotImage', [contentType || '?']);
  const tooBig = () => no('problemImageTooBig', [String(Math.round(maxBytes / 1024 / 1024))]);
  if (Number(res.headers.get('content-length') ?? '') > maxBytes) return tooBig();
  const bytes = await readCapped(res, maxBytes);
  if (bytes === 'error') return no('problemImageNetwork', ['body']);
  if (!bytes) return tooBig();
  if (bytes.length === 0) return no('problemImageNotImage', [contentType]);
  return { ok: true, value: { contentType, finalUrl: at, bytesBase64: bytesToBase64(bytes) } };
}
