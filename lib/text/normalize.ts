/**
 * Normalising text as printed, without changing what it says: white space and invisible characters
 * only. No NFKC: it would turn 「，」 into 「,」 and 「２」 into "2" in quoted text (domain.md §6).
 */

import { isSpace, isZeroWidth, SPACE_CLASS, stripZeroWidth } from './chars';

// Which characters are space and which are zero-width is chars.ts's table, for every module.
export { isSpace, isZeroWidth, stripZeroWidth } from './chars';

const SPACE_RUN = new RegExp(`[${SPACE_CLASS}]+`, 'g');

/** 「　　春节，人们…」 → 「春节，人们…」: U+3000/NBSP as spaces, zero-width removed, runs of space collapsed, trimmed. */
export function normalizeText(s: string): string {
  if (!s) return '';
  return stripZeroWidth(s).replace(SPACE_RUN, ' ').trim();
}

/** Remove a paragraph's indent (「　　」, NBSP or spaces) and trailing white space; the inside stays as printed. */
export function stripParagraphIndent(s: string): string {
  if (!s) return '';
  return s.trim();
}

// Sentence-final punctuation, full- and half-width. 「…」 covers 「……」.
const TERMINAL = new Set(['。', '！', '？', '…', '!', '?', '.', '．', '｡']);
// Closing quotes and brackets that may follow the full stop: 「“早处理。”」, 「（完）」, 「。』」.
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '】', '〕', '"', "'"]);

/** Last character of s that is not white space or a closer, the one before it, and how many closers followed. */
function lastMeaningful(s: string): { ch: string; before: string; closers: number } {
  let i = s.length - 1;
  // Nothing invisible decides how a sentence ends: 「…底线。\u200b」 ends one.
  while (i >= 0 && (isSpace(s.charCodeAt(i)) || isZeroWidth(s.charCodeAt(i)))) i--;
  let closers = 0;
  while (i >= 0 && CLOSERS.has(s[i])) {
    closers++;
    i--;
  }
  return { ch: i >= 0 ? s[i] : '', before: i > 0 ? s[i - 1] : '', closers };
}

/**
 * Does the text end a sentence? 「…底线。」, 「…在哪？」, 「…早处理。”」 (closing quote after the full stop)
 * do; 「…防止规」, 「弓腰仰头，」, 「…要求大家」 and 「…“不打烊”」 (a quote closing mid-sentence) do not.
 */
export function endsSentence(s: string): boolean {
  if (!s) return false;
  const { ch, before } = lastMeaningful(s);
  // 「同比下降28.」 | 「32%」: a point after a digit is a decimal point cut by the column, not a full stop.
  if ((ch === '.' || ch === '．') && /[0-9０-９]/.test(before)) return false;
  return TERMINAL.has(ch);
}

/**
 * Does a paragraph end where a paragraph may legitimately end, though not with a full stop?
 * 「他说：」 introduces the next paragraph (a quote or a list), so a column repair must not join it.
 */
export function endsParagraph(s: string): boolean {
  if (endsSentence(s)) return true;
  const { ch } = lastMeaningful(s);
  return ch === '：' || ch === ':';
}

/** Is the character a CJK ideograph (basic block and extension A)? Used to decide whether a join needs a space. */
export function isHan(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Length of s in characters (code points), not UTF-16 units: 「𠮷」 counts as one. */
export function charLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
