/**
 * Which kind of page, and which family, when the URL alone does not say (a saved file, a proxy):
 * one table of rules, first match wins, each with a real example. readPageFull (../full.ts) asks it;
 * readPage's adapters keep their own URL-first rule (the content script has no bytes to spare).
 */
import type { FamilyUrls } from '../urls';
import { all, attr, first, lineOf } from './dom';
import type { Trailer } from './trailer';

export type PageKind = 'layout' | 'article';

/** What the kind rules look at. */
export interface KindContext {
  path: string;
  urls: FamilyUrls | undefined;
  trailer: Trailer;
  doc: Document;
}

/** One rule: a kind, or null to pass. */
export interface KindRule {
  name: string;
  example: string;
  test: (c: KindContext) => PageKind | null;
}

// An article body somewhere on the page. Not `#ozoom` alone: it is 中国青年报 layout pages' title-list
// panel. Not the title list: a layout page whose list carries each article's summary stays a layout page.
const ARTICLE_BODIES = [
  '#ozoom founder-content', // 人民日报 nw pages, beside their page's image map and title list
  'founder-content', // Founder classic and pc article pages
  '.text_c h1', // nbs article pages without the custom element
  '.article .text', // 北京日报 2019 article page, which also carries its page's map
  '.article-text', // Founder pc
];
// Less body text than this is a layout page's furniture (an empty `<founder-content>` in a template).
const MIN_BODY = 80;

/** THE TABLE. First rule that names a kind wins. */
export const KIND_RULES: readonly KindRule[] = [
  {
    name: 'layout URL',
    example: 'html/2012-01/06/node_12.htm, nbs.D110000gmrb_06.htm, pc/layout/202609/16/node_06.html',
    test: (c) => (c.urls?.layout.path.test(c.path) ? 'layout' : null),
  },
  {
    name: 'article URL',
    example: 'html/2019-01/07/content_571502.htm, nw.D110000renmrb_20171016_1-01.htm',
    test: (c) => (c.urls?.article.path.test(c.path) ? 'article' : null),
  },
  {
    name: 'trailer type',
    example:
      '<founder-type>1</founder-type> article (北京日报), <founder-type>2</founder-type> layout (经济日报)',
    test: (c) => {
      const t = c.trailer.get('type');
      return t === '1' ? 'article' : t === '2' ? 'layout' : null;
    },
  },
  {
    name: 'article body',
    example: '北京日报 `.article .text` beside `<map name="newbook">`; 人民日报 nw `#ozoom founder-content`',
    test: (c) => (lineOf(first(c.doc, ARTICLE_BODIES)).length >= MIN_BODY ? 'article' : null),
  },
  {
    name: 'image map or page list',
    example: '<map name="PagePicMap"><area href="nw.D110000gmrb_20180104_1-06.htm">',
    test: (c) => (all(c.doc, 'map area[href]').length ? 'layout' : null),
  },
  { name: 'default', example: 'a page with text and no map', test: () => 'article' },
];

/** The kind of a page and the rule that decided it. */
export function pageKind(c: KindContext): { kind: PageKind; rule: string } {
  for (const rule of KIND_RULES) {
    const kind = rule.test(c);
    if (kind) return { kind, rule: rule.name };
  }
  return { kind: 'article', rule: 'default' };
}

/** One family rule: an adapter id when the page shows that family's marks off its own URL. */
export interface FamilyRule {
  name: string;
  family: string;
  example: string;
  test: (doc: Document, trailer: Trailer) => boolean;
}

const areaHrefs = (doc: Document) => all(doc, 'map area[href]').map((a) => attr(a, 'href'));

/**
 * Families by the marks a saved page keeps, asked when no adapter claims the page by its URL: the
 * nbs row before the adapters' own DOM claims (Founder classic claims any PagePicMap), the trailer row
 * after them (a Founder page none of them recognised).
 */
export const FAMILY_RULES: readonly FamilyRule[] = [
  {
    name: 'nw article links',
    family: 'founder-nbs',
    example: '光明日报 <area href="nw.D110000gmrb_20180104_1-06.htm">',
    test: (doc) => areaHrefs(doc).some((h) => /(?:^|\/)nw\.[A-Za-z0-9]{1,40}_\d{8}_/.test(h)),
  },
  {
    name: 'Founder trailer',
    family: 'founder-classic',
    example: '北京日报 <!--enpproperty <founder-type>1</founder-type>…--> (any Founder trailer)',
    test: (_doc, trailer) => trailer.size > 0,
  },
];
