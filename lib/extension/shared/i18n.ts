/**
 * UI strings: every label comes from `_locales/<lang>/messages.json` through `browser.i18n`, so the
 * interface follows the browser's language (zh_CN by default, en). Tests and non-extension hosts swap
 * the translator with `setTranslator`.
 */
import { browser } from 'wxt/browser';

/** A function from a message name (and `$1`… substitutions) to the text to show. */
export type Translator = (key: string, subs?: string[]) => string;

const fromBrowser: Translator = (key, subs) => {
  try {
    // getMessage returns '' for an unknown key: fall back to the key so a gap is visible, not blank.
    // WXT types getMessage over the known keys; keys here are checked by the locale test instead.
    const get = browser.i18n.getMessage as (k: string, s?: string[]) => string;
    return get(key, subs) || key;
  } catch {
    return key;
  }
};

let current: Translator = fromBrowser;

/** Translate a UI string: `t('readWhole')` → 「阅读全文」. */
export function t(key: string, subs?: string[]): string {
  return current(key, subs);
}

/** Replace the translator (tests load a messages.json; pass nothing to restore browser.i18n). */
export function setTranslator(fn?: Translator): void {
  current = fn ?? fromBrowser;
}

/** A translator over a parsed messages.json, with Chrome's `$1` substitution rule. */
export function translatorFrom(messages: Record<string, { message: string }>): Translator {
  return (key, subs = []) => {
    const m = messages[key]?.message;
    if (m === undefined) return key;
    return m.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  };
}
