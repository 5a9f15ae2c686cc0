/**
 * Page labels (版次) as sites print them, normalised to section letter + integer so that the marker
 * 「下转A04版」, the page list 「第004版」 and old papers' 「第四版」 all meet as "A4" / "4".
 */

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Full-width ASCII letters and digits to half-width: 「Ａ０４」 → "A04". Nothing else (no NFKC). */
export function toHalfWidthAlnum(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const isFullAlnum =
      (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
    out += isFullAlnum ? String.fromCodePoint(c - 0xfee0) : ch;
  }
  return out;
}

/** 「四」 → 4, 「十二」 → 12, 「二十」 → 20, 「一百零三」 → 103; NaN when not a Chinese numeral. */
export function chineseNumeral(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) current = current * 10 + CN_DIGITS[ch];
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return NaN;
  }
  return total + current;
}

/**
 * Normalise a page label: "A01" → "A1", "001" → "1", 「第四版」 → "4", "06版" → "6",
 * 「第A01版：头版」 → "A1", 「第02版：综 合」 → "2". Returns '' when there is no label in the text.
 */
export function normalizeLabel(raw: string): string {
  if (!raw) return '';
  // The page name after 「：」 is not part of the label (「06版：冰点周刊」).
  let s = toHalfWidthAlnum(raw)
    .split(/[：:]/)[0]
    .replace(/[\s\u3000第版]/g, '');
  s = s.replace(/^[（(【[]|[）)】\]]$/g, '');
  const m = /^([A-Za-z]?)0*(\d{1,4})$/.exec(s);
  // Page 0 does not exist: 「000」 is a broken label, not page "0".
  if (m) return Number(m[2]) > 0 ? m[1].toUpperCase() + String(Number(m[2])) : '';
  const letter = /^[A-Za-z]/.test(s) ? s[0].toUpperCase() : '';
  const n = chineseNumeral(letter ? s.slice(1) : s);
  return Number.isFinite(n) && n > 0 ? letter + String(n) : '';
}

/** Split a normalised label into its section letter ('' when none) and page number. */
export function splitLabel(label: string): { letter: string; num: number } {
  const m = /^([A-Z]?)(\d+)$/.exec(normalizeLabel(label));
  return m ? { letter: m[1], num: Number(m[2]) } : { letter: '', num: NaN };
}

/** Same page? Letters are compared only when both sides have one ("A4" matches "4", not "B4"). */
export function labelsMatch(a: string, b: string): boolean {
  const x = splitLabel(a);
  const y = splitLabel(b);
  if (!Number.isFinite(x.num) || x.num !== y.num) return false;
  return !x.letter || !y.letter || x.letter === y.letter;
}
