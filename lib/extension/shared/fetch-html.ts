/**
 * Fetch one page of the issue as text: status, redirect and size checks, then `decodeBytes` over the
 * Response bytes and its Content-Type (GB18030 fallback lives there). Used by the content script for
 * same-origin pages and by the background for granted cross-origin ones. Never throws.
 */
import type { Result } from '../../model';
import { decodeBytes } from '../../text/decode';
import { t } from './i18n';
import { originOf } from './urls';

/** Pages over 8 MB are not e-paper pages (the biggest real one is ~105 KB): stop reading them. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/** A fetched page: its text and the URL it finally came from (after same-origin redirects). */
export interface FetchedPage {
  url: string;
  html: string;
}

/**
 * The problem an error is, for a reader that knows which page it was: the same sentence naming the
 * page, 「第4版不在网站上了（HTTP 404）。」 instead of 「这一版…」 (the page's name is the last argument).
 */
export interface PageProblem {
  key: 'problemPageStatus' | 'problemPageNetwork' | 'problemPageTooBig' | 'problemPageNotText';
  args: string[];
}

/** A fetch's outcome; a failure may say which page problem it is. */
export type FetchResult = Result<FetchedPage> & { problem?: PageProblem };

const PAGE_KEYS = {
  problemStatus: 'problemPageStatus',
  problemNetwork: 'problemPageNetwork',
  problemTooBig: 'problemPageTooBig',
  problemNotText: 'problemPageNotText',
} as const;

/** A failure in the "this page" words, with the problem that can name the page. */
function failure(key: keyof typeof PAGE_KEYS, args: string[] = []): FetchResult {
  return { ok: false, error: t(key, args), problem: { key: PAGE_KEYS[key], args } };
}

/** The subset of `fetch` used here, so tests can pass a fake. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Most redirects followed one by one when each hop is checked (browsers stop at 20). */
export const MAX_HOPS = 5;

/**
 * Fetch `url` and decode it; a 404, a network error, a redirect to another site or a huge page → error.
 * With `hop` (the background's fetch for a content script), redirects are not followed blindly: each
 * `Location` is checked with `hop` before it is requested. A browser hides `Location` from
 * `redirect: 'manual'` (an opaque redirect), so there such a page is refused rather than followed
 * to a place nobody checked.
 */
export async function fetchHtml(
  fetchFn: FetchLike,
  url: string,
  maxBytes = MAX_PAGE_BYTES,
  hop?: (url: string) => Promise<boolean>,
): Promise<FetchResult> {
  let res: Response;
  let at = url;
  try {
    for (let hops = 0; ; hops++) {
      res = await fetchFn(at, { credentials: 'same-origin', redirect: hop ? 'manual' : 'follow' });
      if (!hop) break;
      const location = res.type === 'opaqueredirect' ? null : res.headers.get('location');
      const redirected = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && location);
      if (!redirected) break;
      if (!location) return { ok: false, error: t('problemRedirectHidden') };
      const next = new URL(location, at).href;
      if (hops + 1 > MAX_HOPS || !(await hop(next).catch(() => false))) {
        return { ok: false, error: t('problemRedirect', [originOf(next) || next]) };
      }
      at = next;
    }
  } catch {
    // The browsers' own words (「Failed to fetch」, 「NetworkError when attempting to fetch
    // resource.」) say only that the site did not answer, in English: say that in the UI's language.
    return failure('problemNetwork', [t('netUnreachable')]);
  }
  const finalUrl = hop ? at : res.url || url;
  if (originOf(finalUrl) !== originOf(url)) {
    return { ok: false, error: t('problemRedirect', [originOf(finalUrl) || finalUrl]) };
  }
  if (!res.ok) return failure('problemStatus', [String(res.status)]);
  const declared = Number(res.headers.get('content-length') ?? '');
  if (declared > maxBytes) return tooBig(maxBytes);
  const bytes = await readCapped(res, maxBytes);
  if (bytes === 'error') return failure('problemNetwork', [t('netCutOff')]);
  if (!bytes) return tooBig(maxBytes);
  const decoded = decodeBytes(bytes, res.headers.get('content-type') ?? undefined);
  if (!decoded.charset) return failure('problemNotText');
  return { ok: true, value: { url: finalUrl, html: decoded.text } };
}

function tooBig(maxBytes: number): FetchResult {
  return failure('problemTooBig', [String(Math.round(maxBytes / 1024 / 1024))]);
}

/** Read the body, giving up (null) as soon as it passes `max` bytes: a 20 MB page is never held whole. */
export async function readCapped(res: Response, max: number): Promise<Uint8Array | null | 'error'> {
  try {
    const reader = res.body?.getReader();
    if (!reader) {
      const buf = new Uint8Array(await res.arrayBuffer());
      return buf.length > max ? null : buf;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } catch {
    return 'error';
  }
}
