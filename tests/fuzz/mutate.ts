/**
 * Mutations of real pages for property tests: delete, duplicate or swap random slices, insert
 * e-paper tags and markers, cut at a random point. Pure functions of (text, ops), shrinkable by fast-check.
 */
import fc from 'fast-check';
import type { Page } from '../../lib/model';

// Pieces that steer the readers into their special cases (Founder tags, image maps, markers).
export const INSERTS = [
  '<div>',
  '</div>',
  '<p>　　',
  '</p>',
  '<br>',
  '<founder-content>',
  '</founder-content>',
  '<founder-title>',
  '<!--enpcontent-->',
  '<!--enpproperty <founder-pagenum>A01</founder-pagenum>-->',
  '<map name="PagePicMap"><area shape="polygon" coords="1,2,300,4,5" href="content_1.htm?div=-1">',
  '<a id="pageLink" href="node_2.htm">第02版：要闻</a>',
  '<div id="articleContent" style="display:none">',
  '<h3>引题</h3><h1>主题</h1><h2>副题</h2>',
  '<script>document.write(view("题"))</script>',
  '<!--',
  '<',
  '下转A4版',
  '（上接第一版）',
  '◀上接A01版',
  '\n\n',
  '\u0000',
  '\ufffd',
  '　　',
];

export type Op =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'duplicate'; at: number; len: number }
  | { kind: 'swap'; a: number; b: number; len: number }
  | { kind: 'insert'; at: number; piece: number }
  | { kind: 'cut'; at: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true });

/** A list of 1–6 mutations; positions are fractions of the text's length, so they fit any page. */
export const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: frac, len: fc.nat(2000) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: frac, len: fc.nat(2000) }),
    fc.record({ kind: fc.constant('swap' as const), a: frac, b: frac, len: fc.nat(2000) }),
    fc.record({ kind: fc.constant('insert' as const), at: frac, piece: fc.nat(INSERTS.length - 1) }),
    fc.record({ kind: fc.constant('cut' as const), at: frac }),
  ),
  { minLength: 1, maxLength: 6 },
);

/** Apply mutations in order. */
export function mutate(text: string, list: readonly Op[]): string {
  let s = text;
  for (const op of list) {
    const pos = (f: number) => Math.floor(f * s.length);
    if (op.kind === 'delete') s = s.slice(0, pos(op.at)) + s.slice(pos(op.at) + op.len);
    else if (op.kind === 'duplicate') s = s.slice(0, pos(op.at) + op.len) + s.slice(pos(op.at));
    else if (op.kind === 'insert') s = s.slice(0, pos(op.at)) + INSERTS[op.piece] + s.slice(pos(op.at));
    else if (op.kind === 'cut') s = s.slice(0, pos(op.at));
    else {
      const [a, b] = [pos(Math.min(op.a, op.b)), pos(Math.max(op.a, op.b))];
      const len = Math.min(op.len, b - a);
      s = s.slice(0, a) + s.slice(b, b + len) + s.slice(a + len, b) + s.slice(a, a + len) + s.slice(b + len);
    }
  }
  return s;
}

const KINDS = new Set(['layout', 'article', 'text']);
const PARAGRAPH_KINDS = new Set(['text', 'crosshead', 'caption', 'credit']);

/** Is `p` a well-formed Page (every field of the contract present and of the right type)? */
export function isPage(p: Page): boolean {
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.url === 'string' &&
    KINDS.has(p.kind) &&
    typeof p.paper === 'string' &&
    typeof p.date === 'string' &&
    typeof p.label === 'string' &&
    Array.isArray(p.pageLinks) &&
    Array.isArray(p.problems) &&
    p.problems.every((m) => typeof m === 'string') &&
    p.blocks.every(
      (b) => typeof b.title === 'string' && typeof b.href === 'string' && Array.isArray(b.polygons),
    ) &&
    p.articles.every(
      (a) =>
        typeof a.title === 'string' &&
        Array.isArray(a.pages) &&
        a.paragraphs.every((q) => typeof q.text === 'string' && PARAGRAPH_KINDS.has(q.kind)),
    )
  );
}
