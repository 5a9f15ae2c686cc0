/**
 * Arguments of `epaper-reader issue URL [--format epub|md|jsonl] [--out PATH] [--from DATE --to DATE]
 * [--yes] [--cache DIR] [--delay MS] [--timeout MS] [--retries N]`. A value or one error sentence.
 */
import { isDate } from '../../lib/issue';
import type { Result } from '../../lib/model';

export type IssueFormat = 'epub' | 'md' | 'jsonl';

/** What `issue` was asked to do. */
export interface IssueArgs {
  url: string;
  format: IssueFormat;
  /** A file for one issue, a folder for a range; '' = the default name in the current folder. */
  out: string;
  from: string;
  to: string;
  yes: boolean;
  /** '' = the default cache folder. */
  cache: string;
  delayMs: number;
  timeoutMs: number;
  retries: number;
}

export const ISSUE_USAGE = `Usage: epaper-reader issue URL [--format epub|md|jsonl] [--out PATH]
                           [--from DATE --to DATE] [--yes] [--cache DIR]

Fetches a whole issue (every page and article, stories continued across pages stitched once),
starting from any page of it, and writes it as an EPUB (default), a zip of Markdown notes, or JSON
Lines. Politely: 2 requests at a time, a pause after each, retries with backoff on 5xx and
timeouts, none on 404. Every page fetched is kept in the cache folder, so a rerun or an
interrupted run fetches only what is missing.

Options:
  --format epub|md|jsonl  output format (default epub)
  --out PATH              output file (one issue) or folder (a range); never overwritten
  --from DATE --to DATE   every issue from DATE to DATE (YYYY-MM-DD), for sites whose URLs carry the date
  --yes                   go ahead with a range longer than 31 days
  --cache DIR             cache folder (default $XDG_CACHE_HOME/epaper-reader or ~/.cache/epaper-reader)
  --delay MS              pause after each request (default 1000)
  --timeout MS            give up on a request after MS (default 20000)
  --retries N             retries on 5xx and timeouts (default 3)`;

const VALUE_OPTIONS = ['--format', '--out', '--from', '--to', '--cache', '--delay', '--timeout', '--retries'];

function count(name: string, v: string, max: number): Result<number> {
  if (!/^\d{1,9}$/.test(v) || Number(v) > max)
    return { ok: false, error: `${name} must be a whole number from 0 to ${max}, not "${v}"` };
  return { ok: true, value: Number(v) };
}

/** Parse the words after `issue`. */
export function parseIssueArgs(rest: readonly string[]): Result<IssueArgs> {
  const a: IssueArgs = {
    url: '',
    format: 'epub',
    out: '',
    from: '',
    to: '',
    yes: false,
    cache: '',
    delayMs: 1000,
    timeoutMs: 20_000,
    retries: 3,
  };
  const urls: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--yes' || arg === '-y') {
      a.yes = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      urls.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (!VALUE_OPTIONS.includes(name))
      return { ok: false, error: `unknown option "${arg}" (try: epaper-reader --help)` };
    const value = inline ?? rest[++i];
    if (value === undefined || value === '') return { ok: false, error: `${name} needs a value` };
    if (name === '--format') {
      if (value !== 'epub' && value !== 'md' && value !== 'jsonl') {
        return { ok: false, error: `--format must be epub, md or jsonl, not "${value}"` };
      }
      a.format = value;
    } else if (name === '--out') a.out = value;
    else if (name === '--cache') a.cache = value;
    else if (name === '--from' || name === '--to') {
      if (!isDate(value)) return { ok: false, error: `${name} must be a date YYYY-MM-DD, not "${value}"` };
      a[name === '--from' ? 'from' : 'to'] = value;
    } else {
      const r = count(name, value, name === '--retries' ? 10 : 600_000);
      if (!r.ok) return r;
      if (name === '--delay') a.delayMs = r.value;
      else if (name === '--timeout') a.timeoutMs = Math.max(1, r.value);
      else a.retries = r.value;
    }
  }
  if (urls.length !== 1) {
    return {
      ok: false,
      error: urls.length
        ? `one URL please, not ${urls.length}`
        : 'no URL given (usage: epaper-reader issue URL)',
    };
  }
  a.url = urls[0];
  if (!/^https?:\/\//i.test(a.url))
    return { ok: false, error: `"${a.url}" is not a web address (http:// or https://)` };
  if (Boolean(a.from) !== Boolean(a.to)) return { ok: false, error: '--from and --to go together' };
  if (a.from && a.to < a.from) return { ok: false, error: `--to ${a.to} is before --from ${a.from}` };
  return { ok: true, value: a };
}
