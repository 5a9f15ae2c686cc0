/**
 * The background's side of the message protocol for the library: one handler per storage message.
 * `onChange` hears every successful write so the background can tell open views to re-read
 * (`libraryChanged`), which is how an edit in the popup reaches the page's highlights.
 */
import type { Library } from '../../db/library.ts';
import type { Handlers, StoryItems } from '../../messaging.ts';
import type { Result } from '../../model/index.ts';

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
    deleteMany: async (m) => {
      const r = await library.deleteMany(m);
      if (r.ok) {
        for (const k of new Set(r.value.clips.map(byArticleKey))) onChange(k, 'clip');
        for (const k of new Set(r.value.highlights.map(byArticleKey))) onChange(k, 'highlight');
      }
      return r;
    },
    restoreDeleted: async (m) => {
      const r = await library.restoreDeleted(m);
      if (r.ok) {
        for (const k of new Set((m.clips ?? []).map(byArticleKey))) onChange(k, 'clip');
        for (const k of new Set((m.highlights ?? []).map(byArticleKey))) onChange(k, 'highlight');
      }
      return r;
    },
    listForArticle: (m) => library.listForArticle(m.articleKey),
    recentClips: (m) => library.recentClips(m.limit),
    search: (m) => library.search(m.query, m.filters),
    getCachedPage: (m) => library.getCachedPage(m.url, m.maxAgeMs),
    putCachedPage: (m) => library.putCachedPage(m.page),
    listForStory: (m) => listForStory(library, m.keys, m.urls),
  };
}

/**
 * Items of every article of a story: by key, and by any URL of it. A highlight made on page 2 of a
 * story (key 「news.hndaily.cn/content_58465_19697268」) and one made in the stitched reader (the first
 * part's key) are both found from either page, because the stitched article lists both URLs.
 */
export async function listForStory(
  library: Library,
  keys: string[],
  urls: string[],
): Promise<Result<StoryItems>> {
  try {
    const found = await library.articleKeysByUrls(urls);
    if (!found.ok) return found;
    const all = [...new Set([...keys, ...found.value])].filter((k) => k !== '');
    const out: StoryItems = { articles: [], highlights: [], clips: [] };
    for (const key of all) {
      const r = await library.listForArticle(key);
      if (!r.ok) return r;
      if (r.value.article) out.articles.push(r.value.article);
      out.highlights.push(...r.value.highlights);
      out.clips.push(...r.value.clips);
    }
    out.highlights.sort((a, b) => a.createdAt - b.createdAt);
    out.clips.sort((a, b) => a.createdAt - b.createdAt);
    return { ok: true, value: out };
  } catch (e) {
    return {
      ok: false,
      error: `Could not read the story's highlights: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
