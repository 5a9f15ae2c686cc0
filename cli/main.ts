/**
 * `epaper-reader parse [--format json|md] FILE...` and `epaper-reader issue URL …`: the command-line
 * front door over lib/. Thin: arguments (args.ts), files → pages (read.ts; PDFs pdf.ts), stitching
 * (lib/stitch), printing (output.ts); `issue` is issue/run.ts over lib/issue.
 * Exit 0 when the files were read, 2 with one line on stderr when they cannot be; never a stack trace.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { pageReport } from '../lib/export/report';
import { stitchPages } from '../lib/stitch';
import type { Page } from '../lib/model';
import { parseArgs, USAGE, type OutputFormat } from './args';
import { toJson, toMarkdown, type FileProblem } from './output';
import { looksLikePdf } from '../lib/pdf/load';
import { cutByLayouts, pdfPages, type PdfReadFile } from './pdf';
import { loadBytes, pageFromBytes } from './read';
import { runIssue, type IssueIo } from './issue/run';

/** Where the CLI writes, and its clock: parameters, so tests run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today's date YYYY-MM-DD (引用日期 of online citations). */
  today(): string;
  /** For `issue`: the clock, the terminal, the network and the stop (defaults: the process's own). */
  issue?: Partial<Omit<IssueIo, 'stdout' | 'stderr' | 'today'>>;
  /** The time now as ISO 8601 (when a `--report` was made); today at midnight UTC when not given. */
  now?(): string;
}

/** The process's own streams and clock. */
export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  today: () => new Date().toISOString().slice(0, 10),
  now: () => new Date().toISOString(),
};

/** Run the CLI on `argv` (without node and script); resolves to the exit status. Never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (!args.ok) return fail(io, args.error);
    if (args.value.command === 'help') {
      io.stdout(USAGE + '\n');
      return 0;
    }
    if (args.value.command === 'issue') {
      const run = await runIssue(args.value.args, {
        stdout: io.stdout,
        stderr: io.stderr,
        today: io.today,
        tty: io.issue?.tty ?? false,
        now: io.issue?.now ?? Date.now,
        ...io.issue,
      });
      return run.code;
    }
    const { files, urls, format, report } = args.value;
    return await parse(files, urls, format, report, io);
  } catch (e) {
    // Last line of defence: one line, no stack.
    return fail(io, `unexpected error: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function parse(
  files: string[],
  urls: string[],
  format: OutputFormat,
  report: string,
  io: CliIo,
): Promise<number> {
  // Check every file first, so a typo in the last name prints nothing but the error.
  const bytes: Uint8Array[] = [];
  for (const file of files) {
    const loaded = await loadBytes(file);
    if (!loaded.ok) return fail(io, loaded.error);
    bytes.push(loaded.value);
  }
  const read: PdfReadFile[] = [];
  for (let i = 0; i < files.length; i++) {
    if (looksLikePdf(bytes[i])) read.push(...(await pdfPages(files[i], bytes[i])));
    else read.push(await pageFromBytes(files[i], bytes[i], urls[i]));
  }
  // A page PDF given with its layout page is cut by that page's image map.
  cutByLayouts(read);
  if (report) {
    const written = await writeReport(report, read[0], io);
    if (written) return fail(io, written);
  }

  const pages = read.filter((r): r is typeof r & { page: Page } => r.page !== null);
  const problems: FileProblem[] = read.flatMap((r) =>
    r.problems.map((message) => ({ file: r.file, message })),
  );
  // stitchPages resolves {label} and {url} among the given pages only: the CLI never fetches.
  const stitched = await stitchPages(pages.map((r) => r.page));
  problems.push(...stitched.problems.map((message) => ({ file: '', message })));

  if (format === 'json') {
    io.stdout(JSON.stringify(toJson(pages, stitched.articles, problems), null, 2) + '\n');
  } else {
    io.stdout(toMarkdown(stitched.articles, io.today()));
    // Markdown goes into notes: problems go to stderr so they do not end up in them.
    for (const p of problems) io.stderr(`epaper-reader: ${p.file ? p.file + ': ' : ''}${p.message}\n`);
  }
  return 0;
}

/** Write the `--report` file; an error sentence when it cannot be written, '' when it was. */
async function writeReport(
  out: string,
  file: Awaited<ReturnType<typeof pageFromBytes>>,
  io: CliIo,
): Promise<string> {
  if (!file.page)
    return `${file.file}: nothing was read, so there is no report to write (${file.problems.join('; ')})`;
  const made = pageReport({
    url: file.page.url,
    html: file.text,
    page: file.page,
    trace: file.trace ? { ...file.trace } : undefined,
    made: 'epaper-reader cli',
    now: io.now ? io.now() : `${io.today()}T00:00:00.000Z`,
  });
  try {
    await writeFile(out, made.text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return `${out} exists already: the report is never written over a file`;
    return `${out}: cannot write the report (${code ?? (e as Error).message})`;
  }
  io.stderr(
    `epaper-reader: wrote ${out}: attach it to your report of this page (it holds the page's HTML)\n`,
  );
  return '';
}

function fail(io: CliIo, message: string): number {
  io.stderr(`epaper-reader: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return 2;
}

// Run when executed directly (tsx cli/main.ts, or cli/bin.mjs), not when imported by tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2), process.argv[2] === 'issue' ? withProcessIssueIo(processIo) : processIo).then(
    (code) => {
      process.exitCode = code;
    },
  );
}

/**
 * The process's terminal and Ctrl-C for `issue`: the first Ctrl-C stops the walk (the cache keeps
 * what was fetched, and the run says how to go on); a second one ends the process at once.
 */
export function withProcessIssueIo(io: CliIo): CliIo {
  const stop = new AbortController();
  process.once('SIGINT', () => {
    stop.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  return { ...io, issue: { tty: Boolean(process.stderr.isTTY), now: Date.now, signal: stop.signal } };
}
