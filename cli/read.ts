/**
 * One file → one Page: bytes through decodeBytes, HTML through happy-dom and readPage, printed page
 * text through readText. Content problems come back as sentences; only unreadable files are errors.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page, Result } from '../lib/model';
import { readPage, readText } from '../lib/sites';
import { decodeBytes } from '../lib/text/decode';
import { parseHtml } from './dom';

/** A file as read: its Page (null when there was nothing to read) and what went wrong with it. */
export interface ReadFile {
  file: string;
  page: Page | null;
  problems: string[];
}

/** Read a file's bytes, or say in one line why it cannot be read (missing, a directory, no access). */
export async function loadBytes(file: string): Promise<Result<Uint8Array>> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { ok: false, error: `${file} is a directory, not a page file` };
    return { ok: true, value: await readFile(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: `${file}: no such file` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, error: `${file}: permission denied` };
    return { ok: false, error: `${file}: cannot read (${code ?? (e as Error).message})` };
  }
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
 * Turn one file's bytes into a Page. Never throws: failures are problems. A page that says where it
 * was saved from is read under that URL, as the extension would read it: the adapters recognise
 * their sites by URL, and links between saved pages of one issue still match each other.
 */
export async function pageFromBytes(file: string, bytes: Uint8Array): Promise<ReadFile> {
  const fileUrl = pathToFileURL(resolve(file)).href;
  const decoded = decodeBytes(bytes);
  const problems = [...decoded.problems];
  if (!decoded.charset) return { file, page: null, problems };
  if (!decoded.text.trim()) return { file, page: null, problems: [...problems, 'the file is empty'] };
  try {
    if (!looksLikeHtml(decoded.text)) return withProblems(file, readText(decoded.text, fileUrl), problems);
    const url = savedFromUrl(decoded.text) || fileUrl;
    const parsed = parseHtml(decoded.text, url);
    try {
      return withProblems(file, readPage(parsed.document, url), [...problems, ...parsed.problems]);
    } finally {
      await parsed.close();
    }
  } catch (e) {
    // readPage/readText promise not to throw; a stack overflow deep in a DOM library still might.
    return { file, page: null, problems: [...problems, `could not read this page: ${(e as Error).message}`] };
  }
}

function withProblems(file: string, page: Page, before: string[]): ReadFile {
  return { file, page, problems: [...before, ...page.problems] };
}
