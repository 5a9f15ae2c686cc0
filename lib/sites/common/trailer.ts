/**
 * Founder metadata trailers: `<!--enpproperty <founder-pagenum>A01</founder-pagenum>… /enpproperty-->`
 * and `<!--mpproperty …-->`. They may sit anywhere, even after `</html>` (江西日报 jxrb-2017), so they
 * are read from every comment of the document.
 */
import { commentsOf } from './dom';
import { scopedMemo } from './flat';

/** Tag name (lower case, `founder-` prefix removed) → first non-empty value across all trailers. */
export type Trailer = Map<string, string>;

// <founder-pagenum>A01</founder-pagenum>, <papername>中国青年报</papername>; values never hold '<'.
const FIELD = /<([A-Za-z][\w-]{0,40})>([^<]*)<\/\1>/g;

/**
 * Read the fields of every enpproperty / mpproperty comment of a document (once per read scope).
 * Callers must not change the map they get.
 */
export function readTrailer(doc: Document): Trailer {
  return scopedMemo(doc, 'trailer', (d) =>
    parseTrailerText(
      commentsOf(d)
        .filter((c) => /^\s*(enp|mp)property/i.test(c))
        .join('\n'),
    ),
  );
}

/**
 * Parse trailer text (the comments' contents or raw HTML). `founder-papername` and `papername` land
 * on the same key, `papername`; the first non-empty value wins.
 */
export function parseTrailerText(text: string): Trailer {
  const out: Trailer = new Map();
  for (const m of text.matchAll(FIELD)) {
    const key = m[1].toLowerCase().replace(/^founder-/, '');
    const value = m[2].replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    if (value && !out.has(key)) out.set(key, value);
  }
  return out;
}

/** `2017-07-22 23:59:59` / `2026-09-16 00:00:00:0` → "2017-07-22"; '' when the value is no date. */
export function trailerDate(t: Trailer): string {
  const m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t.get('date') ?? '');
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
}
