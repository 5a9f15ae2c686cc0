/**
 * Normalising text as printed, without changing what it says: white space and invisible characters
 * only. No NFKC: it would turn 「，」 into 「,」 and 「２」 into "2" in quoted text (domain.md §6).
 */

// U+200B–U+200D, U+2060–U+2064 and U+FEFF (a BOM in the middle of text is a zero-width no-break space).
const ZERO_WIDTH = /[\u200b-\u200d\u2060-\u2064\ufeff]/g;
// JavaScript's \s already covers U+3000 (ideographic space) and U+00A0 (NBSP).
const SPACE_RUN = /\s+/g;

/** Remove zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF). */
export function stripZeroWidth(s: string): string {
  return s.replace(ZERO_WIDTH, '');
}

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

/**
 * Is the UTF-16 unit white space as the regex `\s` means it (incl. U+3000, NBSP, U+FEFF)? For loops
 * over a string's ends: testing `s[i]` with a regex makes a string of every CJK character looked at.
 */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Last character of s that is not white space or a closer, the one before it, and how many closers followed. */
function lastMeaningful(s: string): { ch: string; before: string; closers: number } {
  let i = s.length - 1;
  while (i >= 0 && isSpace(s.charCodeAt(i))) i--;
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
