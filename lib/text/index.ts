/**
 * lib/text: normalising printed text, page labels (版次), the one table of continuation markers,
 * paragraph repair, dates, bylines/credits/crossheads, page furniture and mastheads, headline blocks,
 * charset decoding and Chinese bigrams.
 * Pure functions of strings and bytes; import from here (`lib/text`) unless you need one stage.
 */
export * from './normalize';
export * from './labels';
export * from './markers';
export * from './repair';
export * from './dates';
export * from './bylines';
export * from './furniture';
export * from './headlines';
export * from './decode';
export * from './bigrams';
