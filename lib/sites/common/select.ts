/**
 * Selector matching that survives any page and stays cheap. Inside `withReadScope` (every readPage)
 * the document's elements are listed once, with their tag names, and each of the ~40 selectors an
 * adapter asks is a scan of that list with string compares: happy-dom's own engine (tests, CLI)
 * costs more than all the reading besides, and overflows the stack on a page nested a few thousand
 * levels deep. Outside a scope, native querySelectorAll, with the iterative walk as its fallback.
 */

import { childrenOf } from './children';

export { childrenOf };

/** Documents on which native selector matching overflowed once: go straight to the walk after that. */
const TOO_DEEP = new WeakSet<object>();

/**
 * querySelectorAll that never throws and returns an array (see the module comment for how it
 * matches). An unsupported selector yields nothing.
 */
export function all(root: ParentNode | null | undefined, selector: string): Element[] {
  if (!root) return [];
  const owner = (root as Node).ownerDocument ?? root;
  if (!TOO_DEEP.has(owner) && !SCOPES.has(owner)) {
    try {
      return Array.from(root.querySelectorAll(selector));
    } catch (e) {
      if (!(e instanceof RangeError)) return [];
      TOO_DEEP.add(owner);
    }
  }
  try {
    return walkAll(root, selector);
  } catch {
    return [];
  }
}

/** One compound selector, pre-parsed: `a#pageLink`, `p.sec`, `map`, `area[href]`, `[id]`. */
interface Compound {
  tag: string;
  id: string;
  classes: string[];
  attrs: string[];
  /** Anything else (pseudo-classes, attribute values): left to `Element.matches` on that one element. */
  rest: string;
}

