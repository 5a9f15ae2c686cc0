/**
 * Every problem and refusal the pure core reports, in one table: a code, its English sentence with
 * `$1`… for the parameters. The UI reads the code and parameters back from the sentence
 * (`problemOf`) and shows the sentence of its own language from `_locales` (key `prob` + the code
 * with a capital: 「noDate」 → `probNoDate`; lib/extension/shared/problem-text.ts). The page readers
 * (lib/sites, lib/text, lib/stitch) run in the content script, whose size budget has no room for
 * this table: they write the same sentences in place, and tests/extension/locales.test.ts checks
 * that every sentence they write is one of these. The CLI prints the English.
 */

/** The problems of reading pages (sites, text, stitch): they run in the content script too. */
export const PAGE_PROBLEMS = {
  // lib/text/decode.ts: bytes → text
  notText: 'not a text or HTML file',
  charsetUnknown: 'unknown charset "$1", guessed from the bytes instead',
  charsetDeclaredUtf8: 'the page declares $1 but its bytes are UTF-8; read as UTF-8',
  cutShort: 'the file ends in the middle of a character (cut short?)',
  badUtf8: '$1 invalid UTF-8 byte sequence(s) replaced with U+FFFD',
  charsetDeclaredGb: 'the page declares $1 but its bytes are not UTF-8; read as GB18030',
  charsetGuessedGb: 'the bytes are not UTF-8; read as GB18030',
  // lib/sites: documents → pages
  notEpaper: 'Not an e-paper page: no article text found (no known e-paper layout, no main text).',
  genericReader: 'Read with the generic reader: this site is not a known e-paper platform, check the text.',
  emptyDocument: 'The document is empty.',
  readFailed: 'Could not read this page ($1): $2',
  noBlocks: 'This layout page lists no articles (no image map and no title list found).',
  noArticleText: 'No article text found on this page.',
  untitledBlocks: '$1 of $2 article blocks have no title on this page.',
  // lib/sites/page-text: pasted or dropped page text
  textFailed: 'page text could not be read: $1',
  controlChars: 'not page text: $1 control or replacement characters in the first $2',
  isHtml: 'not page text: this is HTML (read it as a document with readPage)',
  noText: 'no text on the page',
  noArticles: 'no articles found in the page text',
  noDate: 'no date: neither the masthead nor the URL carries one',
  // lib/stitch: $1 is the marker as printed (下转A4版), $2 the page label, $3 the part's title
  pageUnavailable: '$1: page $2 is not available ($3)',
  ambiguous: '$1: several articles on page $2 could be the other part of $3; took the first',
  sameTitleFailed:
    '$1 may continue on page $2, which lists the same title, but its page could not be loaded: $3',
  noContinuation: '$1: no article on page $2 continues $3',
  noContinuationFailed: '$1: no article on page $2 continues $3; article pages that could not be loaded: $4',
  noStart: '$1: no article on page $2 is the start of $3',
  noStartFailed: '$1: no article on page $2 is the start of $3; article pages that could not be loaded: $4',
  cycle: '$1: page $2 is already part of this article (a cycle); stopped there',
  tooManyParts: '$1: more than $2 parts; stopped there',
  stitchStopped: 'stitching stopped: $1',
  loaderNoPage: 'the loader returned no page',
  // lib/stitch/pages.ts: continuations among given pages only (paste mode, the CLI)
  pageNotGiven: 'page $1 was not given',
  urlNotGiven: '$1 was not given',
  reachedTwice: 'page $1 was reached both ways (a cycle); kept once',
} as const;

/**
 * A backup file refused whole (lib/export/backup.ts): library pages only, kept out of the page
 * table so the content script (which has a hard size budget) does not carry them.
 */
export const BACKUP_PROBLEMS = {
  backupNoText: 'This is not a backup file: no text was given.',
  backupTooLarge: 'This file is too large to be a backup ($1; the limit is $2).',
  backupEmpty: 'This backup file cannot be read: it is empty.',
  backupNotJson: 'This backup file cannot be read: it is not valid JSON; it may be damaged or cut short.',
  backupForeign: 'This is not an E-paper Reader backup file (its format name is missing or different).',
  backupNoVersion: 'This backup file has no valid version number.',
  backupNewer:
    'This backup was made by a newer version of E-paper Reader (format $1; this one reads up to $2). Update the extension and try again.',
  backupDamaged: 'This backup file is damaged: $1.',
} as const;

export type PageProblemCode = keyof typeof PAGE_PROBLEMS;
export type BackupProblemCode = keyof typeof BACKUP_PROBLEMS;
export type ProblemCode = PageProblemCode | BackupProblemCode;

/** Every problem, code → English sentence (the UI's table to read them back). */
export function allProblems(): Record<ProblemCode, string> {
  return { ...PAGE_PROBLEMS, ...BACKUP_PROBLEMS };
}

/** A parameter standing for a part with no title (「$3」 in the stitch problems). */
export const UNTITLED_PART = 'this untitled part';

function fill(template: string, params: ReadonlyArray<string | number>): string {
  return template.replace(/\$(\d)/g, (_, d: string) => String(params[Number(d) - 1] ?? ''));
}

/** The English sentence of a problem: `problem('noDate')`, `problem('cycle', '下转A4版', 'A4')`. */
export function problem(code: PageProblemCode, ...params: Array<string | number>): string {
  return fill(PAGE_PROBLEMS[code], params);
}

/** The English sentence of a backup refusal: `backupProblem('backupNewer', 9, 1)`. */
export function backupProblem(code: BackupProblemCode, ...params: Array<string | number>): string {
  return fill(BACKUP_PROBLEMS[code], params);
}

interface Pattern {
  code: ProblemCode;
  re: RegExp;
}

let patterns: Pattern[] | null = null;

// Longest sentences first: 「…continues $3; article pages…」 must not be read as 「…continues $3」.
function table(): Pattern[] {
  const all: Record<ProblemCode, string> = { ...PAGE_PROBLEMS, ...BACKUP_PROBLEMS };
  patterns ??= (Object.keys(all) as ProblemCode[])
    .map((code) => {
      const src = all[code]
        .split(/\$\d/)
        .map((lit) => lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('([\\s\\S]*?)');
      return { code, re: new RegExp('^' + src + '$'), len: all[code].length };
    })
    .sort((a, b) => b.len - a.len)
    .map(({ code, re }) => ({ code, re }));
  return patterns;
}

/** The code and parameters of a sentence `problem` made, or null for any other text. */
export function problemOf(text: string): { code: ProblemCode; params: string[] } | null {
  for (const p of table()) {
    const m = p.re.exec(text);
    if (m) return { code: p.code, params: m.slice(1) };
  }
  return null;
}
