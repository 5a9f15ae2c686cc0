/** Child lists that stay cheap in happy-dom (tests, CLI) and in browsers alike. */

/**
 * How many children are stepped with nextSibling before switching to a copy of `childNodes`: happy-dom's
 * `nextSibling` searches the parent's list (a flat 20 MB page would be quadratic), and its first
 * `childNodes` read builds a NodeList Proxy (most of a narrow node's cost). 32 nodes is a `<div>`
 * of 16 elements with the white space between them.
 */
export const NARROW = 32;

/**
 * The child nodes of a node as an array, in order. Narrow nodes are stepped with
 * firstChild/nextSibling, which allocates nothing in happy-dom; wide ones are copied once from
 * `childNodes`. Counting the steps (rather than asking `childElementCount` first) saves a property
 * read on every node: most nodes are text or a `<p>` with one text child.
 */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  const last = node.lastChild;
  // Stopping at lastChild spares the final nextSibling search: a `<p>` with one text node costs none.
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (out.length === NARROW) return Array.from(node.childNodes);
    out.push(c);
    if (c === last) break;
  }
  return out;
}
