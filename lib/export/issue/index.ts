/** The whole-issue exports: EPUB 3, a Markdown folder (zip) and JSON Lines, all from an IssueToc. */
export { issueEpub, type EpubOptions } from './epub';
export { issueMarkdownFiles, issueMarkdownZip, type IssueFile } from './markdown';
export { issueJsonl, issueLines, type IssueLine } from './jsonl';
export { pagesLabel, pageNames, issueTitle } from './pages';
