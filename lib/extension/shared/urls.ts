/**
 * URL guards for everything the UI turns into a link or an image: only http(s) ever reaches an
 * `href`/`src`, so a title like `<a href="javascript:alert(1)">` on a hostile page stays inert.
 */

/** Absolute http(s) URL for a link, or '' (`javascript:`, `data:`, garbage). */
export function safeLink(href: string, base?: string): string {
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

/** An image URL the reader may load: http(s) and on the same origin as the page it came from. */
export function safeImage(src: string, pageUrl: string): string {
  const abs = safeLink(src, pageUrl);
  if (!abs) return '';
  try {
    return new URL(abs).origin === new URL(pageUrl).origin ? abs : '';
  } catch {
    return '';
  }
}

/** Origin of a URL, or '' when it has none (about:blank, text pages). */
export function originOf(url: string): string {
  try {
    const o = new URL(url).origin;
    return o === 'null' ? '' : o;
  } catch {
    return '';
  }
}
