/**
 * Looking into the extension's CLOSED shadow root from the test, by trusted means: the Chrome
 * DevTools Protocol (`DOM.getDocument` with `pierce: true`) sees closed roots, which neither the
 * page nor Playwright locators can. Clicks go through Playwright's mouse at the element's box, so
 * they are real input (`isTrusted`), as a reader's would be. Used on the shipping build.
 */
import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  nodeType: number;
  nodeName: string;
  backendNodeId: number;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: 'open' | 'closed' | 'user-agent';
}

/** One element of our UI as the protocol saw it. */
export interface UiNode {
  backendNodeId: number;
  attributes: Record<string, string>;
  text: string;
}

/** The UI inside `#epaper-reader-root`'s shadow root, read afresh on each call. */
export interface ClosedUi {
  /** The shadow root's mode as the browser has it ('closed' in what ships), or null without a host. */
  mode(): Promise<string | null>;
  /** Elements with `data-testid="<testid>"` inside the shadow root, in document order. */
  find(testid: string): Promise<UiNode[]>;
  /** The `index`th `testid` element's border box in viewport pixels, scrolled into view. */
  box(testid: string, index?: number): Promise<{ x: number; y: number; width: number; height: number }>;
  /** A trusted mouse click in the middle of the `index`th `testid` element. */
  click(testid: string, index?: number): Promise<void>;
  /** Scroll the `index`th `testid` element to the middle of its scroller. */
  scrollToCenter(testid: string, index?: number): Promise<void>;
  /** Poll until `done(find(testid))`; the last nodes found. */
  until(testid: string, done: (nodes: UiNode[]) => boolean, ms?: number): Promise<UiNode[]>;
}

const attrs = (n: CdpNode): Record<string, string> => {
  const out: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) out[a[i]] = a[i + 1];
  return out;
};

const textOf = (n: CdpNode): string =>
  n.nodeType === 3 ? (n.nodeValue ?? '') : (n.children ?? []).map(textOf).join('');

function walk(n: CdpNode, visit: (n: CdpNode) => void): void {
  visit(n);
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c, visit);
}

/** Open a DevTools session on `page` for reading our closed UI. */
export async function closedUi(page: Page): Promise<ClosedUi> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const host = async (): Promise<CdpNode | null> => {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    let found: CdpNode | null = null;
    walk(root, (n) => {
      if (!found && n.nodeType === 1 && attrs(n).id === 'epaper-reader-root') found = n;
    });
    return found;
  };
  const find = async (testid: string): Promise<UiNode[]> => {
    const h = await host();
    const out: UiNode[] = [];
    for (const shadow of h?.shadowRoots ?? [])
      walk(shadow, (n) => {
        if (n.nodeType === 1 && attrs(n)['data-testid'] === testid)
          out.push({ backendNodeId: n.backendNodeId, attributes: attrs(n), text: textOf(n) });
      });
    return out;
  };
  const ui: ClosedUi = {
    mode: async () => (await host())?.shadowRoots?.[0]?.shadowRootType ?? null,
    find,
    async box(testid, index = 0) {
      const node = (await find(testid))[index];
      if (!node) throw new Error(`no [data-testid="${testid}"] #${index} in the extension's UI`);
      await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
      const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId })) as {
        model: { border: number[] };
      };
      const [x1, y1, , , x3, y3] = model.border;
      return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
    },
    async click(testid, index = 0) {
      const b = await ui.box(testid, index);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    },
    async scrollToCenter(testid, index = 0) {
      const node = (await find(testid))[index];
      if (!node) return;
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId })) as {
        object: { objectId: string };
      };
      await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: "function () { this.scrollIntoView({ block: 'center' }); }",
      });
    },
    async until(testid, done, ms = 20_000) {
      const end = Date.now() + ms;
      let nodes = await find(testid);
      while (!done(nodes) && Date.now() < end) {
        await page.waitForTimeout(100);
        nodes = await find(testid);
      }
      return nodes;
    },
  };
  return ui;
}
