/**
 * Command-line arguments of `epaper-reader`: `parse [--format json|md] FILE...` and `--help`.
 * Returns a value or an error sentence; never exits, never throws.
 */
import type { Result } from '../lib/model';
import { ISSUE_USAGE, parseIssueArgs, type IssueArgs } from './issue/args';

export type OutputFormat = 'json' | 'md';

/** What the user asked for. `urls[i]` is the address given for `files[i]` with `--url`, '' when none. */
export type Command =
  | { command: 'help' }
  | { command: 'parse'; format: OutputFormat; files: string[]; urls: string[]; report: string }
  | { command: 'issue'; args: IssueArgs };

/** The text `--help` prints. */
export const USAGE = `Usage: epaper-reader parse [--format json|md] [--report OUT] [--url URL] FILE...

Reads e-paper pages saved as HTML (layout pages with article blocks, article pages), as the
plain text of a printed page, or as page PDFs (版面 PDF, one or many pages; known by their bytes; a PDF given with its layout
page is cut by that page's image map), stitches stories continued across the given pages (下转/上接), and
prints them as JSON (default) or as Markdown notes with a GB/T 7714 citation. A page saved by a
browser is read under the address in its "saved from url=" mark, else under the one the page names
(Founder trailer <url>, link rel=canonical, og:url), else under its file: URL.

Options:
  --format json|md   output format (default json); also --format=md
  --url URL          read the FILE that follows as the page at URL (http or https); once per file
  --report OUT       also write OUT: a page report (the page's URL, the reader that read it, what it
                     read and the page's HTML) to attach to a bug report when a page reads wrong;
                     takes exactly one FILE
  -h, --help         show this help

Exit status: 0 when the files were read (problems with their content are in the output),
2 when an argument or a file cannot be used.

${ISSUE_USAGE}

Exit status of issue: 0 when every issue was written whole, 1 when written with pages missing
(listed on stderr), 2 when nothing could be written.`;

/** Parse argv (without node and the script path). */
export function parseArgs(argv: readonly string[]): Result<Command> {
  if (argv.length === 0) return { ok: false, error: 'no command given (try: epaper-reader parse FILE...)' };
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') {
    return { ok: true, value: { command: 'help' } };
  }
  const [command, ...rest] = argv;
  if (command === 'issue') {
    const issue = parseIssueArgs(rest);
    return issue.ok ? { ok: true, value: { command: 'issue', args: issue.value } } : issue;
  }
  if (command !== 'parse')
    return { ok: false, error: `unknown command "${command}" (try: epaper-reader --help)` };

  let format: OutputFormat = 'json';
  const files: string[] = [];
  const urls: string[] = [];
  let nextUrl = '';
  let report = '';
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      urls.push(nextUrl);
      nextUrl = '';
    } else if (arg === '--url' || arg.startsWith('--url=')) {
      const value = arg === '--url' ? rest[++i] : arg.slice('--url='.length);
      if (!isWebUrl(value ?? ''))
        return { ok: false, error: `--url must be an http or https address, not "${value ?? ''}"` };
      if (nextUrl)
        return { ok: false, error: 'two --url options before one file (give --url once before each FILE)' };
      nextUrl = value;
    } else if (arg === '--report' || arg.startsWith('--report=')) {
      const value = arg === '--report' ? rest[++i] : arg.slice('--report='.length);
      if (!value) return { ok: false, error: '--report needs the name of the file to write' };
      report = value;
    } else if (arg === '--') {
      onlyFiles = true;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value !== 'json' && value !== 'md') {
        return { ok: false, error: `--format must be json or md, not "${value ?? ''}"` };
      }
      format = value;
    } else {
      return { ok: false, error: `unknown option "${arg}" (try: epaper-reader --help)` };
    }
  }
  if (nextUrl) return { ok: false, error: '--url must come before the FILE it names' };
  if (files.length === 0) return { ok: false, error: 'no files given (usage: epaper-reader parse FILE...)' };
  if (report && files.length !== 1)
    return { ok: false, error: `--report describes one page: give one FILE, not ${files.length}` };
  return { ok: true, value: { command: 'parse', format, files, urls, report } };
}

function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
