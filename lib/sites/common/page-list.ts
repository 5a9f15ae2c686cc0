/**
 * The page list: `a#pageLink` (the id repeats on every entry) with text like 「第01版：要闻」,
 * 「第A01版：头版」, 「A01： 头版」 (jxrb-2017), 「06版：冰点周刊」 (pc) or 「第02版：综 合」. Lists often appear
 * twice on a page (cnta-2017, jxrb-2017): entries are deduplicated by URL.
 */
import type { PageLink } from '../../model';
import { normalizeLabel } from '../../text/labels';
import { absUrl, all, attr, lineOf } from './dom';

// 「第01版：要闻」「A01： 头版」「06版：冰点周刊」: a page label, then a colon and the page name.
const ENTRY = /^(第?\s?[A-Za-z]?\s?\d{1,3}\s?版?)\s?[：:]\s?(.{0,60})$/;

/** Split 「第02版：综 合」 into label "2" and name 综合 (inner spaces removed); null when not a page entry. */
export function parsePageEntry(text: string): { label: string; name: string } | null {
  const m = ENTRY.exec(text.trim());
  if (!m) return null;
  const label = normalizeLabel(m[1]);
  if (!label) return null;
  return { label, name: m[2].replace(/[\s\u3000\u00a0]+/g, '') };
}

/** The page list of an issue: entries in order, absolute hrefs, each page once. */
export function readPageLinks(doc: Document, baseUrl: string): PageLink[] {
  let anchors = all(doc, 'a[id]').filter((a) => attr(a, 'id').toLowerCase() === 'pagelink');
  // Templates without the id: any link whose text is a page entry (a stray 「第1版：要闻」 link is harmless).
  if (!anchors.length) anchors = all(doc, 'a[href]');
  const out: PageLink[] = [];
  const seen = new Set<string>();
  for (const a of anchors) {
    const entry = parsePageEntry(lineOf(a));
    // Most links of an article page are no page entry: resolve the href (a URL parse) only for entries.
    const href = entry ? absUrl(attr(a, 'href'), baseUrl) : '';
    if (!entry || !href || /\.pdf($|\?)/i.test(href)) continue;
    const key = href.replace(/[?#].*$/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ label: entry.label, name: entry.name, href });
  }
  return out;
}
