/**
 * A saved page's own address, for a page read from a file (file:, about:blank): the browser's
 * "saved from url" mark first (where the copy was actually fetched), then what the page says of
 * itself: the Founder trailer's `<url>`, `link[rel=canonical]`, `og:url`. One row per place, in
 * that order of trust, each with a real example.
 */
import { absUrl, all, attr, commentsOf } from './dom';
import { readTrailer } from './trailer';

/** One place a page names its address. */
export interface AddressRow {
  from: string;
  example: string;
  read: (doc: Document) => string;
}

// <!-- saved from url=(0055)https://zqb.cyol.com/pc/layout/202609/16/node_06.html -->
const SAVED_FROM = /^\s{0,4}saved from url=\(\d{1,5}\)(https?:\/\/\S{1,2000}?)\s{0,4}$/i;

function linkHref(doc: Document, rel: string): string {
  const link = all(doc, 'link[rel]').find((l) => attr(l, 'rel').toLowerCase() === rel);
  return link ? attr(link, 'href') : '';
}

function metaProperty(doc: Document, property: string): string {
  const m = all(doc, 'meta[property]').find((el) => attr(el, 'property').toLowerCase() === property);
  return m ? attr(m, 'content') : '';
}

/** Where a page says it lives, most trusted first. */
export const ADDRESS_ROWS: readonly AddressRow[] = [
  {
    from: 'saved from url',
    example: '<!-- saved from url=(0055)https://zqb.cyol.com/pc/layout/202609/16/node_06.html -->',
    read: (doc) => {
      for (const c of commentsOf(doc).slice(0, 4)) {
        const m = SAVED_FROM.exec(c);
        if (m) return m[1];
      }
      return '';
    },
  },
  {
    from: 'trailer <url>',
    example: '<url>http://epaper.hubeidaily.net/pc/content/202302/11/content_211250.html</url>',
    read: (doc) => readTrailer(doc).get('url') ?? '',
  },
  {
    from: 'link rel=canonical',
    example:
      '<link rel="canonical" href="http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm">',
    read: (doc) => linkHref(doc, 'canonical'),
  },
  {
    from: 'og:url',
    example: '<meta property="og:url" content="https://…/content_430781.html">',
    read: (doc) => metaProperty(doc, 'og:url'),
  },
];

/** Is this the address of a page on the web (rather than a file or a blank document)? */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The page's own web address and where it came from; '' when it names none. */
export function pageAddress(doc: Document): { url: string; from: string } {
  for (const row of ADDRESS_ROWS) {
    const url = absUrl(row.read(doc), 'http://invalid/');
    if (isWebUrl(url) && !url.startsWith('http://invalid/')) return { url, from: row.from };
  }
  return { url: '', from: '' };
}
