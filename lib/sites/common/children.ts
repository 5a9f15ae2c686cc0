/** Child lists that stay cheap in happy-dom (tests, CLI) and in browsers alike. */

/**
 * The child nodes of a node as an array. Narrow nodes are stepped with firstChild/nextSibling, which
 * allocates nothing (in happy-dom, the first `childNodes` read builds a Proxy per element, and that
 * is most of a read's cost); wide ones are copied once from `childNodes`, because happy-dom's
 * `nextSibling` searches the parent's list and would make a flat 20 MB page quadratic.
 */
export function childrenOf(node: Node): Node[] {
  const count = (node as Element).childElementCount;
  if (typeof count === 'number' && count <= 16) {
    const out: Node[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  }
  return Array.from(node.childNodes);
}
