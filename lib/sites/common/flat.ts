/**
 * The read scope's flat tree: inside `withReadScope` (every readPage) the document's elements are
 * listed once, in document order, with tag names, parents and subtree ends, and every comment's text
 * on the same walk. Selector matching (select.ts) and body reading (body.ts) then work on arrays
 * instead of asking the DOM again: in happy-dom (tests, CLI, benchmarks) each property read of a
 * node costs about as much as a whole string operation, and most of a read's time is such reads.
 */

import { childrenOf, NARROW } from './children';

/** The elements of a document in order, with tag names and subtree ends: one walk, many selectors. */
export interface FlatTree {
  /** The document listed. */
  doc: Document;
  els: Element[];
  tags: string[];
  /** end[i]: index after the last descendant of els[i]. */
  end: number[];
  /** parent[i]: index of the parent element, -1 at the top. */
  parent: number[];
  /**
   * sole[i]: the value of els[i]'s only child when that child is a text node (「<p>　　两个儿子…</p>」,
   * most paragraphs), read while the walk is there anyway; null otherwise.
   */
  sole: (string | null)[];
  /** id and ` class list ` of els[i], read on first need (property reads are slow in happy-dom). */
  ids: (string | undefined)[];
  classes: (string | undefined)[];
  /** Every comment's text, in document order (trailers), collected on the same walk. */
  comments: string[];
  /** Element indexes by tag name, in document order: a query scans its candidates, not the page. */
  byTag: Map<string, number[]>;
  /** Element indexes by id, built on the first query that names an id. */
  byId?: Map<string, number[]>;
  /**
   * Element indexes by class name, built on the first query whose compound names only classes
   * (`.l_t`, `.article .info`): without it each such query reads every element's classes again.
   */
  byClass?: Map<string, number[]>;
  /** Whatever a reader derives once per document and asks again (the Founder trailer), by name. */
  memo: Map<string, unknown>;
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

/** Is a read scope open on this document? */
export function inReadScope(doc: object): boolean {
  return SCOPES.has(doc);
}

/** The flat tree of root's document when a read scope is open on it (built on first need); else null. */
export function flatTreeOf(root: ParentNode): FlatTree | null {
  const owner = (root as Node).ownerDocument ?? (root as Document);
  if (!SCOPES.has(owner)) return null;
  let t = SCOPES.get(owner);
  if (!t) {
    t = buildFlat(owner as Document);
    SCOPES.set(owner, t);
  }
  return t;
}

function buildFlat(doc: Document): FlatTree {
  const t: FlatTree = {
    doc,
    els: [],
    tags: [],
    end: [],
    parent: [],
    sole: [],
    ids: [],
    classes: [],
    comments: [],
    byTag: new Map(),
    memo: new Map(),
  };
  // Pre-order walk with two parallel stacks (node, parent index): no per-node tuple, no closing
  // entries, no child arrays. A child is pushed and its nodeType read once, when popped; an only
  // child is looked at at once (a `<p>`'s text is kept in `sole`, so reading the body needs no
  // second visit).
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
      // Other text is read later by the walks that need it; the tree keeps elements and comments.
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
    t.sole.push(null);
    const sameTag = t.byTag.get(tag);
    if (sameTag) sameTag.push(me);
    else t.byTag.set(tag, [me]);
    const first = el.firstChild;
    if (!first) continue;
    const last = el.lastChild!;
    if (first === last) {
      const kind = first.nodeType;
      if (kind === 3) t.sole[me] = first.nodeValue ?? '';
      else if (kind === 8) t.comments.push(first.nodeValue ?? '');
      else {
        nodes.push(first);
        parents.push(me);
      }
      continue;
    }
    // Children straight onto the stack, last first; a wide node is copied from childNodes instead
    // (see children.ts: stepping its siblings would search the parent's list at every step).
    const mark = nodes.length;
    for (let c: Node | null = last; c; c = c.previousSibling) {
      if (nodes.length - mark === NARROW) {
        nodes.length = mark;
        parents.length = mark;
        const kids = Array.from(el.childNodes);
        for (let i = kids.length - 1; i >= 0; i--) {
          nodes.push(kids[i]);
          parents.push(me);
        }
        break;
      }
      nodes.push(c);
      parents.push(me);
      if (c === first) break;
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

// Most elements of a page have no attributes at all (the body's `<p>`s): hasAttributes() is one
// size check, where getAttribute lower-cases the name and looks it up on every call in happy-dom.

/** The id of els[i], read once. */
export function idAt(t: FlatTree, i: number): string {
  let id = t.ids[i];
  if (id === undefined) {
    const el = t.els[i];
    id = t.ids[i] = el.hasAttributes() ? el.id : '';
  }
  return id;
}

/** The class list of els[i] as ` a b ` (one space around each name), read once. */
export function classesAt(t: FlatTree, i: number): string {
  let list = t.classes[i];
  if (list === undefined) {
    const el = t.els[i];
    const raw = el.hasAttributes() ? el.getAttribute('class') : null;
    list = t.classes[i] = raw ? ` ${raw.replace(/\s+/g, ' ')} ` : '  ';
  }
  return list;
}

/**
 * `make(doc)` once per open read scope (the trailer is asked by the page meta, the family rules, the
 * address and the facts of one read); outside a scope every call makes it again.
 */
export function scopedMemo<T>(doc: Document, key: string, make: (doc: Document) => T): T {
  const t = flatTreeOf(doc);
  if (!t) return make(doc);
  if (!t.memo.has(key)) t.memo.set(key, make(doc));
  return t.memo.get(key) as T;
}

/**
 * Index every element by class name (see `byClass`). An element whose class attribute repeats a
 * name is listed twice; the query keeps each element once.
 */
export function classIndex(t: FlatTree): void {
  const index = new Map<string, number[]>();
  for (let i = 0; i < t.els.length; i++)
    for (const name of classesAt(t, i).split(' ')) {
      const same = name && index.get(name);
      if (same) same.push(i);
      else if (name) index.set(name, [i]);
    }
  t.byClass = index;
}

/** A subtree in the read scope's flat tree: els[from] is its root, its elements end before `to`. */
export interface SubtreeView {
  els: readonly Element[];
  tags: readonly string[];
  /** end[i]: index after the last descendant of els[i] (jump there to skip a subtree). */
  end: readonly number[];
  /** sole[i]: the text of els[i]'s only child when that is a text node, else null. */
  sole: readonly (string | null)[];
  from: number;
  to: number;
}

/** root's subtree from the open read scope's flat tree (no DOM reads); null outside a scope. */
export function subtreeOf(root: Element): SubtreeView | null {
  const flat = flatTreeOf(root);
  const at = flat ? flat.els.indexOf(root) : -1;
  if (!flat || at < 0) return null;
  return { els: flat.els, tags: flat.tags, end: flat.end, sole: flat.sole, from: at, to: flat.end[at] };
}
