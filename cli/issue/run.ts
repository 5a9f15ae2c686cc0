/**
 * `epaper-reader issue`: one issue, or a range of them, walked through lib/issue with the CLI's
 * fetcher and written with lib/export/issue. Refuses before fetching what it can know is wrong (a
 * range too long without --yes, an output that exists); whatever was fetched stays in the cache.
 * Exit 0 when every issue was whole, 1 when something was written but pages failed, 2 otherwise.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueEpub, issueJsonl, issueMarkdownZip, issueTitle } from '../../lib/export/issue';
import { safeFileName } from '../../lib/export/filenames';
import {
  buildToc,
  datesBetween,
  daysBetween,
  realSleep,
  urlForDate,
  walkIssue,
  type IssueToc,
  type Sleep,
} from '../../lib/issue';
import type { IssueArgs, IssueFormat } from './args';
import { defaultCacheDir, PageCache } from './cache';
import { cliFetcher, type CliFetcher } from './fetcher';
import { progress } from './progress';

/** Longest range taken without --yes: a month of issues. */
export const MAX_RANGE_WITHOUT_YES = 31;
/**
 * Requests of one whole issue, for the estimate a long range prints: the demo's 2026-07-09 issue
 * (7 pages, 28 article pages) took 35; 人民日报's 20–24 pages take more.
 */
const REQUESTS_PER_ISSUE = 35;

/** What the command needs from the world. */
export interface IssueIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Is stderr a terminal (progress bar) or not (plain lines)? */
  tty: boolean;
  today(): string;
  now(): number;
  sleep?: Sleep;
  fetchFn?: typeof fetch;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Told after each issue of a run is written (the bench samples memory there). */
  onIssueDone?(date: string): void;
}

/** What one run did (the bench and the tests read it). */
export interface IssueRun {
  code: number;
  fetcher: CliFetcher;
  written: string[];
  tocs: { date: string; entries: number; pages: number; failures: number; msToToc: number }[];
}

const EXT: Record<IssueFormat, string> = { epub: 'epub', md: 'zip', jsonl: 'jsonl' };

function hours(requests: number, a: IssueArgs): string {
  // Two slots, each one request plus one pause at a time; network time not counted: a lower bound.
  const s = (requests * a.delayMs) / 2 / 1000;
  return s >= 86400 ? `${(s / 86400).toFixed(1)} days` : `${(s / 3600).toFixed(1)} hours`;
}

