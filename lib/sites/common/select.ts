/**
 * Selector matching that survives any page and stays cheap. Inside `withReadScope` (every readPage)
 * the document's elements are listed once, with their tag names, and each of the ~40 selectors an
 * adapter asks is a scan of that list with string compares: happy-dom's own engine (tests, CLI)
 * costs more than all the reading besides, and overflows the stack on a page nested a few thousand
 * levels deep. Outside a scope, native querySelectorAll, with the iterative walk as its fallback.
 *
 * The engine knows comma lists of descendant chains of tag, #id, .class and [attr] compounds: all
 * that the adapters ask. Anything else (`>`, `+`, `~`, pseudo-classes, attribute values) throws an
 * Error naming the selector and the part, on both paths, rather than matching nothing inside a read
 * scope and something outside it. A bad selector is a programming error: tests/sites/selectors.test.ts
 * parses every selector in lib/sites, and readPage turns a throw into a problem on the page.
 */

import { childrenOf } from './children';
import { classesAt, classIndex, flatTreeOf, idAt, inReadScope, type FlatTree } from './flat';

export { childrenOf };
export { scopedComments, subtreeOf, withReadScope } from './flat';

/** Documents on which native selector matching overflowed once: go straight to the walk after that. */
const TOO_DEEP = new WeakSet<object>();

/**
 * querySelectorAll that returns an array and never throws on a page (see the module comment for how
 * it matches); it throws on a selector the engine does not support, whatever the page.
 */
