/**
 * Each clip and each highlight as one note to hand over (a Zotero child note, HTML), with an id and
 * a version so a resend can tell what is new: a clip or highlight edited since it was sent counts
 * as new again. Page text and the reader's notes are escaped: a note is HTML in Zotero.
 */
import type { Clip, Highlight } from '../model';
import { flattenParagraph } from '../export/text';

/** One note: `c:<clip id>` or `h:<highlight id>`, its version (updatedAt) and its HTML. */
export interface HandoffNote {
  id: string;
  version: number;
  html: string;
}

/** HTML text escaping: `<script>` in a page or a note stays text in Zotero's note editor. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function paragraphs(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');
}

function quote(texts: readonly string[]): string {
  const body = texts
    .map(flattenParagraph)
    .filter((t) => t !== '')
    .map((t) => `<p>${escapeHtml(t)}</p>`)
    .join('');
  return body ? `<blockquote>${body}</blockquote>` : '';
}

function tagLine(tags: readonly string[]): string {
  const clean = tags.map((t) => t.trim()).filter((t) => t !== '');
  return clean.length ? `<p>标签：${escapeHtml(clean.join('、'))}</p>` : '';
}

/** A clip's note: the paragraphs it took as a quote, the reader's note, its tags. */
export function clipNote(c: Clip): HandoffNote {
  return {
    id: 'c:' + c.id,
    version: c.updatedAt,
    html: quote(c.paragraphs) + paragraphs(c.note) + tagLine(c.tags),
  };
}

/** A highlight's note: the quote, the reader's note, its tags. */
export function highlightNote(h: Highlight): HandoffNote {
  return {
    id: 'h:' + h.id,
    version: h.updatedAt,
    html: quote([h.selectors.exact]) + paragraphs(h.note) + tagLine(h.tags),
  };
}

/** Every note of one article in reading order: clips by first paragraph, then highlights by place. */
export function articleNotes(clips: readonly Clip[], highlights: readonly Highlight[]): HandoffNote[] {
  const cs = [...clips].sort(
    (a, b) => (a.paragraphIndexes[0] ?? 0) - (b.paragraphIndexes[0] ?? 0) || a.createdAt - b.createdAt,
  );
  const hs = [...highlights].sort(
    (a, b) =>
      a.selectors.paragraph - b.selectors.paragraph ||
      a.selectors.start - b.selectors.start ||
      a.createdAt - b.createdAt,
  );
  return [...cs.map(clipNote), ...hs.map(highlightNote)];
}