const COMPOUND = /^([a-zA-Z][\w-]*|\*)?((?:[#.][\w-]+|\[[\w-]+\])*)$/;

function parseCompound(s: string): Compound {
  const m = COMPOUND.exec(s);
  if (!m) return { tag: '', id: '', classes: [], attrs: [], rest: s };
  const parts = m[2].match(/[#.][\w-]+|\[[\w-]+\]/g) ?? [];
  return {
    tag: m[1] && m[1] !== '*' ? m[1].toUpperCase() : '',
    id: parts.find((p) => p[0] === '#')?.slice(1) ?? '',
    classes: parts.filter((p) => p[0] === '.').map((p) => p.slice(1)),
    attrs: parts.filter((p) => p[0] === '[').map((p) => p.slice(1, -1)),
    rest: '',
  };
}

function compoundMatches(el: Element, c: Compound): boolean {
  if (c.rest) return el.matches(c.rest);
  if (c.tag && el.tagName !== c.tag) return false;
  if (c.id && el.id !== c.id) return false;
  for (const cls of c.classes) if (!el.classList.contains(cls)) return false;
  for (const a of c.attrs) if (!el.hasAttribute(a)) return false;
  return true;
}

/** The elements of a document in order, with tag names and subtree ends: one walk, many selectors. */
interface FlatTree {
  els: Element[];
  tags: string[];
  /** end[i]: index after the last descendant of els[i]. */
  end: number[];
  /** parent[i]: index of the parent element, -1 at the top. */
  parent: number[];
  /** id and ` class list ` of els[i], read on first need (property reads are slow in happy-dom). */
  ids: (string | undefined)[];
  classes: (string | undefined)[];
  /** Every comment's text, in document order (trailers), collected on the same walk. */
  comments: string[];
  /** Element indexes by tag name, in document order: a query scans its candidates, not the page. */
  byTag: Map<string, number[]>;
  /** Element indexes by id, built on the first query that names an id. */
  byId?: Map<string, number[]>;
}

// Open read scopes: document → its flat tree once built. Only inside a scope may a flat tree be kept,
// because a live page changes between reads.
const SCOPES = new WeakMap<object, FlatTree | null>();

/** Run fn with selector results cached for `doc` (used by readPage; a no-op cost on shallow pages). */
export function withReadScope<T>(doc: Document, fn: () => T): T {
  const opened = !SCOPES.has(doc);
  if (opened) SCOPES.set(doc, null);
  try {
    return fn();
  } finally {
    if (opened) SCOPES.delete(doc);
  }
}

function buildFlat(doc: Document): FlatTree {
  const t: FlatTree = {
    els: [],
    tags: [],
    end: [],
    parent: [],
    ids: [],
    classes: [],
    comments: [],
    byTag: new Map(),
  };
  // Pre-order walk with two parallel stacks (node, parent index): no per-node tuple, no closing
  // entries. Every child is pushed and its nodeType read once, when popped (a second read per node
  // to leave text out of the stack cost more than the push).
  const nodes: Node[] = [];
  const parents: number[] = [];
  const top = childrenOf(doc);
  for (let i = top.length - 1; i >= 0; i--) {
    nodes.push(top[i]);
    parents.push(-1);
  }
  while (nodes.length) {
    const node = nodes.pop()!;
    const parent = parents.pop()!;
    const type = node.nodeType;
    if (type !== 1) {
      // Text is read later by the walks that need it; the tree keeps elements and comments only.
      if (type === 8) t.comments.push(node.nodeValue ?? '');
      continue;
    }
    const el = node as Element;
    const me = t.els.length;
    const tag = el.tagName;
    t.els.push(el);
    t.tags.push(tag);
    t.parent.push(parent);
    t.end.push(me + 1);
    const sameTag = t.byTag.get(tag);
    if (sameTag) sameTag.push(me);
    else t.byTag.set(tag, [me]);
    const kids = childrenOf(el);
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i]);
      parents.push(me);
    }
  }
  // Pre-order: descendants follow their ancestor, so subtree ends roll up in one backward pass.
  for (let i = t.els.length - 1; i >= 0; i--) {
    const p = t.parent[i];
    if (p >= 0 && t.end[p] < t.end[i]) t.end[p] = t.end[i];
  }
  return t;
}

/** The comments of a document from its flat tree, when a read scope is open; null otherwise. */
export function scopedComments(doc: Document): string[] | null {
  return flatTreeOf(doc)?.comments ?? null;
}

function flatTreeOf(root: ParentNode): FlatTree | null {
  const owner = (root as Node).ownerDocument ?? (root as Document);
  if (!SCOPES.has(owner)) return null;
  let t = SCOPES.get(owner);
  if (!t) {
    t = buildFlat(owner as Document);
    SCOPES.set(owner, t);
  }
  return t;
}

/**
 * Iterative querySelectorAll for the selectors adapters use: comma lists of descendant chains of
 * compound selectors (`#content founder-content`, `map area[href]`, `founder-content, founder-title`).
 * Each element is tested against the last compound; the rest of a chain is checked by climbing
 * ancestors in a loop, right to left (greedy matching is exact for descendant-only chains).
 */
export function walkAll(root: ParentNode, selector: string, limit = Infinity): Element[] {
  const chains = selector
    .split(',')
    .map((s) => s.trim().split(/\s+/))
    .filter((c) => c.length && c.every((part) => part && !/^[>+~]$/.test(part)))
    .map((c) => c.map(parseCompound));
  const out: Element[] = [];
  const flat = flatTreeOf(root);
  const at = flat && ((root as Node).nodeType === 9 ? -1 : flat.els.indexOf(root as Element));
  if (flat && at !== null && (at >= 0 || (root as Node).nodeType === 9)) {
    const [from, to] = at === -1 ? [0, flat.els.length] : [at + 1, flat.end[at]];
    const hits = new Set<number>();
    for (const chain of chains) {
      for (const i of candidates(flat, chain[chain.length - 1], from, to)) {
        if (!hits.has(i) && flatChain(flat, i, chain, at)) {
          hits.add(i);
          if (limit === 1 && chains.length === 1) break;
        }
      }
    }
    // A comma list must come back in document order, like querySelectorAll.
    for (const i of [...hits].sort((a, b) => a - b)) out.push(flat.els[i]);
    return out;
  }
  const stack: Element[] = [];
  const top = Array.from((root as Element).children ?? []);
  for (let i = top.length - 1; i >= 0; i--) stack.push(top[i]);
  while (stack.length) {
    const el = stack.pop()!;
    if (chains.some((chain) => chainMatches(el, chain, root))) out.push(el);
    const kids = Array.from(el.children);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** Indexes in [from, to) that may match compound c: by id or tag index when it names one, else all. */
function* candidates(t: FlatTree, c: Compound, from: number, to: number): Generator<number> {
  let list: number[] | undefined;
  if (c.id && !c.rest) {
    if (!t.byId) {
      t.byId = new Map();
      for (let i = 0; i < t.els.length; i++) {
        const id = idAt(t, i);
        if (!id) continue;
        const same = t.byId.get(id);
        if (same) same.push(i);
        else t.byId.set(id, [i]);
      }
    }
    list = t.byId.get(c.id) ?? [];
  } else if (c.tag && !c.rest) list = t.byTag.get(c.tag) ?? [];
  if (!list) {
    for (let i = from; i < to; i++) yield i;
    return;
  }
  for (const i of list) if (i >= from && i < to) yield i;
}

// Most elements of a page have no attributes at all (the body's `<p>`s): hasAttributes() is one
// size check, where getAttribute lower-cases the name and looks it up on every call in happy-dom.

/** The id of els[i], read once. */
function idAt(t: FlatTree, i: number): string {
  let id = t.ids[i];
  if (id === undefined) {
    const el = t.els[i];
    id = t.ids[i] = el.hasAttributes() ? el.id : '';
  }
  return id;
}

/** The class list of els[i] as ` a b ` (one space around each name), read once. */
function classesAt(t: FlatTree, i: number): string {
  let list = t.classes[i];
  if (list === undefined) {
    const el = t.els[i];
    const raw = el.hasAttributes() ? el.getAttribute('class') : null;
    list = t.classes[i] = raw ? ` ${raw.replace(/\s+/g, ' ')} ` : '  ';
  }
  return list;
}

/** compoundMatches on the flat tree: string compares on cached tag, id and class values. */
function flatMatches(t: FlatTree, i: number, c: Compound): boolean {
  if (c.rest) return t.els[i].matches(c.rest);
  if (c.tag && t.tags[i] !== c.tag) return false;
  if (c.id && idAt(t, i) !== c.id) return false;
  if (c.classes.length) {
    const list = classesAt(t, i);
    for (const cls of c.classes) if (!list.includes(` ${cls} `)) return false;
  }
  for (const a of c.attrs) if (!t.els[i].hasAttribute(a)) return false;
  return true;
}

/** chainMatches on the flat tree; `stop` is the scope root's index (-1: the document). */
function flatChain(t: FlatTree, i: number, chain: Compound[], stop: number): boolean {
  if (!flatMatches(t, i, chain[chain.length - 1])) return false;
  let k = chain.length - 2;
  for (let a = t.parent[i]; a !== -1 && a !== stop && k >= 0; a = t.parent[a])
    if (flatMatches(t, a, chain[k])) k--;
  return k < 0;
}

function chainMatches(el: Element, chain: Compound[], root: ParentNode): boolean {
  if (!compoundMatches(el, chain[chain.length - 1])) return false;
  let i = chain.length - 2;
  for (let a = el.parentElement; a && i >= 0 && (a as unknown) !== root; a = a.parentElement) {
    if (compoundMatches(a, chain[i])) i--;
  }
  return i < 0;
}

/** First element matching any selector of the list, tried in order (one alternative per site or era). */
export function first(root: ParentNode | null | undefined, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = (root && flatTreeOf(root) ? safeWalk(root, s, 1) : all(root, s))[0];
    if (el) return el;
  }
  return null;
}

function safeWalk(root: ParentNode, selector: string, limit: number): Element[] {
  try {
    return walkAll(root, selector, limit);
  } catch {
    return [];
  }
}

/** A subtree in the read scope's flat tree: els[from] is its root, its elements end before `to`. */
export interface SubtreeView {
  els: readonly Element[];
  tags: readonly string[];
  /** end[i]: index after the last descendant of els[i] (jump there to skip a subtree). */
  end: readonly number[];
  from: number;
  to: number;
}

/** root's subtree from the open read scope's flat tree (no DOM reads); null outside a scope. */
export function subtreeOf(root: Element): SubtreeView | null {
  const flat = flatTreeOf(root);
  const at = flat ? flat.els.indexOf(root) : -1;
  if (!flat || at < 0) return null;
  return { els: flat.els, tags: flat.tags, end: flat.end, from: at, to: flat.end[at] };
}
