/**
 * Page text, stage 1: lines. Split the text into non-empty lines and refuse what is not text at all;
 * masthead and page furniture (weather, 出版物号, 责任编辑) are told from article lines by
 * lib/text/furniture.ts, which the PDF reader shares.
 */
import { normalizeLabel } from '../../text/labels';
import { normalizeText } from '../../text/normalize';

/** Non-empty lines, normalised (U+3000 indents, NBSP, zero-width characters, BOM gone). Linear time. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = normalizeText(raw);
    if (line) out.push(line);
  }
  return out;
}

/**
 * Why the input is not page text, or '' when it looks like text. Binary files decoded as text are
 * full of control characters and U+FFFD; a few are fine (a stray form feed in a PDF's text).
 */
export function notTextReason(text: string): string {
  const sample = text.slice(0, 65536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || c === 0x7f)
      bad++;
  }
  return bad > 16 && bad > sample.length * 0.02
    ? `not page text: ${bad} control or replacement characters in the first ${sample.length}`
    : '';
}

/** '' unless the text is HTML markup (「<!DOCTYPE html>…」): that is readPage's job, not ours. */
export function htmlReason(text: string): string {
  const head = text.slice(0, 2048).trimStart();
  return head.startsWith('<') && /<(?:!doctype\s+html|html|head|body|div|p|table)[\s>]/i.test(head)
    ? 'not page text: this is HTML (read it as a document with readPage)'
    : '';
}

/** Page label from a text file's name: 「zhuzhou-daily-2022-02-07-A1.txt」 → 'A1'; '' when none. */
export function labelFromFileName(url: string): string {
  const m = /[-_]([A-Za-z]\d{1,3})\.txt$/i.exec((url ?? '').slice(-200).split(/[?#]/)[0]);
  return m ? normalizeLabel(m[1]) : '';
}
