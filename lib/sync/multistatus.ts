/**
 * Read a PROPFIND 207 Multi-Status answer without a DOM: an MV3 service worker has no DOMParser.
 * Servers differ in namespace prefixes (`D:` from Apache and rclone, `d:` from Nextcloud and
 * 坚果云, none, `ns0:`), so elements are matched by local name with any prefix.
 */
import type { DavEntry } from './types.ts';

/** One response of the answer: the decoded path (no trailing /) and the entry. */
export interface StatusEntry {
  path: string;
  entry: DavEntry;
}

const el = (name: string) =>
  new RegExp(`<(?:[\\w-]+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w-]+:)?${name}\\s*>)`, 'i');
const RESPONSE = /<(?:[\w-]+:)?response\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?response\s*>/gi;
const HREF = el('href');
const COLLECTION = /<(?:[\w-]+:)?collection\b/i;
const LENGTH = el('getcontentlength');
const ETAG = el('getetag');
const MODIFIED = el('getlastmodified');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

/** Every response in the answer; `base` resolves relative hrefs. Unreadable responses are left out. */
export function parseMultistatus(xml: string, base: string): StatusEntry[] {
  const out: StatusEntry[] = [];
  for (const m of xml.matchAll(RESPONSE)) {
    const body = m[1] ?? '';
    const href = HREF.exec(body)?.[1]?.trim();
    if (!href) continue;
    let path: string;
    try {
      path = decodeURIComponent(new URL(unescapeXml(href), base).pathname).replace(/\/+$/, '');
    } catch {
      continue;
    }
    const isDir = COLLECTION.test(body);
    const size = Number(LENGTH.exec(body)?.[1] ?? 0) || 0;
    const etag = ETAG.exec(body)?.[1]?.trim();
    // An HTTP date (RFC 1123), as every server we know sends it; anything else is left out.
    const modified = Date.parse(MODIFIED.exec(body)?.[1]?.trim() ?? '');
    const name = path.slice(path.lastIndexOf('/') + 1);
    out.push({
      path,
      entry: {
        name,
        isDir,
        size,
        ...(etag ? { etag: unescapeXml(etag) } : {}),
        ...(Number.isNaN(modified) ? {} : { modified }),
      },
    });
  }
  return out;
}
