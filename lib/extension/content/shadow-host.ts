/**
 * The one element the extension adds to a page: `<div id="epaper-reader-root">` at the end of
 * <body>, with a CLOSED shadow root: the page's own script gets `host.shadowRoot === null` and
 * cannot read or click what we show (stitched text included); page CSS cannot style it. Our code
 * keeps the root it created (`UiHost.shadow`) and never looks it up again.
 */
import { OVERLAY_CSS } from '../../../components/styles';

/**
 * Set at build time by wxt.config.ts: 'closed' in every build that ships (build, zip, start) and
 * 'open' only in the e2e inspect build (.output-e2e), whose journey tests use Playwright locators,
 * which cannot pierce a closed root. Unit tests define it 'open' (vitest.config.ts).
 */
declare const __EPAPER_SHADOW_MODE__: ShadowRootMode;

export const HOST_ID = 'epaper-reader-root';

/** The mounted host: the element, its shadow root and UI container, and a remover. */
export interface UiHost {
  host: HTMLElement;
  /** The (closed) shadow root: held here because `host.shadowRoot` is null for everyone. */
  shadow: ShadowRoot;
  /** Container inside the shadow root where Preact renders. */
  ui: HTMLElement;
  remove(): void;
}

/** Create (or reuse, after an extension update re-injects the script) the host element. */
export function mountHost(doc: Document): UiHost {
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  // Positioned at the document origin with no size, so it never shifts the page's own layout.
  host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483000;';
  const shadow = host.attachShadow({ mode: __EPAPER_SHADOW_MODE__ });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const ui = doc.createElement('div');
  ui.className = 'ui';
  shadow.append(style, ui);
  doc.body.append(host);
  return { host, shadow, ui, remove: () => host.remove() };
}
