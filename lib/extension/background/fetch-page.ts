/**
 * The background's `fetchPage`: fetch a continuation page for a content script (or our own page) on
 * an origin it may reach: its own, or one the user switched on (scope.ts). Redirects are followed
 * hop by hop, each hop checked the same way, so a page cannot bounce the extension's fetch to an
 * origin nobody switched on. Same status, size and charset checks as the content script's own fetch.
 */
import type { FetchPageAnswer } from '../../messaging';
import type { Result } from '../../model';
import { fetchHtml, type FetchLike } from '../shared/fetch-html';
import { t } from '../shared/i18n';
import { originOf } from '../shared/urls';

/** Handle one fetchPage request; `may` says whether an address (the first or a redirect's) may be fetched. */
export async function fetchPageForTab(
  url: string,
  fetchFn: FetchLike,
  may: (url: string) => Promise<boolean>,
): Promise<Result<FetchPageAnswer>> {
  if (!(await may(url).catch(() => false))) {
    return { ok: false, error: t('problemOtherSite', [originOf(url) || url]) };
  }
  const r = await fetchHtml(fetchFn, url, undefined, may);
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
