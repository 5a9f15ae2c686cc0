/**
 * XML text for the EPUB's XHTML: page text is untrusted, so every string is escaped, and the
 * characters XML 1.0 forbids (C0 controls but tab and newline, lone surrogates, U+FFFE/FFFF) are
 * dropped: one of them makes the whole chapter unreadable to an e-reader.
 */
import { stripZeroWidth } from '../../text/chars';

const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or attribute value, zero-width characters removed too. */
export function xmlText(s: string): string {
  return stripZeroWidth(s)
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An http(s) URL fit for an href, or '' (javascript:, data: and the like never reach the book). */
export function safeHref(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

/** A whole XHTML content document in the book's language. */
export function xhtmlDocument(title: string, body: string, nav = false): string {
  const ns = nav ? ' xmlns:epub="http://www.idpf.org/2007/ops"' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"${ns} xml:lang="zh-CN" lang="zh-CN">
<head>
<meta charset="UTF-8"/>
<title>${xmlText(title)}</title>
<link rel="stylesheet" type="text/css" href="${nav ? '' : '../'}style.css"/>
</head>
<body>
${body}
</body>
</html>
`;
}
