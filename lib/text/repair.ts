/**
 * Paragraph repair: a column or page break cuts a paragraph in two (「防止规」 | 「模性返贫是底线」).
 * Chinese text has no space between words, so the halves join with nothing between them.
 */
import type { Paragraph } from '../model';
import { endsParagraph } from './normalize';

/** The result of repairParagraphs: the paragraphs after joining, and how many joins were made. */
export interface RepairResult {
  paragraphs: Paragraph[];
  /** Number of joins made (a paragraph cut twice counts twice). */
  joined: number;
}

const ASCII_WORD = /[A-Za-z0-9]/;
// A paragraph of ornaments only (「＊＊＊」, 「——」) is a separator, never half of a cut sentence.
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Join two halves of a cut paragraph. 「电力大数」 + 「据+防返贫」 → 「电力大数据+防返贫」; only two Latin
 * words cut apart by a line (「digital」 | 「paper」) get a space, because there the space was printed.
 */
export function joinHalves(a: string, b: string): string {
  return joinAll([a, b]);
}

/** Join many halves at once: each seam is decided by the two characters around it, then one join. */
function joinAll(pieces: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let piece = pieces[i];
    if (i > 0) piece = piece.trimStart();
    if (i < pieces.length - 1) piece = piece.trimEnd();
    if (i > 0) parts.push(seam(parts[parts.length - 1], piece));
    parts.push(piece);
  }
  return parts.join('');
}

// Only two Latin/digit runs cut apart need the space that was printed between them.
function seam(left: string, right: string): string {
  const l = left.slice(-1);
  const r = right.slice(0, 1);
  return ASCII_WORD.test(l) && ASCII_WORD.test(r) && /[A-Za-z]/.test(l + r) ? ' ' : '';
}

/**
 * Join each `text` paragraph that does not end a sentence (「…要求大家」, 「弓腰仰头，」) with the next
 * `text` paragraph. A paragraph ending in 「：」 is left alone (it introduces a quote or a list), and a
 * headline, crosshead, caption or credit is never joined into or onto a paragraph. Linear time.
 */
export function repairParagraphs(paragraphs: Paragraph[]): RepairResult {
  const out: Paragraph[] = [];
  let joined = 0;
  // The halves of the paragraph being repaired; joined once at the end so that a long run of cut
  // lines (a PDF's text with hard line breaks) stays linear instead of re-copying a growing string.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) out[out.length - 1].text = joinAll(run);
    run = [];
  };
  for (const p of paragraphs ?? []) {
    if (!p) continue;
    const prev = out[out.length - 1];
    const last = run[run.length - 1];
    if (
      prev &&
      prev.kind === 'text' &&
      p.kind === 'text' &&
      p.text &&
      last !== undefined &&
      !endsParagraph(last) &&
      WORDISH.test(last) &&
      WORDISH.test(p.text)
    ) {
      run.push(p.text);
      joined++;
      continue;
    }
    flush();
    out.push({ ...p });
    run = [p.text ?? ''];
  }
  flush();
  return { paragraphs: out, joined };
}

/** A way a text marks its paragraphs: when it does, each line is a paragraph and repair is off. */
export interface ParagraphMarkRule {
  name: string;
  example: string;
  /** Over the text's lines of at least LONG_LINE characters, and all its non-empty lines (indents kept). */
  test: (long: readonly string[], all: readonly string[]) => boolean;
}

// Lines this long are body text; shorter ones (headlines, decks, bylines) say nothing of the marks.
const LONG_LINE = 30;
const INDENTED = /^(?:\u3000|\u00a0|\s{2})/;

/**
 * THE TABLE of paragraph marks. Text from a PDF or a column (the seed) has neither: its cut lines
 * (「防止规」 | 「模性返贫是底线」) are what repairParagraphs is for; in marked text a line without final
 * punctuation is a paragraph of its own (a section deck, a pull-quote, an epigraph).
 */
export const PARAGRAPH_MARKS: readonly ParagraphMarkRule[] = [
  {
    name: 'indent',
    example:
      '「　　新华社北京1月31日电 …」: most body lines open with 「　　」 (an article page copied whole)',
    // A mark every line carries (headlines and bylines too) tells paragraphs from nothing.
    test: (long, all) =>
      long.length >= 3 &&
      long.filter((l) => INDENTED.test(l)).length >= 0.6 * long.length &&
      all.some((l) => !INDENTED.test(l)),
  },
  {
    name: 'one paragraph a line',
    example: 'every body line ends a paragraph (「…。」); the seed has 38 of 45, with column cuts',
    test: (long) => long.length >= 3 && long.every((l) => endsParagraph(l.trim())),
  },
];

/** The name of the rule by which these lines mark their paragraphs, or '' when they do not. */
export function paragraphMarks(lines: readonly string[]): string {
  const all = lines.filter((l) => l.trim() !== '');
  const long = all.filter((l) => l.trim().length >= LONG_LINE);
  return PARAGRAPH_MARKS.find((r) => r.test(long, all))?.name ?? '';
}
