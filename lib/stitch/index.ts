/**
 * lib/stitch: follow 下转/上接 and same-title continuations across pages through an injected page
 * loader, keep duplicated text once, join seams that cut a sentence. Pure: no fetch, no DOM.
 */
export { stitchArticle, type StitchOptions, type StitchResult } from './article';
export { stitchPages, type PagesResult } from './pages';
export { titleSimilarity, sameTitle, findCopy } from './evidence';