export function all(root: ParentNode | null | undefined, selector: string): Element[] {
  parseSelector(selector);
  if (!root) return [];
  const owner = (root as Node).ownerDocument ?? root;
  if (!TOO_DEEP.has(owner) && !inReadScope(owner)) {
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
export interface Compound {
  tag: string;
  id: string;
  classes: string[];
  attrs: string[];
}

const COMPOUND = /^([a-zA-Z][\w-]*|\*)?((?:[#.][\w-]+|\[[\w-]+\])*)$/;

// What a compound that COMPOUND refuses holds, in the words of the error, first match wins.
const UNSUPPORTED: Array<[RegExp, string]> = [
  [/^>$/, 'the child combinator ">"'],
  [/^\+$/, 'the next-sibling combinator "+"'],
  [/^~$/, 'the subsequent-sibling combinator "~"'],
  [/\[[^\]]*[=~|^$*]|\[[^\]]*$|^[^[]*\]/, 'an attribute value test (only [attr] is supported)'],
  [/>/, 'the child combinator ">"'],
  [/\+/, 'the next-sibling combinator "+"'],
  [/~/, 'the subsequent-sibling combinator "~"'],
  [/:/, 'a pseudo-class'],
  [/["'\\]/, 'quotes or escapes'],
  [/\|/, 'a namespace'],
];

function unsupported(selector: string, part: string, what: string): never {
  throw new Error(`Unsupported selector "${selector}": ${what} in "${part}"`);
}

function parseCompound(selector: string, s: string): Compound {
  const m = COMPOUND.exec(s);
  if (!m || !s) {
    const why = UNSUPPORTED.find(([re]) => re.test(s))?.[1] ?? 'a part the engine does not know';
    return unsupported(selector, s, why);
  }
  const parts = m[2].match(/[#.][\w-]+|\[[\w-]+\]/g) ?? [];
  return {
    tag: m[1] && m[1] !== '*' ? m[1].toUpperCase() : '',
    id: parts.find((p) => p[0] === '#')?.slice(1) ?? '',
    classes: parts.filter((p) => p[0] === '.').map((p) => p.slice(1)),
    attrs: parts.filter((p) => p[0] === '[').map((p) => p.slice(1, -1)),
  };
}

function compoundMatches(el: Element, c: Compound): boolean {
  if (c.tag && el.tagName !== c.tag) return false;
  if (c.id && el.id !== c.id) return false;
  for (const cls of c.classes) if (!el.classList.contains(cls)) return false;
  for (const a of c.attrs) if (!el.hasAttribute(a)) return false;
  return true;
}

// Parsed selector lists: adapters ask the same few dozen constant strings of every page. Bounded,
// in case a caller builds selectors from page data.
const PARSED = new Map<string, Compound[][]>();

/**
 * `a.b c, d` → chains of compounds. Throws on anything else, naming the selector and the part:
 * `a > b`, `a + b`, `a ~ b`, `a:first-child`, `[name=PagePicMap i]`, an empty alternative `a,`.
 * Exported for the test that parses every selector of lib/sites.
 */
export function parseSelector(selector: string): Compound[][] {
  let chains = PARSED.get(selector);
  if (!chains) {
    chains = selector.split(',').map((alt) => {
      const words = alt.trim().split(/\s+/);
      if (!words[0]) unsupported(selector, alt, 'an empty alternative');
      return words.map((w) => parseCompound(selector, w));
    });
    if (PARSED.size >= 500) PARSED.clear();
    PARSED.set(selector, chains);
  }
  return chains;
}

/**
 * Iterative querySelectorAll for the selectors adapters use: comma lists of descendant chains of
 * compound selectors (`#content founder-content`, `map area[href]`, `founder-content, founder-title`).
 * Each element is tested against the last compound; the rest of a chain is checked by climbing
 * ancestors in a loop, right to left (greedy matching is exact for descendant-only chains).
 */
export function walkAll(root: ParentNode, selector: string, limit = Infinity): Element[] {
  const chains = parseSelector(selector);
  const out: Element[] = [];
  const flat = flatTreeOf(root);
  const at = flat && ((root as Node).nodeType === 9 ? -1 : flat.els.indexOf(root as Element));
  if (flat && at !== null && (at >= 0 || (root as Node).nodeType === 9)) {
    const [from, to] = at === -1 ? [0, flat.els.length] : [at + 1, flat.end[at]];
    const hits = new Set<number>();
    for (const chain of chains) {
      for (const i of chainCandidates(flat, chain, from, to, at)) {
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

/**
 * Indexes in [from, to) that may match a chain, in document order. When its last compound names
 * neither tag, id nor class (`.article p.sec [id]`), a match must lie inside an element that matches
 * the rightmost compound naming one (`p.sec`, with `.article` above it): only those subtrees are
 * scanned, so a query reads the classes of a few elements, not of every element before its first hit.
 */
function* chainCandidates(
  t: FlatTree,
  chain: Compound[],
  from: number,
  to: number,
  stop: number,
): Generator<number> {
  const last = chain[chain.length - 1];
  let k = chain.length - 2;
  if (!indexed(t, last)) while (k >= 0 && !indexed(t, chain[k])) k--;
  if (indexed(t, last) || k < 0) {
    yield* candidates(t, last, from, to);
    return;
  }
  const left = chain.slice(0, k + 1);
  let next = from;
  for (const a of candidates(t, chain[k], from, to)) {
    // Ranges of nested anchors lie inside the outer one's, already scanned.
    if (a < next || !flatChain(t, a, left, stop)) continue;
    for (let i = a + 1; i < t.end[a]; i++) yield i;
    next = t.end[a];
  }
}

/** Does an index list the compound's candidates: it names a tag or an id, or a class once classes are indexed? */
function indexed(t: FlatTree, c: Compound): boolean {
  return c.tag !== '' || c.id !== '' || (c.classes.length > 0 && t.byClass !== undefined);
}

/** Indexes in [from, to) that may match compound c: by id, tag or class index when it names one, else all. */
function* candidates(t: FlatTree, c: Compound, from: number, to: number): Generator<number> {
  let list: number[] | undefined;
  if (c.id) {
    // No element of the document has the id (the document's own id index says so, in O(1)): no
    // need to read every element's id. 中国旅游报's layout page has no `#titleList`.
    if (!t.byId && typeof t.doc.getElementById === 'function' && !t.doc.getElementById(c.id)) return;
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
  } else if (c.tag) list = t.byTag.get(c.tag) ?? [];
  else if (c.classes.length && t.byClass) list = t.byClass.get(c.classes[0]) ?? [];
  if (!list) {
    for (let i = from; i < to; i++) yield i;
    // A class-only query that read the whole document (a miss, or a list) has read every element's
    // classes: index them for the next one (the fact rows ask about fifteen, most of them misses).
    // One that stops at an early hit reads a few elements, and builds nothing.
    if (c.classes.length && from === 0 && to === t.els.length) classIndex(t);
    return;
  }
  for (const i of list) if (i >= from && i < to) yield i;
}

/** compoundMatches on the flat tree: string compares on cached tag, id and class values. */
function flatMatches(t: FlatTree, i: number, c: Compound): boolean {
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
  // Every alternative is checked, not only those tried before a hit: an unsupported one must throw
  // on every page, not on the few that lack the earlier alternatives.
  for (const s of selectors) parseSelector(s);
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
