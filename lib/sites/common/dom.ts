/**
 * DOM reading helpers shared by every adapter. All walks are iterative (a page of 200,000 nested
 * elements must not overflow the stack) and never touch globals: the document comes in as a parameter.
 */

import { SPACE_CLASS, ZERO_WIDTH_CLASS } from '../../text/chars';
import { all, childrenOf, scopedComments } from './select';

export { all, childrenOf, first, walkAll, withReadScope } from './select';

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

/** Elements whose text is never page text (script source, styles). */
const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT']);

/**
 * Visible text of a node in document order, `<br>` as "\n", script/style contents skipped.
 * (textContent would include 人民日报's `document.write(view("…"))` source.)
 */
export function textOf(root: Node | null | undefined): string {
  if (!root) return '';
  const out: string[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT) {
      // A newline in the HTML source is white space; only <br> breaks a line.
      out.push((node.nodeValue ?? '').replace(/[\r\n]+/g, ' '));
      continue;
    }
    if (node.nodeType !== ELEMENT && node !== root) continue;
    const tag = (node as Element).tagName;
    if (tag === 'BR') {
      out.push('\n');
      continue;
    }
    if (tag && SKIP_TEXT.has(tag)) continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out.join('');
}

// The one table (lib/text/chars.ts), as the anchoring normaliser reads it: zero-width characters go,
// runs of white space become one space. A zero-width character is never a space: 「乡村\u200b振兴」.
const ZERO_WIDTH = new RegExp(`[${ZERO_WIDTH_CLASS}]`, 'g');
const SPACE_RUN = new RegExp(`[${SPACE_CLASS}]+`, 'g');
// What trim() leaves to do: inner white space, a zero-width character, or a NEL at an end (trim()
// knows \s, which lacks U+0085 and has U+FEFF).
const INNER = new RegExp(`[${SPACE_CLASS}${ZERO_WIDTH_CLASS}]`);

/**
 * Collapse white space (U+3000 and NBSP included) to single spaces, drop zero-width characters and
 * trim: the same text the anchoring normaliser makes of a line, so quotes from the reader anchor.
 */
export function squash(s: string): string {
  // Most paragraphs are 「　　两个儿子…」: an indent and no other space, so trimming is all it takes.
  const trimmed = s.trim();
  if (!INNER.test(trimmed)) return trimmed;
  return s.replace(ZERO_WIDTH, '').replace(SPACE_RUN, ' ').trim();
}

/** Visible text on one line: 「中共中央召开党外人士座谈会<br>征求…」 → words joined by a space. */
export function lineOf(root: Node | null | undefined): string {
  return squash(textOf(root));
}

/**
 * The element or its nearest ancestor with this id: `closest('#content')` without happy-dom's
 * selector engine, which parses and matches the selector again on every ancestor.
 */
export function closestId(el: Element | null | undefined, id: string): Element | null {
  for (let a = el ?? null; a; a = a.parentElement) if (a.hasAttributes() && a.id === id) return a;
  return null;
}

/**
 * Does the element's class attribute list this name? `classList.contains` without the DOMTokenList
 * that happy-dom builds for every element asked (class names split at ASCII white space, as there).
 */
export function hasClass(el: Element, name: string): boolean {
  if (!el.hasAttributes()) return false;
  return (el.getAttribute('class') ?? '').split(/[\t\n\f\r ]+/).includes(name);
}

/** Attribute value, trimmed; '' when absent. */
export function attr(el: Element | null | undefined, name: string): string {
  return (el?.getAttribute(name) ?? '').trim();
}

/** `<meta name=…>` content, name compared case-insensitively (`META name='PageNumber'`). */
export function metaContent(doc: Document, name: string): string {
  const want = name.toLowerCase();
  for (const m of all(doc, 'meta[name]')) {
    if (attr(m, 'name').toLowerCase() === want) {
      const v = attr(m, 'content');
      if (v) return v;
    }
  }
  return '';
}

/** Resolve an href against the page URL; '' for javascript:, empty or unparsable hrefs. */
export function absUrl(href: string, base: string): string {
  const h = href.trim();
  if (!h || /^(javascript|mailto|about|data):/i.test(h) || h === '#') return '';
  try {
    return new URL(h, base || undefined).href;
  } catch {
    return '';
  }
}

/**
 * The article identity of a link: absolute URL without the hash and without Founder's sub-box
 * parameter `div`, so `content_306597.htm?div=0` and `content_306597.htm?div=-1` are one article.
 * Other query parameters stay: some systems name the article there (`show.aspx?id=123`).
 */
export function articlePath(href: string, base: string): string {
  const abs = absUrl(href, base);
  if (!abs) return '';
  const u = new URL(abs);
  u.hash = '';
  if (u.searchParams.has('div')) u.searchParams.delete('div');
  // Not `[...u.searchParams.keys()]`: in a Firefox content script the URL comes through an Xray
  // wrapper whose iterators are not iterable, and the page then read as nothing.
  if (u.searchParams.toString() === '') u.search = '';
  return u.href;
}

/**
 * Every comment's text in the whole document, including comments after `</html>` (jxrb trailers).
 * An explicit walk over `childNodes`: happy-dom's TreeWalker steps with `nextSibling`, which costs
 * O(index) there, so a page with 400,000 sibling paragraphs would take minutes.
 */
export function commentsOf(doc: Document): string[] {
  const scoped = scopedComments(doc);
  if (scoped) return scoped;
  const out: string[] = [];
  const stack: Node[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === COMMENT) {
      out.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT && node !== doc) continue;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** The path of a URL string ('' when it does not parse): patterns must not see the query. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
