/**
 * 版名 onto an article's parts: each part names its page's 版名 (「要闻」), so the library keeps it
 * for Zotero's `section`, RIS SE and CSL `section`. Done where a part meets its page (the
 * stitcher's prepare, the kit's page surface), not in the site readers: the content script that
 * bundles them has no bytes to spare (tests/e2e/manifest.test.ts).
 */
import type { Article, ArticlePart, Page } from '../model';
import { LIMITS } from '../model/limits';
import { labelsMatch } from '../text/labels';

type Named = Pick<Page, 'name' | 'label' | 'pageLinks'>;

/**
 * The 版名 of the page labelled `label`: the page's own `name` when it is that page, else its page
 * list's entry (「第02版：本省新闻」). An article page of 海南日报 prints no 版名 of its own but
 * lists every page with its name.
 */
function nameOf(page: Named, label: string): string {
  const own = !label || !page.label || labelsMatch(label, page.label);
  const link = (page.pageLinks ?? []).find((l) => labelsMatch(l.label, label || page.label));
  const name = (own ? page.name : '') || link?.name || '';
  return name.trim().slice(0, LIMITS.line);
}

/**
 * The article with each unnamed part named from `page` (cut to LIMITS.line, as every stored line
 * is). A part already named is left as it is; an unchanged article is returned as is, so text
 * evidence cached per article is reused.
 */
export function withPageName(a: Article, page: Named): Article {
  let changed = false;
  const parts = a.parts.map((p): ArticlePart => {
    const name = p.name ? '' : nameOf(page, p.page);
    if (!name) return p;
    changed = true;
    return { ...p, name };
  });
  return changed ? { ...a, parts } : a;
}
