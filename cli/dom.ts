/**
 * HTML text → a happy-dom Document for the page readers, with the page's scripts, styles and
 * subresources switched off (a saved page must not run or fetch anything), and element nesting
 * capped at the depth browsers allow, so a hostile page cannot overflow the stack.
 */
import { Window } from 'happy-dom';

/** Chromium's HTML parser stops nesting at 512 (kMaximumHTMLParserDOMTreeDepth): deeper elements
 * become children of the 512th. happy-dom has no such cap and its own tree walks (querySelectorAll,
 * textContent, close) recurse and overflow at about 2,000 levels: we apply the browser's rule. */
export const MAX_DEPTH = 512;

/** A parsed page and the way to free it (happy-dom windows hold timers and listeners). */
export interface ParsedHtml {
  document: Document;
  problems: string[];
  close(): Promise<void>;
}

const SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: {
    disableMainFrameNavigation: true,
    disableChildFrameNavigation: true,
    disableChildPageNavigation: true,
    disableFallbackToSetURL: true,
  },
};

/** Parse `html` as the document at `url` (file:// for the CLI). Never throws. */
export function parseHtml(html: string, url: string): ParsedHtml {
  const window = new Window({ url, settings: SETTINGS });
  return parseIn(window, html, () => window.happyDOM.close());
}

/**
 * One window for many pages (`epaper-reader issue` reads 35 pages an issue): making and closing a
 * happy-dom Window per page was half of the parse time (docs/benchmarks-issue.md). The readers take
 * the page's URL as a parameter, so the window's own URL does not matter. Renewed every `renew`
 * pages, so nothing a window keeps per document can pile up over a long range.
 */
export function sharedParser(renew = 64): { parse(html: string): ParsedHtml; close(): Promise<void> } {
  let window: Window | null = null;
  let used = 0;
  return {
    parse(html) {
      if (!window || used >= renew) {
        void window?.happyDOM.close().catch(() => undefined);
        window = new Window({ url: 'about:blank', settings: SETTINGS });
        used = 0;
      }
      used++;
      return parseIn(window, html, async () => undefined);
    },
    async close() {
      await window?.happyDOM.close().catch(() => undefined);
      window = null;
    },
  };
}

function parseIn(window: Window, html: string, closeWindow: () => Promise<void>): ParsedHtml {
  const problems: string[] = [];
  let document: Document;
  try {
    document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  } catch (e) {
    // happy-dom's parser throws on some damaged markup (insertBefore on an ancestor) where a browser
    // would recover: keep the page's text rather than lose the file.
    document = new window.DOMParser().parseFromString(
      '<html><body></body></html>',
      'text/html',
    ) as unknown as Document;
    document.body.textContent = html.replace(/<[^>]*>/g, ' ');
    problems.push(
      `the HTML could not be parsed as a tree (${e instanceof Error ? e.message : String(e)}); read as text`,
    );
  }
  const close = async () => {
    // Emptying the tree first: happy-dom's close() tears a 200,000-node page down 80× slower.
    if (document.documentElement) document.documentElement.textContent = '';
    await closeWindow().catch(() => undefined);
  };
  const flattened = capDepth(document, MAX_DEPTH);
  if (flattened > 0) {
    problems.push(
      `elements nested deeper than ${MAX_DEPTH} levels; ${flattened} of them were flattened, as browsers do`,
    );
  }
  return { document, problems, close };
}

/**
 * Move every node below depth `limit` up to be a child of its ancestor at depth `limit`, in document
 * order (what Chromium's parser does while parsing). Iterative: no recursion on the tree's depth.
 * Returns how many nodes were moved.
 */
export function capDepth(root: Node, limit: number): number {
  let moved = 0;
  let node: Node | null = root.firstChild;
  let depth = 1;
  while (node) {
    if (depth === limit && node.firstChild) moved += flattenInto(node);
    if (depth < limit && node.firstChild) {
      node = node.firstChild;
      depth++;
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      depth--;
      if (node === root) return moved;
    }
    node = node ? node.nextSibling : null;
  }
  return moved;
}

/** Make all descendants of `top` its direct children, in document order; returns how many moved up. */
function flattenInto(top: Node): number {
  const all: Node[] = [];
  let direct = 0;
  let n: Node | null = top.firstChild;
  while (n && n !== top) {
    all.push(n);
    if (n.parentNode === top) direct++;
    if (n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== top && !n.nextSibling) n = n.parentNode;
    if (n && n !== top) n = n.nextSibling;
  }
  // In reverse document order every node comes after its descendants: each removal is of a leaf.
  for (let i = all.length - 1; i >= 0; i--) all[i].parentNode?.removeChild(all[i]);
  for (const child of all) top.appendChild(child);
  return all.length - direct;
}
