/** Test helpers for the extension: the zh_CN / en messages as the translator, a fake fetch. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTranslator, translatorFrom } from '../../lib/extension/shared/i18n';

/** A locale's messages.json, parsed. */
export function messages(lang: 'zh_CN' | 'en'): Record<string, { message: string }> {
  // From the repository root (vitest's cwd): import.meta.url is not a file URL under happy-dom.
  const path = resolve(process.cwd(), `public/_locales/${lang}/messages.json`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Make `t()` answer from a locale's messages.json, as browser.i18n would. */
export function useLocale(lang: 'zh_CN' | 'en'): void {
  setTranslator(translatorFrom(messages(lang)));
}

/** One fake response: status, body bytes, headers, and the URL it finally came from. */
export interface FakeResponse {
  status?: number;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
  url?: string;
  /** Throw instead of answering (a network error). */
  fail?: string;
}

/** A fetch over a map of URL → response that records every call. */
export function fakeFetch(routes: Record<string, FakeResponse>) {
  const calls: string[] = [];
  const fn = async (url: string): Promise<Response> => {
    calls.push(url);
    const r = routes[url];
    if (!r) return new Response('not found', { status: 404 });
    if (r.fail) throw new TypeError(r.fail);
    const body = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : (r.body ?? new Uint8Array());
    const res = new Response(body as BodyInit, { status: r.status ?? 200, headers: r.headers });
    Object.defineProperty(res, 'url', { value: r.url ?? url });
    return res;
  };
  return { fn, calls };
}

/**
 * What a real user's input looks like to our handlers: happy-dom has no `isTrusted`, and our UI
 * ignores events without it (lib/extension/shared/trusted.ts), as it ignores a page script's `el.click()`.
 */
function asUser<E extends Event>(e: E): E {
  Object.defineProperty(e, 'isTrusted', { value: true });
  return e;
}

/** A trusted click on `el`. */
export function userClick(el: Element): void {
  const view = el.ownerDocument.defaultView as unknown as { MouseEvent: typeof MouseEvent };
  el.dispatchEvent(asUser(new view.MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
}

/** A trusted keydown of `key` on `target` (an element or the document). */
export function userKey(target: EventTarget, key: string, init: KeyboardEventInit = {}): void {
  const node = target as Node;
  const view = (node.ownerDocument ?? (node as Document)).defaultView as unknown as {
    KeyboardEvent: typeof KeyboardEvent;
  };
  target.dispatchEvent(
    asUser(
      new view.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init }),
    ),
  );
}
