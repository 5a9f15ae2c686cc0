/**
 * Page text, stage 3: one article span → headline block, bylines and typed paragraphs, with the
 * continuation markers taken out (「下转A4版」 → continuesTo 'A4') and the column cuts repaired.
 */
import type { ArticleDraft as ModelDraft, Paragraph } from '../../model';
import { trailingCredit } from '../../text/bylines';
import { headlineParts, SUBTITLE_DASH } from '../../text/headlines';
import { charLength } from '../../text/normalize';
import { stripMarkers } from '../../text/markers';
import { repairParagraphs } from '../../text/repair';
import type { PageLine, Span } from './segment';

/** What one span says, before the page gives it paper, date, label and key. */
export interface ArticleDraft extends ModelDraft {
  /** Column cuts repaired. */
  joined: number;
}

// A text paragraph right before a credit line of its own is that photo's caption, if it is short.
const CAPTION_MAX = 120;

/**
 * Read one article span. Linear in the span's length. `marked`: the text marks its paragraphs
 * (lib/text/repair PARAGRAPH_MARKS), so no line is joined to the next.
 */
export function readSpan(lines: PageLine[], span: Span, marked = false): ArticleDraft {
  const head = lines.slice(span.start, span.bodyStart).map((l) => l.text);
  const bylines: string[] = [];
  const seen = new Set<string>(); // a Set: a page of 100,000 byline lines must stay linear
  const addByline = (b: string) => {
    if (!seen.has(b)) bylines.push(b);
    seen.add(b);
  };
  const raw: Paragraph[] = [];
  for (let i = span.bodyStart; i < span.end; i++) {
    const l = lines[i];
    if (l.furniture) continue;
    if (l.marker) {
      raw.push({ text: l.text, kind: 'text' });
      continue;
    }
    const { kind, text, byline } = l.cls;
    if (kind === 'byline') {
      addByline(text);
      continue;
    }
    if (kind === 'text' && byline) addByline(byline);
    raw.push({ text, kind: kind === 'text' && span.photo ? 'caption' : kind });
  }
  for (let i = 1; i < raw.length; i++) {
    const p = raw[i - 1];
    if (raw[i].kind === 'credit' && p.kind === 'text' && charLength(p.text) <= CAPTION_MAX)
      p.kind = 'caption';
  }
  // Photo news has no byline: its credit names the photographer (「株洲日报·掌上株洲记者/刘震摄」).
  if (span.photo && !bylines.length) {
    const credit = raw.find((p) => p.kind === 'credit' && trailingCredit(p.text));
    if (credit) bylines.push(credit.text);
  }
  const stripped = stripMarkers(raw);
  const repaired = marked
    ? { paragraphs: stripped.paragraphs, joined: 0 }
    : repairParagraphs(stripped.paragraphs);
  // A 副题 too long for a headline line closes the block (segment.ts isDeck).
  const parts = span.deck
    ? { ...headlineParts(head.slice(0, -1)), subtitle: head[head.length - 1].replace(SUBTITLE_DASH, '') }
    : headlineParts(head);
  return {
    ...parts,
    bylines,
    paragraphs: repaired.paragraphs,
    continuesTo: stripped.continuesTo,
    continuedFrom: stripped.continuedFrom,
    joined: repaired.joined,
  };
}
