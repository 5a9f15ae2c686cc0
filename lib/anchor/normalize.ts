/**
 * Text normalisation for matching highlights (domain.md §6–7): the same quote must compare equal
 * whether it was taken from the page's DOM (「　　沙土上不能盖房子。」 with U+3000 indents, source
 * line breaks, stray U+200B) or from the reader's parsed paragraphs (trimmed). No NFKC: it would
 * turn 「，」 into 「,」.
 *
 * Rules: zero-width characters are dropped; any run of white space becomes one ' ' (both per the
 * one table, lib/text/chars.ts, which the readers' squash also follows); '\n' separates paragraphs and is
 * never merged with another '\n' (so paragraph indexes survive empty paragraphs); spaces next to a
 * '\n' and at either end are dropped, because HTML collapses them and the parser trims paragraphs.
 */
import { isSpace, isZeroWidth } from '../text/chars';

/** A normalised string and, for each of its characters, the offset of its origin in the input. */
export interface Normalized {
  text: string;
  /** `map[i]` = offset in the input of normalised char i; `map[text.length]` = input length. */
  map: number[];
}

/**
 * Incremental normaliser: the DOM view feeds it text nodes one by one (with their own origins), the
 * text view feeds it one string. Origins are opaque numbers chosen by the caller.
 */
export class NormBuilder {
  private out: string[] = [];
  readonly origins: number[] = [];
  private pendingSpace = -1;
  private lastWasBreak = true;

  /** Feeds one input character; `newlineBreaks` says whether '\n' separates paragraphs here. */
  push(code: number, origin: number, newlineBreaks: boolean): void {
    if (isZeroWidth(code)) return;
    if (code === 0x0a && newlineBreaks) {
      this.paragraphBreak(origin);
      return;
    }
    if (code === 0x0a || isSpace(code)) {
      if (!this.lastWasBreak && this.pendingSpace < 0) this.pendingSpace = origin;
      return;
    }
    if (this.pendingSpace >= 0) {
      this.out.push(' ');
      this.origins.push(this.pendingSpace);
      this.pendingSpace = -1;
    }
    this.out.push(String.fromCharCode(code));
    this.origins.push(origin);
    this.lastWasBreak = false;
  }

  /** Ends a paragraph: drops a pending space and writes one '\n'. */
  paragraphBreak(origin: number): void {
    this.pendingSpace = -1;
    this.out.push('\n');
    this.origins.push(origin);
    this.lastWasBreak = true;
  }

  /** The normalised text so far (a trailing space is dropped). */
  text(): string {
    return this.out.join('');
  }
}

/** Normalises plain text (paragraphs joined with '\n') and keeps the offset map back to the input. */
export function normalizeForMatch(s: string): Normalized {
  const b = new NormBuilder();
  for (let i = 0; i < s.length; i++) b.push(s.charCodeAt(i), i, true);
  const map = b.origins.slice();
  map.push(s.length);
  return { text: b.text(), map };
}

/** Index of the first normalised char whose origin is at or after input offset `raw` (map is sorted). */
export function toNormalized(map: number[], raw: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Shrinks [start, end) of normalised text so it neither starts nor ends with a space or '\n'. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && (text[s] === ' ' || text[s] === '\n')) s++;
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\n')) e--;
  return [s, e];
}
