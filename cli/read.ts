/**
 * One file → one Page: bytes through decodeBytes, HTML through happy-dom and readPage, printed page
 * text through readText. Content problems come back as sentences; only unreadable files are errors.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page, Result } from '../lib/model';
import { readText } from '../lib/sites';
import { readPageTraced, type ReadTrace } from '../lib/sites/full';
import { decodeBytes } from '../lib/text/decode';
import { parseHtml } from './dom';

/** A file as read: its Page (null when there was nothing to read) and what went wrong with it. */
export interface ReadFile {
  file: string;
  page: Page | null;
  problems: string[];
  /** The decoded text the page was read from ('' when there was none), for `--report`. */
  text: string;
  /** How an HTML page was read (lib/sites/full), for `--report`. */
  trace?: ReadTrace;
}

/**
 * The largest file the CLI will read. The biggest real page we have is about 150 KB (the
 * hbrb-2023 fragment; zqb's article page is 105 KB), and the bad-input tests read a 20 MB page on
 * purpose: 32 MiB leaves room for both and still refuses a disk image or a log before it is in memory.
 */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

/** What a non-regular file is, in the words of its error line. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why a file cannot be read as a page (not regular, too big), or null when it can. */
function refuse(file: string, info: Stats): string | null {
  if (!info.isFile()) return `${file} is ${kindOf(info)}, not a page file`;
  if (info.size > MAX_PAGE_BYTES) {
    const mb = (n: number) => Math.round(n / (1024 * 1024));
    return `${file} is ${mb(info.size)} MB, larger than any page file (the limit is ${mb(MAX_PAGE_BYTES)} MB)`;
  }
  return null;
}

// O_NONBLOCK: should the path become a FIFO between stat and open, opening it does not wait for a
// writer (the fstat below then refuses it). It changes nothing for a regular file. Not on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Read a file's bytes, or say in one line why it cannot be read (missing, not a regular file, too
 * big, no access). Only a regular file under MAX_PAGE_BYTES is opened, and it is checked again on
 * the open descriptor, so a FIFO never blocks and /dev/zero is never read.
 */
export async function loadBytes(file: string): Promise<Result<Uint8Array>> {
  try {
    const before = refuse(file, await stat(file));
    if (before) return { ok: false, error: before };
    const handle = await open(file, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      const after = refuse(file, info);
      if (after) return { ok: false, error: after };
      return { ok: true, value: await readAtMost(handle, info.size) };
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: `${file}: no such file` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, error: `${file}: permission denied` };
    return { ok: false, error: `${file}: cannot read (${code ?? (e as Error).message})` };
  }
}

/** The first `size` bytes of an open file (fewer if it shrank): a file growing as we read stops here. */
async function readAtMost(handle: FileHandle, size: number): Promise<Uint8Array> {
  const buf = Buffer.alloc(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buf, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buf.subarray(0, filled);
}

// Markup that only HTML has. A saved fragment (hbrb-2023/content.txt is div#scroller without
// <html>) counts as HTML whatever its extension; the seed's printed text has no tags at all.
const HTML_TAG =
  /<(?:!doctype|html|head|body|div|p|br|table|td|span|a|img|meta|title|font|ul|li|h[1-6]|founder-[a-z]+)[\s>/]/i;

/** Is this decoded text HTML (rather than the plain text of a printed page)? */
export function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text.slice(0, 65536));
}

// Browsers mark a saved page with the address it came from, in its first line:
// <!-- saved from url=(0055)https://zqb.cyol.com/pc/layout/202609/16/node_06.html -->
const SAVED_FROM = /<!--\s{0,4}saved from url=\(\d{1,5}\)(https?:\/\/[^\s>]{1,2000}?)\s{0,4}-->/i;

/** The URL a saved page was published at (Chrome/IE "saved from" mark), or '' when it has none. */
export function savedFromUrl(text: string): string {
  const m = SAVED_FROM.exec(text.slice(0, 4096));
  return m ? m[1] : '';
}

/**
 * Turn one file's bytes into a Page. Never throws: failures are problems. The page is read under
 * the address the user gave (`--url`), else the one its "saved from" mark names, else its file: URL,
 * which readPageFull replaces by the address the page names itself (trailer, canonical, og:url): the
 * adapters recognise their sites by URL, and links between saved pages of one issue match each other.
 */
export async function pageFromBytes(file: string, bytes: Uint8Array, givenUrl = ''): Promise<ReadFile> {
  const fileUrl = pathToFileURL(resolve(file)).href;
  const decoded = decodeBytes(bytes);
  const problems = [...decoded.problems];
  const text = decoded.text;
  if (!decoded.charset) return { file, page: null, problems, text: '' };
  if (!text.trim()) return { file, page: null, problems: [...problems, 'the file is empty'], text };
  try {
    if (!looksLikeHtml(text)) return withProblems(file, readText(text, givenUrl || fileUrl), problems, text);
    const url = givenUrl || savedFromUrl(text) || fileUrl;
    const parsed = parseHtml(text, url);
    try {
      const { page, trace } = readPageTraced(parsed.document, url);
      return { ...withProblems(file, page, [...problems, ...parsed.problems], text), trace };
    } finally {
      await parsed.close();
    }
  } catch (e) {
    // readPage/readText promise not to throw; a stack overflow deep in a DOM library still might.
    const why = `could not read this page: ${(e as Error).message}`;
    return { file, page: null, problems: [...problems, why], text };
  }
}

function withProblems(file: string, page: Page, before: string[], text: string): ReadFile {
  return { file, page, problems: [...before, ...page.problems], text };
}
