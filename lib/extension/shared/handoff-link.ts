/**
 * The library page opened on one article for a hand-off (the reader panel's 「存入 Zotero」, through
 * the background): `library.html?article=<key>&handoff=zotero`. The page lists that article's clips
 * and highlights, its hand-off bar works on that article alone, and the 「存入 Zotero」 button has
 * the focus; the send itself waits for the user's click there, because asking for the
 * 127.0.0.1:23119 permission needs a gesture on an extension page.
 */

/** Which hand-off button the page focuses. */
export type HandoffFocus = 'zotero';

/** The library page's URL for `articleKey` (`page`: the extension's library.html). */
export function libraryHandoffUrl(page: string, articleKey: string, focus: HandoffFocus = 'zotero'): string {
  const q = new URLSearchParams({ article: articleKey, handoff: focus });
  return `${page}?${q.toString()}`;
}

/** What the library page's query asks for: the article it is narrowed to, and the button to focus. */
export function handoffFromQuery(search: string): { article: string; focus: HandoffFocus | null } {
  const q = new URLSearchParams(search);
  return { article: q.get('article') ?? '', focus: q.get('handoff') === 'zotero' ? 'zotero' : null };
}
