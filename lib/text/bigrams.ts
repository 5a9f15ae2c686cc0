/**
 * Chinese-aware search tokens for a multi-entry index (IndexedDB `*terms`). Chinese has no spaces,
 * so CJK runs are indexed as overlapping character bigrams (「防返贫」 → 防返, 返贫) plus the run's last
 * character alone, so a one-character query can be answered with a prefix scan (「贫」 finds 贫困 and
 * the 贫 that ends 「防返贫」). Latin letters and digits are indexed as lower-cased words.
 *
 * The index only narrows the candidates; a substring check on folded text decides (`matchesQuery`),
 * so 「刘成友」 never matches a text holding 刘成 and 成友 in different places.
 */
import { SPACE_CLASS, ZERO_WIDTH_CLASS } from './chars';

/** One token to look up: `prefix` tokens match every indexed term starting with them. */
export interface SearchToken {
  token: string;
  prefix: boolean;
}

/** Longest latin/digit word kept as a token (URLs and hashes would bloat the index). */
const MAX_WORD = 24;

/** True for Han, kana and hangul code points: text without word spaces. */
function isCjk(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    cp === 0x3007 // 〇 as in 二〇二二年
  );
}

const WORD = /^[\p{L}\p{N}]$/u;
/** Non-ASCII answers of WORD by code point (punctuation such as 「，」 recurs in every sentence). */
const wordCache = new Map<number, boolean>();

function isWordChar(ch: string, cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a);
  let known = wordCache.get(cp);
  if (known === undefined) {
    known = WORD.test(ch);
    wordCache.set(cp, known);
  }
  return known;
}

/**
 * Folds text for searching only (never for display): lower case, full-width ASCII to ASCII
 * (「２０２２」 finds 2022), zero-width characters removed, U+3000/NBSP and runs of white space to one space.
 */
export function foldForSearch(s: string): string {
  // Fast path: most stored Chinese text needs no folding at all.
  if (!NEEDS_FOLD.test(s)) return s;
  return s
    .replace(ZERO_WIDTH, '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}

// Character classes only (no nested quantifiers): linear, no backtracking. Space and zero-width
// are the one table's (chars.ts), so search folds text as the readers and the anchoring do.
const NEEDS_FOLD = new RegExp(
  String.raw`[A-Z\uff01-\uff5e${ZERO_WIDTH_CLASS}${SPACE_CLASS}]|[^\u0000-\u007f\u00b7\u2010-\u2027\u2030-\u205e\u3001-\u9fff\uff00-\uffef]`,
);
const ZERO_WIDTH = new RegExp(`[${ZERO_WIDTH_CLASS}]`, 'g');
const FULL_WIDTH = /[\uff01-\uff5e]/g;
const SPACES = new RegExp(`[${SPACE_CLASS}]+`, 'g');

/** True when the index alone decides the query (one part that is one token): no substring check needed. */
export function indexDecides(query: string): boolean {
  const parts = queryParts(query);
  if (parts.length !== 1) return false;
  const chars = [...parts[0]];
  const cps = chars.map((c) => c.codePointAt(0) as number);
  if (cps.every(isCjk)) return chars.length <= 2;
  return chars.length <= MAX_WORD && chars.every((c, i) => !isCjk(cps[i]) && isWordChar(c, cps[i]));
}

/** Splits folded text into CJK runs and words, calling back for each. */
function scan(folded: string, onRun: (chars: string[]) => void, onWord: (w: string) => void): void {
  let run: string[] = [];
  let word = '';
  const flush = (): void => {
    if (run.length > 0) onRun(run);
    if (word) onWord(word);
    run = [];
    word = '';
  };
  for (const ch of folded) {
    const cp = ch.codePointAt(0) as number;
    if (isCjk(cp)) {
      if (word) onWord(word);
      word = '';
      run.push(ch);
    } else if (isWordChar(ch, cp)) {
      if (run.length > 0) onRun(run);
      run = [];
      word += ch;
    } else flush();
  }
  flush();
}

/**
 * Unique index terms of `s`: CJK bigrams, latin/digit words, and the last char of a CJK run only
 * when no bigram of `s` starts with it: a one-character query is a prefix lookup, so 「贫」 already
 * finds 「防返贫防返贫」 through 贫防 (fewer index entries; Chromium writes each in ~8 µs).
 * One pass over code units (a restore computes this for 50,000 clips: ~7.5 M characters).
 */
export function bigrams(s: string): string[] {
  const text = foldForSearch(s);
  const terms = new Set<string>();
  const ends = new Set<string>();
  const starts = new Set<string>();
  let prev = ''; // the previous character of the current CJK run
  let word = '';
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number;
    const ch = cp > 0xffff ? text.slice(i, i + 2) : text[i];
    i += ch.length;
    if (isCjk(cp)) {
      if (word) terms.add(word.slice(0, MAX_WORD));
      word = '';
      if (prev) {
        terms.add(prev + ch);
        starts.add(prev);
      }
      prev = ch;
      continue;
    }
    if (prev) ends.add(prev);
    prev = '';
    if (isWordChar(ch, cp)) word += ch;
    else if (word) {
      terms.add(word.slice(0, MAX_WORD));
      word = '';
    }
  }
  if (prev) ends.add(prev);
  if (word) terms.add(word.slice(0, MAX_WORD));
  for (const ch of ends) if (!starts.has(ch)) terms.add(ch);
  return [...terms];
}

/**
 * Every index term of `s`, for lib/db's search index, built without a string per occurrence
 * (50,000 clips are ~7.5 M characters): a bigram of two BMP CJK characters as `pair(hi, lo)`, a BMP CJK
 * character ending a run as `pair(cp, 0)` (small integers: V8 hashes them without allocating),
 * anything else (latin/digit words, terms with an astral character) as `other(term)`. Terms repeat
 * as the text does. The terms are those of `bigrams(s)` plus every run-final character, where
 * `bigrams` keeps only those no bigram starts with (a few more candidates; the substring check decides).
 */
export function visitTermKeys(
  s: string,
  pair: (hi: number, lo: number) => void,
  other: (term: string) => void,
): void {
  const text = foldForSearch(s);
  let prev = -1; // the previous code point of the current CJK run
  let word = '';
  const runEnd = (): void => {
    if (prev > 0xffff) other(String.fromCodePoint(prev));
    else if (prev >= 0) pair(prev, 0);
    prev = -1;
  };
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    if (isCjk(cp)) {
      if (word) other(word.slice(0, MAX_WORD));
      word = '';
      if (prev >= 0) {
        if (prev <= 0xffff && cp <= 0xffff) pair(prev, cp);
        else other(String.fromCodePoint(prev, cp));
      }
      prev = cp;
      i += size;
      continue;
    }
    if (prev >= 0) runEnd();
    const ch = size === 2 ? text.slice(i, i + 2) : text[i];
    i += size;
    if (isWordChar(ch, cp)) word += ch;
    else if (word) {
      other(word.slice(0, MAX_WORD));
      word = '';
    }
  }
  runEnd();
  if (word) other(word.slice(0, MAX_WORD));
}

