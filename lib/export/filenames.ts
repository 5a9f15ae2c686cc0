/**
 * File names for exported notes: at most 255 UTF-8 bytes (the limit of ext4, APFS and NTFS is in
 * bytes or UTF-16 units; 255 bytes satisfies all), safe on Windows and macOS, unique within a zip.
 */
import { stripZeroWidth } from './text';

/** The limit in UTF-8 bytes for a whole file name, extension included. */
export const MAX_NAME_BYTES = 255;

/**
 * Characters Windows forbids, replaced by their full-width twins so a Chinese title stays readable:
 * 「问答：谁的房子？」 keeps its look instead of turning into underscores.
 */
const FULL_WIDTH: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  ':': '：',
  '"': '＂',
  '/': '／',
  '\\': '＼',
  '|': '｜',
  '?': '？',
  '*': '＊',
};

/** Device names Windows reserves whatever the extension: CON.md opens the console. */
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;

const encoder = new TextEncoder();

/** UTF-8 length of a string. */
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

/** Split into user-perceived characters where the runtime can, else code points (never halves a pair). */
function graphemes(s: string): string[] {
  const Seg = (Intl as unknown as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Seg) return Array.from(new Seg(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);
  return Array.from(s);
}

/** Longest prefix of `s`, whole graphemes only, that fits in `bytes` UTF-8 bytes. */
function cutToBytes(s: string, bytes: number): string {
  if (utf8Bytes(s) <= bytes) return s;
  let out = '';
  let used = 0;
  for (const g of graphemes(s)) {
    const n = utf8Bytes(g);
    if (used + n > bytes) break;
    out += g;
    used += n;
  }
  return out;
}

function cleanPart(s: string): string {
  return (
    stripZeroWidth(s)
      // Control characters (C0, DEL, C1) are invalid on Windows and invisible everywhere.
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[<>:"/\\|?*]/g, (c) => FULL_WIDTH[c])
      .replace(/[\s\u3000\u00A0]+/g, ' ')
  );
}

/** Windows drops trailing dots and spaces; a leading dot hides the file on macOS and Linux. */
function trimEnds(s: string): string {
  return s.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/**
 * A safe file name for a title: 「乡村振兴“开卷” 株洲这样作答」, 'md' → 「乡村振兴“开卷” 株洲这样作答.md」.
 * Pass the same `taken` set for every file of one zip: names are compared case-insensitively
 * (Windows and macOS) and a repeat becomes 「… (2).md」. Never throws.
 */
export function safeFileName(title: string, ext: string, taken?: Set<string>): string {
  const cleanExt = trimEnds(cleanPart(ext.replace(/^\.+/, ''))).replace(/\s/g, '');
  const suffix = cleanExt ? '.' + cutToBytes(cleanExt, 16) : '';
  let base = trimEnds(cleanPart(title)) || '无题';
  if (RESERVED.test(base.split('.')[0].trim())) base = base + '_';
  for (let n = 1; ; n++) {
    const counter = n === 1 ? '' : ` (${n})`;
    const room = MAX_NAME_BYTES - utf8Bytes(suffix) - utf8Bytes(counter);
    const name = (trimEnds(cutToBytes(base, room)) || '无题') + counter + suffix;
    const key = name.normalize('NFC').toLowerCase();
    if (!taken) return name;
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}
