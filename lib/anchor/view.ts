/**
 * The normalised text of a root element, with a way back to DOM positions. Paragraph blocks
 * (`p`, `[data-para]`, outermost only) are joined with '\n', so a root that holds an article's
 * paragraphs gives exactly `normalizeForMatch(articleText(paragraphs)).text`; text outside the blocks
 * (headlines, buttons) is ignored. A root without blocks is read as one paragraph.
 *
 * Hidden copies are skipped: 中国青年报 pc pages carry the whole body twice, once in
 * `<div style="display:none" id="articleContent">`.
 */
import { NormBuilder } from './normalize.ts';

/** Normalised text of a root plus, per character, the DOM point it came from. */
export interface DomView {
  root: Element;
  text: string;
  /** Per normalised char: the node holding it (Text, or the block element for a '\n' separator). */
  nodes: Node[];
  /** Per normalised char: offset in that node (for a separator: the block's child count). */
  offsets: Int32Array;
  /** Normalised offset where each block starts. */
  blockStarts: number[];
  /** Paragraph index of each block: its `data-para` number when it has one, else its ordinal. */
  blockIndexes: number[];
}

const BLOCKS = 'p, [data-para]';
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);

/** Builds the view of `root` (one pass over its text nodes). */
export function buildView(root: Element): DomView {
  const blocks = outermostBlocks(root);
  const b = new NormBuilder();
  const rawNodes: Node[] = [];
  const rawOffsets: number[] = [];
  const blockStarts: number[] = [];
  const blockIndexes: number[] = [];
  const feed = (el: Element): void => {
    walkText(el, (t) => {
      const data = t.data;
      for (let i = 0; i < data.length; i++) {
        rawNodes.push(t);
        rawOffsets.push(i);
        b.push(data.charCodeAt(i), rawNodes.length - 1, false);
      }
    });
  };
  if (blocks.length === 0) {
    blockStarts.push(0);
    blockIndexes.push(0);
    feed(root);
  }
  blocks.forEach((block, i) => {
    if (i > 0) {
      const prev = blocks[i - 1];
      rawNodes.push(prev);
      rawOffsets.push(prev.childNodes.length);
      b.paragraphBreak(rawNodes.length - 1);
    }
    blockStarts.push(b.origins.length);
    const n = Number.parseInt(block.getAttribute('data-para') ?? '', 10);
    blockIndexes.push(Number.isFinite(n) && n >= 0 ? n : i);
    feed(block);
  });
  const text = b.text();
  const nodes: Node[] = new Array(text.length);
  const offsets = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const o = b.origins[i];
    nodes[i] = rawNodes[o];
    offsets[i] = rawOffsets[o];
  }
  return { root, text, nodes, offsets, blockStarts, blockIndexes };
}

/** The normalised article text of `root` (what selectors' start/end count in). */
export function rootText(root: Element): string {
  return buildView(root).text;
}

/** Paragraph index of normalised offset `at`. */
export function paragraphAt(view: DomView, at: number): number {
  let lo = 0;
  let hi = view.blockStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (view.blockStarts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return view.blockIndexes[lo] ?? 0;
}

function outermostBlocks(root: Element): Element[] {
  const all = Array.from(root.querySelectorAll(BLOCKS));
  const set = new Set(all);
  return all.filter((el) => {
    if (isHidden(el)) return false;
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      if (set.has(p) || isHidden(p)) return false;
    }
    return true;
  });
}

function isHidden(el: Element): boolean {
  if (SKIP.has(el.tagName) || el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none/i.test(style);
}

/** Visits the text nodes under `el` in document order, skipping scripts and hidden elements. */
function walkText(el: Element, visit: (t: Text) => void): void {
  const stack: Node[] = [];
  for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) visit(node as Text);
    else if (node.nodeType === 1 && !isHidden(node as Element)) {
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
}
