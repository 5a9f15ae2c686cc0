/**
 * Text hygiene shared by every export: zero-width removal, paragraph flattening, Markdown escaping
 * of page text (so a page cannot inject links, HTML, tags or math), and YAML double-quoted scalars.
 */
import { isZeroWidth, stripZeroWidth, ZERO_WIDTH_CLASS } from '../text/chars';

// Zero-width characters (domain.md §6) are the one table's, lib/text/chars.ts.
export { stripZeroWidth } from '../text/chars';

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

/**
 * One paragraph as one line: a newline inside Chinese text renders as a space, so it is dropped
 * between CJK characters (「防止规\n模性返贫」 → 「防止规模性返贫」) and becomes a space elsewhere.
 * Leading/trailing white space, including the two ideographic spaces 「　　」 of an indent, is trimmed.
 */
export function flattenParagraph(s: string): string {
  const text = stripZeroWidth(s).replace(/\r\n?/g, '\n');
  // String.prototype.trim already removes U+3000, U+00A0 and every other Unicode space.
  if (!text.includes('\n')) return text.trim();
  const lines = text.split('\n');
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/^[ \t\u3000\u00A0]+|[ \t\u3000\u00A0]+$/g, '');
    if (line === '') continue;
    if (out === '') out = line;
    else if (CJK.test(out[out.length - 1]) || CJK.test(line[0])) out += line;
    else out += ' ' + line;
  }
  return out;
}

/**
 * Characters that mean something to CommonMark, GFM or Obsidian anywhere in a line, with their
 * escape. `<` becomes `&lt;` so 「<script>」 stays inert; `#` is escaped everywhere so 「#话题#」
 * never turns into a tag; `$` would start math in Obsidian, `|` a table cell, `~` strikethrough.
 * `=` and `%` matter only doubled (`==mark==`, `%%comment%%`), so 「28.32%」 stays as printed.
 */
const INLINE_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '`': '\\`',
  '*': '\\*',
  _: '\\_',
  '[': '\\[',
  ']': '\\]',
  '<': '&lt;',
  '>': '&gt;',
  '#': '\\#',
  $: '\\$',
  '|': '\\|',
  '~': '\\~',
  // Obsidian reads 「 ^abc」 at a line's end as a hidden block id.
  '^': '\\^',
};
// Zero-width characters are matched here too and dropped, so escaping is one pass over the text.
const INLINE_RE = new RegExp(
  String.raw`[\\\`*_[\]<>#$|~^${ZERO_WIDTH_CLASS}]|={2,}|%{2,}|&(?=#?[A-Za-z0-9]+;)`,
  'g',
);

const STRICT_RE = new RegExp(String.raw`[\\\`*_[\]<>#$|~^${ZERO_WIDTH_CLASS}=%]|&(?=#?[A-Za-z0-9]+;)`, 'g');

/**
 * Escape page text for use inside a Markdown line (not a whole block; see escapeBlockStart).
 * `strict` escapes every 「=」 and 「%」: needed when a line is escaped in pieces (around highlight
 * delimiters), where two lone 「=」 of neighbouring pieces would meet as 「==」.
 */
export function escapeInline(s: string, strict = false): string {
  return s.replace(strict ? STRICT_RE : INLINE_RE, (c) => {
    if (c === '&') return '&amp;';
    if (c.length === 1 && isZeroWidth(c.charCodeAt(0))) return '';
    if (c.length > 1 || c === '=' || c === '%') return c.replace(/./g, '\\$&');
    return INLINE_ESCAPES[c];
  });
}

/**
 * Escape what only matters at the start of a block: list markers 「- 」「+ 」「1. 」 and a line that
 * would read as a setext underline or thematic break. Takes already inline-escaped text.
 */
export function escapeBlockStart(line: string): string {
  if (/^[-+](?=\s|$)/.test(line)) return '\\' + line;
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return ordered[1] + '\\' + line.slice(ordered[1].length);
  if (/^-{3,}\s*$/.test(line)) return '\\' + line;
  return line;
}

/** Page text as one safe Markdown paragraph line. */
export function escapeParagraph(s: string): string {
  return escapeBlockStart(escapeInline(flattenParagraph(s)));
}

/**
 * The escapes of YAML 1.2 §5.7 for every character that may not stand as itself in a double-quoted
 * scalar: C0 controls, DEL and C1 are not printable (§5.1), a raw line break would be folded, and
 * U+2028/U+2029 and U+0085 are line breaks to YAML 1.1 readers. Short forms where the spec has one; else \xNN.
 */
const YAML_ESCAPES: Record<number, string> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x22: '\\"',
  0x5c: '\\\\',
  0x85: '\\N',
  0x2028: '\\L',
  0x2029: '\\P',
};

function yamlEscape(code: number): string | null {
  const short = YAML_ESCAPES[code];
  if (short) return short;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return '\\x' + hex(code, 2);
  // A BOM inside a value, the noncharacters U+FFFE/U+FFFF (not printable) and lone surrogates (no
  // UTF-8 form at all) can only be written as escapes.
  if (code === 0xfeff || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff))
    return '\\u' + hex(code, 4);
  return null;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/**
 * A YAML double-quoted scalar that reads back as exactly `s` (any string, lone surrogates too):
 * 「"李军"」, 「"他说\\"好\\""」. Zero-width removal is the caller's (frontMatter's) business.
 */
export function yamlString(s: string): string {
  let out = '"';
  // for…of walks code points; a lone surrogate comes out as one code unit.
  for (const ch of s) {
    const escaped = yamlEscape(ch.codePointAt(0) ?? 0);
    out += escaped ?? ch;
  }
  return out + '"';
}

/** A YAML flow sequence of double-quoted strings: 「["A1", "A4"]」. */
export function yamlList(items: readonly string[]): string {
  return '[' + items.map(yamlString).join(', ') + ']';
}

/** A front-matter value: text, a list of texts, or a count. */
export type FrontMatterValue = string | number | readonly string[];

/**
 * Front matter block from ordered key/value pairs; every text double-quoted (domain.md §6: 「0801」 or
 * 「yes」 must stay text) and stripped of zero-width characters, as page text is everywhere in an
 * export. Counts are written as numbers, so Obsidian types them as Number properties.
 */
export function frontMatter(fields: Array<[string, FrontMatterValue]>): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    const v =
      typeof value === 'number'
        ? String(Number.isFinite(value) ? value : 0)
        : typeof value === 'string'
          ? yamlString(stripZeroWidth(value))
          : yamlList(value.map(stripZeroWidth));
    lines.push(`${key}: ${v}`);
  }
  lines.push('---');
  return lines.join('\n');
}
