/**
 * The background's side of the message protocol for the library: one handler per storage message.
 * `onChange` hears every successful write so the background can tell open views to re-read
 * (`libraryChanged`), which is how an edit in the popup reaches the page's highlights.
 */
import type { Handlers } from '../messaging.ts';
import type { Result } from '../model/index.ts';
import type { Library } from './library.ts';

/** Reports which article a successful write touched. */
export type ChangeListener = (articleKey: string, what: 'highlight' | 'clip' | 'article') => void;

/** Handlers for every storage message (fetchPage and libraryChanged are left to the extension). */
export function libraryHandlers(library: Library, onChange: ChangeListener = () => {}): Handlers {
  const tell =
    <T>(what: 'highlight' | 'clip' | 'article', keyOf: (v: T) => string) =>
    (r: Result<T>): Result<T> => {
      if (r.ok) onChange(keyOf(r.value), what);
      return r;
    };
  const byArticleKey = <T extends { articleKey: string }>(v: T): string => v.articleKey;
  return {
    saveArticle: (m) => library.saveArticle(m.article, m.url).then(tell('article', (a) => a.key)),
    findArticleByUrl: (m) => library.findArticleByUrl(m.url),
    saveHighlight: (m) => library.saveHighlight(m.highlight, m.article).then(tell('highlight', byArticleKey)),
    updateHighlight: (m) => library.updateHighlight(m.id, m.patch).then(tell('highlight', byArticleKey)),
    deleteHighlight: (m) => library.deleteHighlight(m.id).then(tell('highlight', byArticleKey)),
    saveClip: (m) => library.saveClip(m.clip, m.article).then(tell('clip', byArticleKey)),
    updateClip: (m) => library.updateClip(m.id, m.patch).then(tell('clip', byArticleKey)),
    deleteClip: (m) => library.deleteClip(m.id).then(tell('clip', byArticleKey)),
    listForArticle: (m) => library.listForArticle(m.articleKey),
    recentClips: (m) => library.recentClips(m.limit),
    search: (m) => library.search(m.query, m.filters),
    getCachedPage: (m) => library.getCachedPage(m.url, m.maxAgeMs),
    putCachedPage: (m) => library.putCachedPage(m.page),
  };
}
