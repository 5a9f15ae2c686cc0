/**
 * lib/export: Markdown, GB/T 7714 citations, CSL-JSON, file names, zip and backup files.
 * Pure functions of data; the clock (access date, backup time, zip mtime) is always a parameter.
 */
export { bylineNames, authorsOf } from './bylines';
export {
  citeGBT7714,
  formatCitation,
  citationAuthors,
  citationPage,
  citationTitle,
  citationUrl,
} from './citation';
export type { CitationOptions, CitationStyle, CitationWriter } from './citation';
export { articleMarkdown } from './markdown';
export type { MarkdownOptions } from './markdown';
export { clipMarkdown, articleClipsMarkdown } from './clips';
export { selectionMarkdown, libraryMarkdown, groupByArticle } from './selection';
export type { ArticleGroup } from './selection';
export type { MarkStyle } from './marks';
export { libraryFiles, fileTitle } from './files';
export { safeFileName, utf8Bytes, MAX_NAME_BYTES } from './filenames';
export { zipFiles } from './zip';
export type { TextFile } from './zip';
export { cslItem, clipsCsl, libraryCsl, cslJson, cslDate } from './csl';
export type { CslItem, CslDate } from './csl';
export { risRecord, libraryRis } from './ris';
export type { RisOptions } from './ris';
export {
  makeBackup,
  parseBackup,
  readBackup,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_CHARS,
} from './backup';
export type { BackupFile } from './backup';
export { mergeLibrary } from './merge';
export type { MergeCounts, MergeResult } from './merge';
export { checkData, checkRecords, futureProblem, MAX_PROBLEMS, FUTURE_SLACK_MS } from './validate';
export type { BackupData, CheckedRecords } from './validate';
