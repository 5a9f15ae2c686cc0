/**
 * lib/export: Markdown, GB/T 7714 citations, CSL-JSON, file names, zip and backup files.
 * Pure functions of data; the clock (access date, backup time) is always a parameter.
 */
export { bylineNames, authorsOf } from './bylines';
export { citeGBT7714, citationAuthors, citationPage, citationTitle } from './citation';
export type { CitationOptions, CitationStyle } from './citation';
export { articleMarkdown } from './markdown';
export type { MarkdownOptions } from './markdown';
export type { MarkStyle } from './marks';
