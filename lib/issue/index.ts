/**
 * lib/issue: the whole issue as one thing. Walk an issue from any page of it through an injected
 * fetcher, politely (2 at a time, a pause, cache hits free, stop by AbortSignal); build its 目录 with
 * stitched stories once; date ranges for families whose URL carries the date. Pure: no fetch, no DOM.
 */
export { walkIssue, MAX_ISSUE_PAGES, MAX_PAGE_BLOCKS, type WalkOptions } from './walk';
export { buildToc } from './toc';
export { politeQueue, realSleep, abortError, type Sleep, type PoliteQueue } from './polite';
export { scopeOf, outsideIssue, pageKey, type IssueScope } from './scope';
export { urlForDate, datesBetween, daysBetween, isDate } from './range';
export type * from './types';
