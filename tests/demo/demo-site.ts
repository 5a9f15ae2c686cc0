/**
 * Test helper: the demo e-paper read through the project's own page readers, and a page loader over
 * it that behaves like the extension's fetch on the demo server (URL → page, 404 → rejection).
 */
import { fileURLToPath } from 'node:url';
import type { Page, PageLoader, PageRef } from '../../lib/model';
import { readPage } from '../../lib/sites';
import { renderDemoSite, type DemoFile } from '../../demo/render';
import { docFromHtml } from '../helpers/dom';

/** Where the demo is served in tests; any http origin works for the readers. */
export const BASE = 'http://127.0.0.1:4173';

/** tests/fixtures, the folder the demo renders from. */
export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

let cached: Map<string, DemoFile> | undefined;

/** The demo site rendered once per test file. */
export function demoSite(): Map<string, DemoFile> {
  cached ??= renderDemoSite(FIXTURES);
  return cached;
}

/** Read one page of a site through readPage, as the content script would on BASE + path. */
export function readSitePage(site: Map<string, DemoFile>, path: string): Page {
  const file = site.get(path);
  if (!file) throw new Error(`no ${path} in the demo`);
  return readPage(docFromHtml(file.body, BASE + path), BASE + path);
}

/** A loader over a site, by URL only (like fetch): a path the site lacks rejects with 「HTTP 404」. */
export function siteLoader(site: Map<string, DemoFile>): { load: PageLoader; calls: PageRef[] } {
  const calls: PageRef[] = [];
  const load: PageLoader = async (ref) => {
    calls.push(ref);
    if (!ref.url?.startsWith(BASE)) throw new Error(`no URL for page ${ref.label ?? '?'}`);
    const path = new URL(ref.url).pathname;
    if (!site.has(path)) throw new Error(`HTTP 404 ${path}`);
    return readSitePage(site, path);
  };
  return { load, calls };
}
