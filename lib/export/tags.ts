/**
 * Tags as Obsidian and Typora read them: `#春运` in the text, `tags: [春运]` in the front matter. A
 * tag holds letters (any script), digits, `_`, `-` and `/` (nested tags), not only digits: 「科技 金融」
 * becomes 「科技_金融」, 「#2024」 becomes 「_2024」, so no tag the reader typed is lost or split.
 */
import { flattenParagraph } from './text';

/** Tags already converted: an export of 50,000 clips converts the same few tags over and over. */
const converted = new Map<string, string>();
const MAX_CONVERTED = 10_000;

/** One tag in Obsidian's tag syntax, without the `#`; '' when nothing is left. */
export function obsidianTag(tag: string): string {
  let out = converted.get(tag);
  if (out === undefined) {
    out = convert(tag);
    if (converted.size >= MAX_CONVERTED) converted.clear();
    converted.set(tag, out);
  }
  return out;
}

function convert(tag: string): string {
  const body = flattenParagraph(tag)
    .replace(/^[#＃]+/, '')
    .replace(/[^\p{L}\p{N}\p{M}_\-/]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  if (body === '') return '';
  return /^[\p{N}_\-/]+$/u.test(body) ? '_' + body : body;
}
