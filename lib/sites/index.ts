/**
 * The page readers' registry: picks the adapter of a page's platform family and never throws.
 * `readPage(doc, url)` for HTML pages, `readText(text, url)` for printed page text (the seed's form).
 */
import { emptyPage, type Page } from '../model';
import { capArticle } from '../model/limits';
import { withReadScope } from './common/dom';
import { founderClassic } from './founder-classic';
import { founderNbs } from './founder-nbs';
import { founderPc } from './founder-pc';
import { generic } from './generic';
import { readPageText } from './page-text';
import type { SiteAdapter } from './types';
import { onFamilyUrl } from './urls';

/** Printed page text → a Page, cut to the stored limits like readPage. */
export function readText(text: string, url: string): Page {
  return capPage(readPageText(text, url));
}

/**
 * Text and list sizes cut where pages are read (lib/model/schemas LIMITS), so whatever a page holds,
 * what the reader keeps can be stored, backed up and restored.
 */
export function capPage(page: Page): Page {
  return page.articles.length ? { ...page, articles: page.articles.map(capArticle) } : page;
}
export type { SiteAdapter } from './types';

/** Adapters in the order they are asked: the most specific URL patterns first, the fallback last. */
export const ADAPTERS: readonly SiteAdapter[] = [founderPc, founderNbs, founderClassic, generic];

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    return new URL('about:blank');
  }
}

/** The adapter that reads this page (generic when no family claims it). */
export function adapterFor(url: string, doc: Document): SiteAdapter {
  const u = parseUrl(url);
  for (const a of ADAPTERS) {
    try {
      if (a.claims(u, doc)) return a;
    } catch {
      // A claim that trips on a strange document is a "no".
    }
  }
  return generic;
}

/** Read an e-paper page into a Page. Never throws: failures come back as `problems`. */
export function readPage(doc: Document, url: string): Page {
  let adapter: SiteAdapter = generic;
  try {
    if (!doc || !doc.documentElement) {
      return emptyPage({ url, adapter: 'generic', problems: ['The document is empty.'] });
    }
    return withReadScope(doc, () => {
      adapter = adapterFor(url, doc);
      return capPage(adapter.read(doc, url));
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return emptyPage({
      url,
      adapter: adapter.id,
      problems: [`Could not read this page (${adapter.id}): ${why}`],
    });
  }
}

/**
 * Is this URL an e-paper page of a known family? Exactly when a family adapter claims it by its URL
 * alone (its `urls` paths, lib/sites/urls.ts): layout or article page; query and hash ignored.
 */
export function isEpaperUrl(url: string): boolean {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return false;
  }
  return ADAPTERS.some((a) => a.urls !== undefined && onFamilyUrl(a.urls, path));
}
