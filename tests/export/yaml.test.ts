import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontMatter, yamlList, yamlString } from '../../lib/export/text';

// No YAML parser is installed, so this is a reader of one-line double-quoted scalars written from
// YAML 1.2.2 §5.1 (c-printable) and §5.7 (escaped characters). It rejects what a conforming parser
// would reject: a character outside c-printable, a raw line break, an unknown escape, a bare quote.
const SIMPLE: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** §5.1 c-printable, minus the line breaks that a one-line scalar may not hold raw. */
function printableInLine(code: number): boolean {
  return (
    code === 0x09 ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

function readDoubleQuoted(src: string): string {
  if (src.length < 2 || src[0] !== '"' || src[src.length - 1] !== '"') throw new Error('not quoted');
  const body = src.slice(1, -1);
  let out = '';
  let i = 0;
  while (i < body.length) {
    const code = body.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    if (ch === '"') throw new Error(`bare quote at ${i}`);
    if (ch !== '\\') {
      if (!printableInLine(code)) throw new Error(`unprintable U+${code.toString(16)} at ${i}`);
      out += ch;
      i += ch.length;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw new Error('dangling backslash');
    if (e in SIMPLE) {
      out += SIMPLE[e];
      i += 2;
      continue;
    }
    const width = HEX_DIGITS[e];
    if (!width) throw new Error(`unknown escape \\${e}`);
    const digits = body.slice(i + 2, i + 2 + width);
    if (!new RegExp(`^[0-9A-Fa-f]{${width}}$`).test(digits)) throw new Error(`bad \\${e}${digits}`);
    const n = parseInt(digits, 16);
    // \u escapes of surrogates give code units (that is how parsers build JS strings from them).
    out += n <= 0xffff ? String.fromCharCode(n) : String.fromCodePoint(n);
    i += 2 + width;
  }
  return out;
}

describe('yamlString', () => {
  it.each([
    ['a byline', '李军', '"李军"'],
    ['quotes and a backslash', '他说"好"\\', '"他说\\"好\\"\\\\"'],
    ['a title with a line break', '防止规\n模性返贫', '"防止规\\n模性返贫"'],
    ['Windows line ends', '第一行\r\n第二行', '"第一行\\r\\n第二行"'],
    ['NUL, BEL, ESC', 'a\0b\x07c\x1b', '"a\\0b\\ac\\e"'],
    ['other C0 controls', '\x01\x1f', '"\\x01\\x1F"'],
    ['DEL', '版\x7f面', '"版\\x7F面"'],
    // C1 controls: what a page decoded as Latin-1 by mistake leaves behind (0x80–0x9F).
    ['C1 controls', '\x80\x9f海南', '"\\x80\\x9F海南"'],
    ['NEL', '上接\u0085A1版', '"上接\\NA1版"'],
    ['line and paragraph separators', '甲\u2028乙\u2029丙', '"甲\\L乙\\P丙"'],
    ['a BOM inside a value', '\uFEFF标题', '"\\uFEFF标题"'],
    ['noncharacters', 'x\uFFFEy\uFFFF', '"x\\uFFFEy\\uFFFF"'],
    ['lone surrogates', '\uD800a\uDFFF', '"\\uD800a\\uDFFF"'],
    ['an astral character stays as itself', '𠮷野家', '"𠮷野家"'],
    ['NBSP and ideographic space stay', '　　春节\u00a0', '"　　春节\u00a0"'],
  ])('%s', (_name, input, out) => {
    expect(yamlString(input)).toBe(out);
    expect(readDoubleQuoted(out)).toBe(input);
  });

  it('reads back as exactly the string it was given, for any string', () => {
    // Full code-point and code-unit ranges, so controls, surrogate halves and noncharacters come up.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      fc.constantFrom('"', '\\', '\n', '\u2028', '\uFEFF', '\uFFFE', '\uFFFF', '\uD800', '\uDC00'),
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 40 }).map((a) => a.join('')),
        (s) => {
          expect(readDoubleQuoted(yamlString(s))).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the reader rejects what YAML rejects (so the round trip can fail)', () => {
    expect(() => readDoubleQuoted('"a\x85b"')).not.toThrow(); // NEL is printable in YAML 1.2
    expect(() => readDoubleQuoted('"a\x9fb"')).toThrow(/unprintable/);
    expect(() => readDoubleQuoted('"a\uFFFEb"')).toThrow(/unprintable/);
    expect(() => readDoubleQuoted('"a\nb"')).toThrow(/unprintable/);
    expect(() => readDoubleQuoted('"a"b"')).toThrow(/bare quote/);
    expect(() => readDoubleQuoted('"\\q"')).toThrow(/unknown escape/);
  });
});

describe('frontMatter', () => {
  it('quotes every value and drops zero-width characters from page text', () => {
    expect(
      frontMatter([
        ['title', '乡村\u200B振兴\u0085'],
        ['pages', ['A1', 'A\u200D4']],
      ]),
    ).toBe('---\ntitle: "乡村振兴\\N"\npages: ["A1", "A4"]\n---');
  });
  it('yamlList quotes each item', () => {
    expect(yamlList(['A1', '"A4"'])).toBe('["A1", "\\"A4\\""]');
  });
});
