/**
 * The seam between two parts of a split story: the page break may fall mid-sentence (「…，」 then
 * 「上接A01版」 on the next page), and part 2 always starts a new paragraph, so such a seam is joined
 * back into one paragraph. Marker paragraphs left at a part's edges are dropped here too.
 */
import type { Article, Paragraph } from '../model';
import { findMarker, removeMarker } from '../text/markers';
import { endsParagraph } from '../text/normalize';

/**
 * Drop a 「下转A4版」 left at the end of a part and a 「◀上接A01版」 left at its start (adapters usually
 * strip them; a generic reader may not), recording their labels when the article has none.
 */
export function trimEdgeMarkers(a: Article): Article {
  const paragraphs = [...a.paragraphs];
  let { continuesTo, continuedFrom } = a;
  const first = paragraphs[0] ? findMarker(paragraphs[0].text) : null;
  if (first && first.direction === 'from' && first.at !== 'end') {
    continuedFrom ||= first.label;
    const rest = removeMarker(paragraphs[0].text, first);
    if (rest) paragraphs[0] = { ...paragraphs[0], text: rest };
    else paragraphs.shift();
  }
  const lastIndex = paragraphs.length - 1;
  const last = lastIndex >= 0 ? findMarker(paragraphs[lastIndex].text) : null;
  if (last && last.direction === 'to' && last.at !== 'start') {
    continuesTo ||= last.label;
    const rest = removeMarker(paragraphs[lastIndex].text, last);
    if (rest) paragraphs[lastIndex] = { ...paragraphs[lastIndex], text: rest };
    else paragraphs.pop();
  }
  if (paragraphs.length === a.paragraphs.length && !first && !last) return a;
  return { ...a, paragraphs, continuesTo, continuedFrom };
}

/** Should the last paragraph before a seam and the first after it be one paragraph? */
export function seamCutsSentence(before: Paragraph | undefined, after: Paragraph | undefined): boolean {
  if (!before || !after) return false;
  // Crossheads (●拿下“基础题”…), captions and credits end without a full stop by nature.
  if (before.kind !== 'text' || after.kind !== 'text') return false;
  return !endsParagraph(before.text);
}
