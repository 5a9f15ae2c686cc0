/**
 * The background's `fetchPage`: fetch a continuation page on another origin, only when the user has
 * granted that origin (the popup switch). Same checks as the content script's own fetch (status,
 * cross-site redirect, 8 MB, charset), so the reader shows the same sentences either way.
 */
import type { FetchedPage as WirePage } from '../messaging';
import type { Result } from '../model';
import { fetchHtml, type FetchLike } from './fetch-html';
import { originPattern } from './hosts';
import { t } from './i18n';
import { originOf } from './urls';

/** Handle one fetchPage request; `granted` asks the browser whether a host pattern is granted. */
export async function fetchPageForTab(
  url: string,
  fetchFn: FetchLike,
  granted: (pattern: string) => Promise<boolean>,
): Promise<Result<WirePage>> {
  const pattern = originPattern(url);
  if (!pattern || !(await granted(pattern).catch(() => false))) {
    return { ok: false, error: t('problemOtherSite', [originOf(url) || url]) };
  }
  const r = await fetchHtml(fetchFn, url);
  if (!r.ok) return r;
  return {
    ok: true,
    value: {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      finalUrl: r.value.url,
      text: r.value.html,
    },
  };
}