/** The query's parts, folded: each must occur as a substring (「乡村 振兴」 is two parts, both required). */
export function queryParts(query: string): string[] {
  return [
    ...new Set(
      foldForSearch(query)
        .split(' ')
        .filter((p) => p.length > 0),
    ),
  ];
}

/**
 * Tokens to look up for `query`: every bigram of each CJK run (exact), a lone CJK character or a
 * latin/digit word as a prefix (「cov」 finds covid, 「2021」 finds 2021年's word 2021).
 */
export function searchTokens(query: string): SearchToken[] {
  const out = new Map<string, SearchToken>();
  const add = (token: string, prefix: boolean): void => {
    const key = `${prefix ? 'p' : 'e'}:${token}`;
    if (!out.has(key)) out.set(key, { token, prefix });
  };
  for (const part of queryParts(query)) {
    scan(
      part,
      (run) => {
        if (run.length === 1) add(run[0], true);
        for (let i = 0; i + 1 < run.length; i++) add(run[i] + run[i + 1], false);
      },
      (w) => add(w.slice(0, MAX_WORD), true),
    );
  }
  return [...out.values()];
}

/** True when every part of the query occurs in one of the texts (folded), the final check after the index. */
export function matchesQuery(parts: readonly string[], texts: ReadonlyArray<string | undefined>): boolean {
  const folded = texts.map((t) => (t ? foldForSearch(t) : ''));
  return parts.every((p) => folded.some((t) => t.includes(p)));
}

/**
 * True when folded text `s` holds a term the index would find for `t` (visitTermKeys' terms): a
 * bigram or a CJK character anywhere (the characters are CJK, so any occurrence is inside a run),
 * a latin/digit prefix only at a word's start (「cov」 in covid; 「021」 not in 2021). The scan
 * the library answers with while its index is still being built, so both answer alike.
 */
export function hasToken(s: string, t: SearchToken): boolean {
  const first = t.token.codePointAt(0) as number;
  if (isCjk(first)) return s.includes(t.token);
  for (let i = s.indexOf(t.token); i >= 0; i = s.indexOf(t.token, i + 1)) {
    if (i === 0) return true;
    const lowSurrogate = i >= 2 && s.charCodeAt(i - 1) >= 0xdc00 && s.charCodeAt(i - 1) <= 0xdfff;
    const at = lowSurrogate ? i - 2 : i - 1;
    const cp = s.codePointAt(at) as number;
    const ch = String.fromCodePoint(cp);
    if (isCjk(cp) || !isWordChar(ch, cp)) return true;
  }
  return false;
}
