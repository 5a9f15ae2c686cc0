/**
 * Test helper: a happy-dom Document from HTML, with the page's URL, so tests read fixtures the way the
 * content script reads a live page. Scripts are not run (happy-dom does not evaluate them by default).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

/** Parse HTML into a Document whose URL is `url` (relative hrefs resolve against it). */
export function docFromHtml(html: string, url = 'http://localhost/'): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return doc as unknown as Document;
}

/** Read a fixture file (path relative to tests/fixtures/) as UTF-8 text. */
export function fixtureText(relative: string): string {
  const path = fileURLToPath(new URL(`../fixtures/${relative}`, import.meta.url));
  return readFileSync(path, 'utf8');
}