/** Run the command; never throws. */
export async function runIssue(a: IssueArgs, io: IssueIo): Promise<IssueRun> {
  const sleep = io.sleep ?? realSleep;
  const cache = new PageCache(a.cache || defaultCacheDir(io.env));
  const out = progress({ write: io.stderr, tty: io.tty }, 'epaper-reader');
  const fetcher = cliFetcher({
    cache,
    timeoutMs: a.timeoutMs,
    retries: a.retries,
    backoffMs: Math.max(50, a.delayMs),
    sleep,
    now: io.now,
    stamp: () => new Date(io.now()).toISOString(),
    fetchFn: io.fetchFn,
    onRetry: (url, why, n) => out.note(`epaper-reader: ${url}: ${why}; retry ${n} of ${a.retries}`),
  });
  const run: IssueRun = { code: 0, fetcher, written: [], tocs: [] };
  const fail = (message: string) => {
    void fetcher.close();
    out.note(`epaper-reader: ${message}`);
    run.code = 2;
    return run;
  };

  // The issues to fetch, and where each goes.
  let jobs: { date: string; url: string; out: string }[];
  if (a.from) {
    const days = daysBetween(a.from, a.to);
    if (!urlForDate(a.url, a.from)) {
      return fail(`${a.url} carries no date in its address, so --from/--to cannot find other issues`);
    }
    if (days > MAX_RANGE_WITHOUT_YES && !a.yes) {
      const n = days * REQUESTS_PER_ISSUE;
      return fail(
        `--from ${a.from} --to ${a.to} is ${days} issues: at least ${days} requests (a page of each) and about ` +
          `${n} for whole issues (${REQUESTS_PER_ISSUE} each), ${hours(n, a)} at 2 at a time with a ` +
          `${a.delayMs} ms pause. Pass --yes to go ahead, or choose a shorter range.`,
      );
    }
    const dir = a.out || '.';
    jobs = datesBetween(a.from, a.to).map((date) => ({
      date,
      url: urlForDate(a.url, date),
      out: join(dir, `${date}.${EXT[a.format]}`),
    }));
    const there = jobs.filter((j) => existsSync(j.out));
    if (there.length) {
      return fail(
        `${there[0].out}${there.length > 1 ? ` and ${there.length - 1} more` : ''} exists already; nothing was fetched (choose another --out folder or remove them)`,
      );
    }
    await mkdir(dir, { recursive: true });
  } else {
    if (a.out && existsSync(a.out))
      return fail(`${a.out} exists already; nothing was fetched (choose another --out or remove it)`);
    jobs = [{ date: '', url: a.url, out: a.out }];
  }

  let partial = false;
  let written = 0;
  for (const job of jobs) {
    if (io.signal?.aborted) break;
    const t0 = io.now();
    const bar = progress({ write: io.stderr, tty: io.tty }, job.date || 'epaper-reader');
    const walk = await walkIssue(job.url, fetcher, {
      delayMs: a.delayMs,
      sleep,
      signal: io.signal,
      onProgress: (p) => bar.update(p),
    });
    bar.end();
    if (!walk.ok) {
      if (jobs.length === 1) return fail(walk.error);
      // A day without an issue (a 404 front page) is normal in a range.
      out.note(`epaper-reader: ${job.date}: ${walk.error}`);
      partial = true;
      continue;
    }
    const toc = await buildToc(walk.value);
    run.tocs.push({
      date: toc.date,
      entries: toc.entries.length,
      pages: toc.pages.length,
      failures: toc.failures.length,
      msToToc: io.now() - t0,
    });
    for (const f of toc.failures)
      out.note(
        `epaper-reader: ${f.kind === 'page' ? 'page' : '「' + f.title + '」 on page'} ${f.label}: ${f.reason} (${f.url})`,
      );
    if (toc.stopped) {
      out.note(
        `epaper-reader: stopped; what was fetched is in ${cache.dir}: run the same command again to go on`,
      );
      run.code = 2;
      return run;
    }
    const target = job.out || `${safeFileName(issueTitle(toc), EXT[a.format])}`;
    const bytes = await render(toc, a.format, fetcher, io, a.delayMs, sleep);
    try {
      await writeFile(target, bytes, { flag: 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'EEXIST' ? 'exists already' : `cannot be written (${code ?? (e as Error).message})`;
      return fail(`${target} ${why}; the pages are in the cache ${cache.dir}: rerun with another --out`);
    }
    run.written.push(target);
    written++;
    io.onIssueDone?.(toc.date);
    if (toc.failures.length) partial = true;
    io.stdout(
      `${target}: ${issueTitle(toc)}, ${toc.entries.length} articles on ${toc.pages.length} pages` +
        (toc.failures.length ? `, ${toc.failures.length} not loaded` : '') +
        '\n',
    );
  }
  await fetcher.close();
  const s = fetcher.stats;
  out.note(`epaper-reader: ${s.requests} requests, ${s.fromCache} from the cache ${cache.dir}`);
  if (!written) run.code = 2;
  else if (partial) run.code = 1;
  return run;
}

async function render(
  toc: IssueToc,
  format: IssueFormat,
  fetcher: CliFetcher,
  io: IssueIo,
  delayMs: number,
  sleep: Sleep,
): Promise<Uint8Array> {
  const accessed = io.today();
  if (format === 'jsonl') return new TextEncoder().encode(issueJsonl(toc));
  if (format === 'md') return issueMarkdownZip(toc, { accessed, mtime: new Date(io.now()) });
  let cover: { bytes: Uint8Array; mediaType: string } | undefined;
  if (toc.cover) {
    // The cover is one more request to the site (after the same pause); without it the book is still whole.
    if (!fetcher.cached?.(toc.cover)) await sleep(delayMs, io.signal).catch(() => undefined);
    const got = await fetcher.raw(toc.cover, io.signal).catch(() => null);
    if (got) cover = { bytes: got.bytes, mediaType: got.contentType };
  }
  return issueEpub(toc, { modified: new Date(io.now()).toISOString(), accessed, cover });
}
