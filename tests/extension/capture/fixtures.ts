/**
 * The demo paper's split story (07-13 「一枚“海南芯”…」, 001 下转 → 002 上接) as capture sees it: part 1's
 * article page as a happy-dom document with its parsed article, and the story stitched by lib/stitch,
 * all read from the real 海南日报 data the demo renders (nothing typed in by hand).
 */
import { resolve } from 'node:path';
import { DEMO_PATHS, renderDemoSite, type DemoFile } from '../../../demo/render';
import type { Article, Page, PageLoader } from '../../../lib/model';
import { readPage } from '../../../lib/sites';
import { stitchArticle } from '../../../lib/stitch';
import { Window } from 'happy-dom';
import { docFromHtml } from '../../helpers/dom';

/**
 * A window's own document holding `html`. (A DOMParser document's Ranges come out empty in
 * happy-dom 21, so the page a selection is made on is written into a window's document.)
 */
function windowDoc(html: string, url: string): Document {
  const w = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  w.document.write(html);
  return w.document as unknown as Document;
}

/** Where the demo is served in tests. */
export const BASE = 'http://127.0.0.1:4173';

let cached: Map<string, DemoFile> | undefined;
/** The demo site, rendered once (from the repository root: import.meta.url is not a file URL under happy-dom). */
function demoSite(): Map<string, DemoFile> {
  cached ??= renderDemoSite(resolve(process.cwd(), 'tests/fixtures'));
  return cached;
}

function readSitePage(site: Map<string, DemoFile>, path: string): Page {
  const file = site.get(path);
  if (!file) throw new Error(`no ${path} in the demo`);
  return readPage(docFromHtml(String(file.body), BASE + path), BASE + path);
}

const loader: PageLoader = async (ref) => {
  const path = ref.url?.startsWith(BASE) ? new URL(ref.url).pathname : '';
  if (!demoSite().has(path)) throw new Error(`HTTP 404 ${path}`);
  return readSitePage(demoSite(), path);
};

/** An article page: its document (as the content script sees it), URL, parsed page and article. */
export interface PageFixture {
  doc: Document;
  url: string;
  page: Page;
  article: Article;
}

/** Open a demo path as a document and read it. */
export function openDemo(path: string, edit: (html: string) => string = (h) => h): PageFixture {
  const file = demoSite().get(path);
  if (!file) throw new Error(`no ${path} in the demo`);
  const url = BASE + path;
  const doc = windowDoc(edit(String(file.body)), url);
  const page = readSitePage(new Map([[path, { ...file, body: edit(String(file.body)) }]]), path);
  return { doc, url, page, article: page.articles[0] };
}

/** Part 1 and part 2 of the split story. */
export const SPLIT_1 = DEMO_PATHS.split.part1;
export const SPLIT_2 = DEMO_PATHS.split.part2;

/** The split story stitched from part 1, as the reader shows it. */
export async function stitchedSplit(): Promise<Article> {
  const first = readSitePage(demoSite(), SPLIT_1);
  const r = await stitchArticle(first.articles[0], first, loader);
  return r.article;
}

/** A Range over `quote` inside the first text node under `root` that holds it. */
export function rangeOver(root: Element, quote: string): Range {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(quote);
    if (at < 0) continue;
    const r = doc.createRange();
    // Inside the node first (as lib/anchor's toRange does): happy-dom's boundary checks start from there.
    r.selectNodeContents(n);
    r.setStart(n, at);
    r.setEnd(n, at + quote.length);
    return r;
  }
  throw new Error(`quote not found: ${quote}`);
}
