/**
 * An article body as paragraphs and images. Founder bodies are `<P>　　text</P>` inside
 * `<founder-content>` / `#ozoom`; some put several lines in one `<p>` with `<br>`; images come inside
 * a `<p>` with their caption in an attribute (中国青年报 `data-original-title`) or in the next table row
 * (Founder classic). The walk is iterative and never enters excluded subtrees, so the hidden
 * `#articleContent` copy of pc pages is not read twice.
 */
import type { ArticleImage, Paragraph } from '../../model';
import { repairParagraphs } from '../../text/repair';
import { absUrl, attr, childrenOf, lineOf, squash, textOf } from './dom';

/** What a body yields before markers, bylines and repairs. */
export interface Body {
  paragraphs: Paragraph[];
  images: ArticleImage[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'BUTTON', 'FORM']);

/** Should the walk leave this element out? Hidden duplicates and page furniture. */
export type Exclude = (el: Element) => boolean;

/** 中国青年报's hidden duplicate of the body (display:none): reading it would double the text. */
export const hiddenCopy: Exclude = (el) => el.id === 'articleContent';

/** One `<p>` read in a single walk: its text (`<br>` as "\n"), its bold text, its images. */
interface Block {
  text: string;
  bold: string;
  images: Element[];
}

/**
 * Walk a block's subtree once. (Separate querySelectorAll calls per paragraph for images and bold
 * runs cost more than the text itself in happy-dom.)
 */
function scanBlock(p: Element): Block {
  const text: string[] = [];
  const bold: string[] = [];
  const images: Element[] = [];
  // [node, inside <strong>/<b>?]
  // Most paragraphs are one text node: no walk needed.
  const only = p.firstChild;
  if (only && only === p.lastChild && only.nodeType === 3) {
    const v = (only.nodeValue ?? '').replace(/[\r\n]+/g, ' ');
    return { text: v, bold: '', images: [] };
  }
  const stack: [Node, boolean][] = [[p, false]];
  while (stack.length) {
    const [node, inBold] = stack.pop()!;
    if (node.nodeType === 3) {
      const v = (node.nodeValue ?? '').replace(/[\r\n]+/g, ' ');
      text.push(v);
      if (inBold) bold.push(v);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName;
    if (tag === 'BR') {
      text.push('\n');
      continue;
    }
    if (tag === 'IMG') {
      images.push(node as Element);
      continue;
    }
    if (SKIP.has(tag)) continue;
    const b = inBold || tag === 'STRONG' || tag === 'B';
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], b]);
  }
  return { text: text.join(''), bold: squash(bold.join('')), images };
}

/** A paragraph printed as a crosshead: short, and either centred or wholly bold (「“没有房子，好可怕的。”」). */
function looksLikeCrosshead(p: Element, block: Block, text: string): boolean {
  if (!text || text.length > 40) return false;
  const style = attr(p, 'style').replace(/\s/g, '').toLowerCase();
  const centred = style.includes('text-align:center') || attr(p, 'align').toLowerCase() === 'center';
  return centred || block.bold === text;
}

/** An image's caption: its own attributes first, then the next table row's text (Founder classic). */
function captionOf(img: Element): string {
  for (const name of ['data-original-title', 'alt', 'title']) {
    const v = squash(attr(img, name));
    if (v) return v;
  }
  const row = img.closest('tr');
  const next = row?.nextElementSibling;
  const text = next ? lineOf(next) : '';
  return text.length <= 200 ? text : '';
}

// An indent opens a paragraph: 「　　」 (U+3000), NBSP or two spaces at the start of a line.
const INDENT = /^(?:[\u3000\u00a0\t]|\s{2})/;

/**
 * Paragraphs of one block's text, split at `<br>`. A line that starts with an indent is a paragraph
 * of its own (「…。<br>　　第二段」); a line without one continues a hard-wrapped paragraph and is joined
 * by repairParagraphs when the line before does not end a sentence (「第一行没有结束<br>第二行。」).
 */
export function splitLines(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let group: Paragraph[] = [];
  const flush = () => {
    // Most <p> hold one line: nothing to repair, and repair's line classification is the costly part.
    if (group.length === 1) out.push(group[0]);
    else if (group.length) out.push(...repairParagraphs(group).paragraphs);
    group = [];
  };
  for (const raw of text.split('\n')) {
    const line = squash(raw);
    if (!line) continue;
    if (INDENT.test(raw)) flush();
    group.push({ text: line, kind: 'text' });
  }
  flush();
  return out;
}

/**
 * Read paragraphs and images from a body root. Each `<p>` is a paragraph, or several when `<br>`
 * lines start with an indent; a root with no `<p>` at all is read as lines of text.
 */
export function readBody(root: Element | null, baseUrl: string, exclude: Exclude = hiddenCopy): Body {
  const body: Body = { paragraphs: [], images: [] };
  if (!root) return body;
  const seenImages = new Set<string>();
  const addImage = (img: Element) => {
    const src = absUrl(attr(img, 'src'), baseUrl);
    if (!src || seenImages.has(src)) return;
    seenImages.add(src);
    body.images.push({ src, caption: captionOf(img) });
  };
  let sawP = false;
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (SKIP.has(el.tagName) || (el !== root && exclude(el))) continue;
    if (el.tagName === 'IMG') {
      addImage(el);
      continue;
    }
    if (el.tagName === 'P') {
      sawP = true;
      const block = scanBlock(el);
      for (const img of block.images) addImage(img);
      const lines = splitLines(block.text);
      if (lines.length === 1 && looksLikeCrosshead(el, block, lines[0].text)) lines[0].kind = 'crosshead';
      body.paragraphs.push(...lines);
      continue;
    }
    // childNodes, not children: read scopes have built these node lists already (see select.ts).
    const kids = childrenOf(el);
    for (let i = kids.length - 1; i >= 0; i--) if (kids[i].nodeType === 1) stack.push(kids[i] as Element);
  }
  if (!sawP) body.paragraphs = splitLines(textOf(root));
  return body;
}
