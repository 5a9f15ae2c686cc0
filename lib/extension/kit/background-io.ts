/**
 * The content script's side of the background: the page cache (IndexedDB in the EXTENSION origin,
 * lib/db behind lib/messaging; a content script's own IndexedDB would belong to the newspaper's
 * origin) and the background fetch for granted cross-origin pages.
 */
import { base64ToBytes, send, type RuntimeLike } from '../../messaging';
import type { Result } from '../../model';
import { decodeBytes } from '../../text/decode';
import type { FetchedPage } from '../shared/fetch-html';
import type { PageCache } from './page-source';

/** The page cache over messages; a failed message is a miss (the page is then fetched). */
export function messageCache(runtime: RuntimeLike): PageCache {
  return {
    async get(url) {
      const r = await send(runtime, { type: 'getCachedPage', url });
      return r.ok && r.value ? r.value.text : null;
    },
    async put(url, html) {
      await send(runtime, {
        type: 'putCachedPage',
        page: { url, contentType: 'text/html; charset=utf-8', text: html },
      });
    },
  };
}

/** Fetch another origin's page through the background (it checks the granted host permission). */
export function backgroundFetch(runtime: RuntimeLike): (url: string) => Promise<Result<FetchedPage>> {
  return async (url) => {
    const r = await send(runtime, { type: 'fetchPage', url });
    if (!r.ok) return r;
    const { finalUrl, text, bytesBase64, contentType } = r.value;
    const html = text ?? (bytesBase64 ? decodeBytes(base64ToBytes(bytesBase64), contentType).text : '');
    return { ok: true, value: { url: finalUrl || url, html } };
  };
}
