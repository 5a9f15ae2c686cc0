/**
 * Fetched HTML → Document for the site adapters. DOMParser documents are inert (no scripts run, no
 * images load), and a `<base>` with the page's own URL makes any `a.href` the adapters read resolve
 * against the fetched page rather than the page the content script runs on.
 */

/** Parse `html` as the document at `url`; `parser` is a DOMParser (happy-dom's in tests). */
export function htmlToDocument(html: string, url: string, parser: DOMParser): Document {
  const doc = parser.parseFromString(html, 'text/html');
  if (doc.head && !doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}
