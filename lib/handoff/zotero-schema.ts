/**
 * The fields Zotero accepts on a `newspaperArticle`, copied from Zotero's own schema:
 * zotero/zotero-schema `schema.json` (schema version 22, commit 045659ea75581e915dd9a0d4c0a1ec48b312a3d5),
 * `itemTypes[itemType=newspaperArticle]`. Only this list is kept, not the 300 KB file: the payload
 * is checked field by field against it (tests/handoff/zotero.test.ts), so a typo such as `page`
 * for `pages` (which Zotero would drop silently) fails a test instead of losing the 版次.
 */
export const NEWSPAPER_ARTICLE_FIELDS = [
  'title',
  'abstractNote',
  'publicationTitle',
  'place',
  'edition',
  'date',
  'section',
  'pages',
  'language',
  'shortTitle',
  'ISSN',
  'url',
  'accessDate',
  'archive',
  'archiveLocation',
  'libraryCatalog',
  'callNumber',
  'rights',
  'extra',
] as const;

/** The creator types of a `newspaperArticle` (same source); `author` is the primary one. */
export const NEWSPAPER_ARTICLE_CREATOR_TYPES = [
  'author',
  'contributor',
  'translator',
  'reviewedAuthor',
] as const;

export type NewspaperField = (typeof NEWSPAPER_ARTICLE_FIELDS)[number];
