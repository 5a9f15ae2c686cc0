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
import { subtreeOf } from './flat';

/** What a body yields before markers, bylines and repairs. */
export interface Body {
  paragraphs: Paragraph[];
  images: ArticleImage[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'BUTTON', 'FORM']);

/**
 * Should the walk leave this element out? Hidden duplicates and page furniture. Asked of containers
 * and images, never of a `<p>`: a paragraph is read whole, and the exclusions are containers
 * (中国青年报's hidden copy is a `<div id="articleContent">`). Asking every `<p>` reads its
 * attribute map, the most expensive DOM read left per paragraph in happy-dom.
 */
export type Exclude = (el: Element) => boolean;

/** 中国青年报's hidden duplicate of the body (display:none): reading it would double the text. */
export const hiddenCopy: Exclude = (el) => el.hasAttributes() && el.id === 'articleContent';

/** One `<p>` read in a single walk: its text (`<br>` as "\n"), its bold text, its images. */
interface Block {
  text: string;
  bold: string;
  images: Element[];
}

/** A text node's value with source line breaks as spaces (only `<br>` breaks a line). */
function breaksAsSpaces(v: string): string {
  return v.includes('\n') || v.includes('\r') ? v.replace(/[\r\n]+/g, ' ') : v;
}

/**
 * Walk a block's subtree once. (Separate querySelectorAll calls per paragraph for images and bold
 * runs cost more than the text itself in happy-dom.)
 */
function scanBlock(p: Element): Block {
  // Most paragraphs are one text node: no walk needed.
  const only = p.firstChild;
  if (only && only === p.lastChild && only.nodeType === 3)
    return { text: breaksAsSpaces(only.nodeValue ?? ''), bold: '', images: [] };
  const text: string[] = [];
  const bold: string[] = [];
  const images: Element[] = [];
  // [node, inside <strong>/<b>?]
  const stack: [Node, boolean][] = [[p, false]];
  while (stack.length) {
    const [node, inBold] = stack.pop()!;
    if (node.nodeType === 3) {
      const v = breaksAsSpaces(node.nodeValue ?? '');
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
function looksLikeCrosshead(p: Element, bold: string, text: string): boolean {
  if (!text || text.length > 40) return false;
  if (!p.hasAttributes()) return bold === text;
  const style = attr(p, 'style').replace(/\s/g, '').toLowerCase();
  const centred = style.includes('text-align:center') || attr(p, 'align').toLowerCase() === 'center';
  return centred || bold === text;
}

/**
 * The paragraphs of one `<p>` (several when `<br>` lines start with an indent), appended to `out`.
 * `sole` is its only text child's value when the read scope knows it.
 */
function readParagraph(p: Element, sole: string | null, out: Paragraph[], addImage: (img: Element) => void) {
  // Most: 「<p>　　两个儿子为了争夺房产…</p>」, one text node. No block to scan, no lines to split: a
  // text node holds no <br>, and squash turns its source line breaks into spaces as scanBlock would.
  if (sole !== null) {
    const text = squash(sole);
    if (text) out.push({ text, kind: looksLikeCrosshead(p, '', text) ? 'crosshead' : 'text' });
    return;
  }
  const block = scanBlock(p);
  for (const img of block.images) addImage(img);
  const lines = splitLines(block.text);
  if (lines.length === 1 && looksLikeCrosshead(p, block.bold, lines[0].text)) lines[0].kind = 'crosshead';
  for (const line of lines) out.push(line);
}

/** An image's caption: its own attributes first, then the next table row's text (Founder classic). */
function captionOf(img: Element): string {
  for (const name of ['data-original-title', 'alt', 'title']) {
    const v = squash(attr(img, name));
    if (v) return v;
  }
  // A parent walk, not closest('tr'): happy-dom parses and matches the selector on every ancestor.
  let row = img.parentElement;
  while (row && row.tagName !== 'TR') row = row.parentElement;
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
  // Most <p> hold one line: no split, and nothing to repair (repair's line classification is the
  // costly part).
  if (!text.includes('\n')) {
    const line = squash(text);
    return line ? [{ text: line, kind: 'text' }] : [];
  }
  const out: Paragraph[] = [];
  let group: Paragraph[] = [];
  for (const raw of text.split('\n')) {
    const line = squash(raw);
    if (!line) continue;
    if (INDENT.test(raw)) group = flushLines(group, out);
    group.push({ text: line, kind: 'text' });
  }
  flushLines(group, out);
  return out;
}

/** Move a group of hard-wrapped lines to `out` as repaired paragraphs; returns a new empty group. */
function flushLines(group: Paragraph[], out: Paragraph[]): Paragraph[] {
  if (group.length === 1) out.push(group[0]);
  else if (group.length) out.push(...repairParagraphs(group).paragraphs);
  return [];
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
  // One element: skipped, an image, a paragraph (true: its subtree is done), or a container (false).
  const visit = (el: Element, tag: string, sole: string | null): boolean => {
    if (SKIP.has(tag) || (tag !== 'P' && el !== root && exclude(el))) return true;
    if (tag === 'IMG') {
      addImage(el);
      return true;
    }
    if (tag !== 'P') return false;
    sawP = true;
    readParagraph(el, sole, body.paragraphs, addImage);
    return true;
  };
  const view = subtreeOf(root);
  if (view) {
    // In a read scope the elements are listed already, in document order: no child lists to read.
    for (let i = view.from; i < view.to;)
      i = visit(view.els[i], view.tags[i], view.sole[i]) ? view.end[i] : i + 1;
  } else {
    const stack: Element[] = [root];
    while (stack.length) {
      const el = stack.pop()!;
      if (visit(el, el.tagName, null)) continue;
      const kids = childrenOf(el);
      for (let i = kids.length - 1; i >= 0; i--) if (kids[i].nodeType === 1) stack.push(kids[i] as Element);
    }
  }
  if (!sawP) body.paragraphs = splitLines(textOf(root));
  return body;
}
