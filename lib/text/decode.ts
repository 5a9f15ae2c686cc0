/**
 * Bytes → text for pages read from disk or fetched from another page of the issue (domain.md §5):
 * BOM first, then the charset the server or the page declares, then UTF-8, then GB18030.
 * Pure: no I/O; never throws; what it had to guess is said in `problems`.
 */

/** What `decodeBytes` found: the text (BOM removed, line ends as `\n`), the charset used, problems. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used: "utf-8", "gb18030", "utf-16le", …; "" for binary input. */
  charset: string;
  problems: string[];
}

/** The problem reported for bytes that are not text (an image, a PDF, a zip …). */
export const NOT_TEXT = 'not a text or HTML file';

// Only the start of a page is looked at for a <meta charset>, as browsers do (they scan 1024 bytes;
// saved pages sometimes put a long comment first, so a little more).
const META_SCAN_BYTES = 2048;
// Binary sniffing looks at the first 8 KB: enough to see a PNG/PDF/zip header and its body.
const SNIFF_BYTES = 8192;

/** Decode a page's bytes; `contentType` is an HTTP Content-Type header when there is one. */
export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const problems: string[] = [];
  const bom = sniffBom(bytes);
  if (bom) return done(decodeWith(bom.charset, bytes.subarray(bom.length)), bom.charset, problems);

  const utf16 = sniffUtf16(bytes);
  if (utf16) return done(decodeWith(utf16, bytes), utf16, problems);

  if (looksBinary(bytes)) return { text: '', charset: '', problems: [NOT_TEXT] };

  const header = labelFromContentType(contentType ?? '');
  const meta = header ? '' : labelFromMeta(bytes);
  const declared = header || meta;
  if (declared) {
    const charset = encodingName(declared);
    if (!charset) {
      problems.push(`unknown charset "${declared}", guessed from the bytes instead`);
    } else if (charset !== 'utf-8') {
      // A page saved from a browser is often re-encoded to UTF-8 while its <meta> still says gb2312.
      // Whole pages of Chinese that happen to be valid UTF-8 in GBK do not occur, so trust the bytes.
      if (meta && hasNonAscii(bytes) && strictUtf8(bytes) !== null) {
        problems.push(`the page declares ${declared} but its bytes are UTF-8; read as UTF-8`);
        return done(strictUtf8(bytes) ?? '', 'utf-8', problems);
      }
      return done(decodeWith(charset, bytes), charset, problems);
    }
  }
  return guessUtf8OrGb18030(bytes, declared, problems);
}

function done(text: string, charset: string, problems: string[]): DecodedText {
  // HTML parsers turn CR LF and lone CR into LF; the text reader needs the same view of lines.
  return { text: text.replace(/\r\n?/g, '\n'), charset, problems };
}

/** UTF-8 when the bytes are UTF-8 (allowing a cut final character), else GB18030 (superset of GBK/GB2312). */
function guessUtf8OrGb18030(bytes: Uint8Array, declared: string, problems: string[]): DecodedText {
  const exact = strictUtf8(bytes);
  if (exact !== null) return done(exact, 'utf-8', problems);

  // A truncated download or a file cut in half can end inside a multi-byte character.
  const cut = incompleteTail(bytes);
  if (cut > 0) {
    const head = strictUtf8(bytes.subarray(0, bytes.length - cut));
    if (head !== null) {
      problems.push('the file ends in the middle of a character (cut short?)');
      return done(head, 'utf-8', problems);
    }
  }

  // Mostly UTF-8 with a few bad bytes stays UTF-8; GBK read as UTF-8 is almost all U+FFFD.
  const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bad = count(loose, '\ufffd');
  const good = countNonAscii(loose) - bad;
  if (bad * 20 < good) {
    problems.push(`${bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD`);
    return done(loose, 'utf-8', problems);
  }
  problems.push(
    declared
      ? `the page declares ${declared} but its bytes are not UTF-8; read as GB18030`
      : 'the bytes are not UTF-8; read as GB18030',
  );
  return done(decodeWith('gb18030', bytes), 'gb18030', problems);
}

function sniffBom(b: Uint8Array): { charset: string; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { charset: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: ASCII markup leaves a NUL in every other byte (`<\0h\0t\0m\0l\0` is LE). */
function sniffUtf16(b: Uint8Array): string | null {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

/** NUL bytes, or many C0 control bytes other than tab/CR/LF/FF/ESC, mean this is not text. */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** `text/html; charset=GBK` → "GBK"; "" when the header names no charset. */
export function labelFromContentType(contentType: string): string {
  const at = contentType.toLowerCase().indexOf('charset=');
  if (at < 0) return '';
  return readLabel(contentType, at + 'charset='.length);
}

/** The charset of `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="…; charset=gb2312">`. */
function labelFromMeta(bytes: Uint8Array): string {
  // latin1 maps each byte to one char, so ASCII markup reads the same whatever the real charset is.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_SCAN_BYTES)).toLowerCase();
  let from = 0;
  for (;;) {
    const at = head.indexOf('charset', from);
    if (at < 0) return '';
    from = at + 7;
    // Only inside a <meta …> tag: the last '<meta' before it must come after the last '>'.
    if (head.lastIndexOf('<meta', at) <= head.lastIndexOf('>', at)) continue;
    let i = from;
    while (i < head.length && (head[i] === ' ' || head[i] === '\t' || head[i] === '\n' || head[i] === '\r'))
      i++;
    if (head[i] !== '=') continue;
    const label = readLabel(head, i + 1);
    if (label) return label;
  }
}

/** Read a charset label starting at `i`, skipping spaces and an opening quote. */
function readLabel(s: string, i: number): string {
  while (i < s.length && (s[i] === ' ' || s[i] === '"' || s[i] === "'")) i++;
  let j = i;
  while (j < s.length && j - i < 40 && /[\w.:-]/.test(s[j])) j++;
  return s.slice(i, j);
}

/** The WHATWG name for a label ("GB2312" → "gbk"), or "" when the platform does not know it. */
function encodingName(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return '';
  }
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  // gbk/gb2312 labels: decode with GB18030, a superset that also reads characters GBK lacks.
  const name = charset === 'gbk' ? 'gb18030' : charset;
  return new TextDecoder(name, { ignoreBOM: true }).decode(bytes);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** How many bytes at the end start a UTF-8 sequence that the file does not finish (0–3). */
function incompleteTail(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back];
    if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

function hasNonAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return true;
  return false;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function countNonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) n++;
  return n;
}
