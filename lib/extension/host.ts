/**
 * The one element the extension adds to a page: `<div id="epaper-reader-root">` at the end of
 * <body>, with an OPEN shadow root (tests pierce it; page CSS cannot style it). Everything the
 * content script shows lives inside; measurements are written as data-* attributes on the host.
 */
import { OVERLAY_CSS } from '../../components/styles';

export const HOST_ID = 'epaper-reader-root';

/** The mounted host: the element, its UI container inside the shadow root, and a remover. */
export interface UiHost {
  host: HTMLElement;
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
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const ui = doc.createElement('div');
  ui.className = 'ui';
  shadow.append(style, ui);
  doc.body.append(host);
  return { host, ui, remove: () => host.remove() };
}
