/**
 * The `::highlight()` rules in both places ranges live: the shadow root (reader panel) and the
 * page's own document (article page), where a `::highlight` rule must be in the document's styles.
 */
import { CAPTURE_CSS } from '../../../../components/capture/styles';
import { highlightCss } from './painter';

/** Install the toolbar CSS + highlight rules in the shadow UI, and the highlight rules in the page. */
export function installStyles(doc: Document, ui: HTMLElement): void {
  const style = doc.createElement('style');
  style.textContent = CAPTURE_CSS + highlightCss();
  ui.append(style);
  const sheets = doc as Document & { adoptedStyleSheets?: CSSStyleSheet[] };
  const view = doc.defaultView as (Window & { CSSStyleSheet?: typeof CSSStyleSheet }) | null;
  try {
    // A constructed sheet: no element in the page's DOM, and not blocked by a style-src CSP.
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(highlightCss());
    sheets.adoptedStyleSheets = [...(sheets.adoptedStyleSheets ?? []), sheet];
  } catch {
    const el = doc.createElement('style');
    el.dataset.epaperHighlights = '';
    el.textContent = highlightCss();
    (doc.head ?? doc.documentElement).append(el);
  }
}
