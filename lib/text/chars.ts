/**
 * The one table of invisible characters (domain.md §6). Every module that collapses white space or
 * drops zero-width characters reads this table: the page readers (squash), text normalising, the
 * anchoring normaliser, search folding and the exports. So a quote taken from the reader's paragraphs
 * and the same quote taken from the page's DOM normalise to the same text.
 *
 * The rule, one for every module:
 * - `space`: Unicode White_Space. A run of them is one space (and none at either end).
 * - `zero-width`: renders as nothing, so it is dropped, never turned into a space: 「乡村\u200B振兴」
 *   reads 「乡村振兴」, not 「乡村 振兴」. That includes ZWNJ/ZWJ (U+200C/U+200D) and U+2060–U+2064:
 *   in Chinese e-paper text they are editing debris (see the 海南日报 rows), and a joiner kept in a
 *   quote would make it differ from the same quote typed or copied without one. The cost, an emoji
 *   ZWJ sequence shown as its parts, is accepted: no e-paper page we have has one.
 */

/** What normalising does with a character of the table. */
export type InvisibleRule = 'space' | 'zero-width';

interface Row {
  /** First and last code point of the row (inclusive). */
  from: number;
  to: number;
  rule: InvisibleRule;
  name: string;
  /** A real string with the character, or where it comes from. */
  example: string;
}

/** Every invisible character the code base knows, in code point order within each rule. */
export const INVISIBLE: readonly Row[] = [
  {
    from: 0x09,
    to: 0x0d,
    rule: 'space',
    name: 'TAB, LF, VT, FF, CR',
    example: 'source line breaks inside a <p>',
  },
  { from: 0x20, to: 0x20, rule: 'space', name: 'SPACE', example: '「中青报·中青网记者 杜佳冰」' },
  {
    from: 0x85,
    to: 0x85,
    rule: 'space',
    name: 'NEL (next line)',
    example: "not seen on a page we have; White_Space, though JavaScript's \\s leaves it out",
  },
  {
    from: 0xa0,
    to: 0xa0,
    rule: 'space',
    name: 'NBSP',
    example: '「1分&nbsp;&nbsp;」 (人民日报 2017, nbs.D110000renmrb_01)',
  },
  {
    from: 0x1680,
    to: 0x1680,
    rule: 'space',
    name: 'OGHAM SPACE MARK',
    example: 'not seen on a page we have',
  },
  {
    from: 0x2000,
    to: 0x200a,
    rule: 'space',
    name: 'EN QUAD … HAIR SPACE',
    example: 'not seen on a page we have',
  },
  {
    from: 0x2028,
    to: 0x2029,
    rule: 'space',
    name: 'LINE / PARAGRAPH SEPARATOR',
    example: 'not seen on a page we have',
  },
  { from: 0x202f, to: 0x202f, rule: 'space', name: 'NARROW NBSP', example: 'not seen on a page we have' },
  {
    from: 0x205f,
    to: 0x205f,
    rule: 'space',
    name: 'MEDIUM MATHEMATICAL SPACE',
    example: 'not seen on a page we have',
  },
  {
    from: 0x3000,
    to: 0x3000,
    rule: 'space',
    name: 'IDEOGRAPHIC SPACE',
    example: 'the indent 「　　春节，人们跨越山海奔赴家乡。」',
  },
  {
    from: 0x200b,
    to: 0x200b,
    rule: 'zero-width',
    name: 'ZERO WIDTH SPACE',
    example: 'not in our fixtures; 「乡村\\u200b振兴」',
  },
  {
    from: 0x200c,
    to: 0x200c,
    rule: 'zero-width',
    name: 'ZWNJ',
    // Also 「海南自贸港建设的\u200c基础性」 and 「性工程\u200c，」 (海南日报 2026-07-23).
    example: '「FDA（美国食品药品监督管理局\\u200c）」 (海南日报 2026-07-13, item 19697256)',
  },
  { from: 0x200d, to: 0x200d, rule: 'zero-width', name: 'ZWJ', example: 'not seen on a page we have' },
  {
    from: 0x2060,
    to: 0x2064,
    rule: 'zero-width',
    name: 'WORD JOINER, INVISIBLE FUNCTION APPLICATION/TIMES/SEPARATOR/PLUS',
    example: 'not seen on a page we have',
  },
  {
    from: 0xfeff,
    to: 0xfeff,
    rule: 'zero-width',
    name: 'BOM / ZERO WIDTH NO-BREAK SPACE',
    example: 'a BOM left in mid-text where saved files were joined',
  },
];

// One lookup per UTF-16 unit, built from the table: the readers ask this for every character of
// every paragraph end, so it must be an array read, not a search of the rows.
const SPACE = 1;
const ZERO_WIDTH = 2;
const KIND = new Uint8Array(0x10000);
for (const row of INVISIBLE) KIND.fill(row.rule === 'space' ? SPACE : ZERO_WIDTH, row.from, row.to + 1);

/** Is this UTF-16 unit white space (U+3000 and NBSP included; '\n' too; zero-width characters not)? */
export function isSpace(code: number): boolean {
  return KIND[code] === SPACE;
}

/** Is this UTF-16 unit a zero-width character, dropped when text is normalised? */
export function isZeroWidth(code: number): boolean {
  return KIND[code] === ZERO_WIDTH;
}

function classOf(rule: InvisibleRule): string {
  const u = (c: number) => '\\u' + c.toString(16).padStart(4, '0');
  return INVISIBLE.filter((r) => r.rule === rule)
    .map((r) => (r.from === r.to ? u(r.from) : `${u(r.from)}-${u(r.to)}`))
    .join('');
}

/** The inside of a regex character class matching the table's white space: `[${SPACE_CLASS}]`. */
export const SPACE_CLASS = classOf('space');
/** The inside of a regex character class matching the table's zero-width characters. */
export const ZERO_WIDTH_CLASS = classOf('zero-width');

const ZERO_WIDTH_G = new RegExp(`[${ZERO_WIDTH_CLASS}]`, 'g');

/** Remove zero-width characters: 「乡村\u200B振兴」 → 「乡村振兴」. */
export function stripZeroWidth(s: string): string {
  return s.replace(ZERO_WIDTH_G, '');
}
