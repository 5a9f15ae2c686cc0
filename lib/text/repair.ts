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

/**
 * Join two halves of a cut paragraph. 「电力大数」 + 「据+防返贫」 → 「电力大数据+防返贫」; only two Latin
 * words cut apart by a line (「digital」 | 「paper」) get a space, because there the space was printed.
 */
export function joinHalves(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  const l = left.slice(-1);
  const r = right.slice(0, 1);
  const space = ASCII_WORD.test(l) && ASCII_WORD.test(r) && /[A-Za-z]/.test(l + r) ? ' ' : '';
  return left + space + right;
}

/**
 * Join each `text` paragraph that does not end a sentence (「…要求大家」, 「弓腰仰头，」) with the next
 * `text` paragraph. A paragraph ending in 「：」 is left alone (it introduces a quote or a list), and a
 * headline, crosshead, caption or credit is never joined into or onto a paragraph. Linear time.
 */
export function repairParagraphs(paragraphs: Paragraph[]): RepairResult {
  const out: Paragraph[] = [];
  let joined = 0;
  for (const p of paragraphs ?? []) {
    if (!p) continue;
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'text' && p.kind === 'text' && p.text && !endsParagraph(prev.text)) {
      prev.text = joinHalves(prev.text, p.text);
      joined++;
      continue;
    }
    out.push({ ...p });
  }
  return { paragraphs: out, joined };
}
