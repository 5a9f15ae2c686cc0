/**
 * The data types every part of E-paper Reader speaks: pages and articles as the parser reads them,
 * stitched articles, and the reader's highlights and clips. Pure types, no runtime code but factories.
 */

/** What a page is: an image page with article blocks, one article's page, or plain printed text. */
export type PageKind = 'layout' | 'article' | 'text';

/** A point in the pixel space of the page image as it is shown (e.g. 400×575). */
export interface Point {
  x: number;
  y: number;
}

/** One clickable article block of a layout page (版面). */
export interface Block {
  /** Article title as the page lists it (may be cut short by the site, see domain.md). */
  title: string;
  /** Absolute URL of the article page, without `?div=` sub-box parameters. */
  href: string;
  /** 0-based reading order on the page (order of first appearance in map or title list). */
  order: number;
  /** Hotspot polygons in the coordinate space of the shown image; empty when the page has no map. */
  polygons: Point[][];
}

/** One entry of a page list (a#pageLink 「第01版：要闻」): lets a 下转A4版 marker find page A4. */
export interface PageLink {
  /** Normalised page label, e.g. "A4", "4". */
  label: string;
  /** 版名, e.g. 要闻 (inner spaces removed: 「综 合」 → 综合). */
  name: string;
  /** Absolute URL of that page's layout page. */
  href: string;
}

/** A parsed page: what any adapter returns. */
export interface Page {
  /** URL the page was read from (file:// for the CLI). */
  url: string;
  kind: PageKind;
  /** Paper name (报纸名), '' when unknown. */
  paper: string;
  /** Publication date YYYY-MM-DD, '' when unknown. */
  date: string;
  /** Normalised page label (版次): "A1", "5"; '' when unknown. */
  label: string;
  /** 版名, '' when unknown. */
  name: string;
  /** Article blocks (layout pages). */
  blocks: Block[];
  /** Articles read from the page (article pages: one; text pages: all). */
  articles: Article[];
  /** Other pages of the issue, when the page lists them. */
  pageLinks: PageLink[];
  /** The page image the blocks' polygons refer to. */
  image?: { src: string; width: number; height: number };
  /** Adapter that read the page (founder-classic, founder-nbs, founder-pc, page-text, generic). */
  adapter: string;
  /** Things the reader could not make sense of, as plain sentences; never thrown. */
  problems: string[];
}

/** What a paragraph is, so exports and the reader can treat it right. */
export type ParagraphKind = 'text' | 'crosshead' | 'caption' | 'credit';

export interface Paragraph {
  text: string;
  kind: ParagraphKind;
}

export interface ArticleImage {
  src: string;
  caption: string;
}

/** One page's share of a stitched article: paragraphs [from, to) came from `page` at `url`. */
export interface ArticlePart {
  page: string;
  url: string;
  from: number;
  to: number;
  /** How this part was joined to the previous one. */
  regime?: 'first' | 'split' | 'duplicate' | 'same-title';
  /**
   * 版名 of that page (Page.name, 「要闻」), when the page said it. Filled where a part meets its page
   * (lib/stitch/page-name.ts), not by the readers: records saved before it have none.
   */
  name?: string;
}

/** An article as read from one page, or stitched across pages. */
export interface Article {
  /** Stable key: site article id when there is one, else paper|date|page|order. */
  key: string;
  paper: string;
  date: string;
  /** Normalised labels of every page the article spans, in reading order. */
  pages: string[];
  /** 引题 */
  leadTitle: string;
  /** 主题 */
  title: string;
  /** 副题 */
  subtitle: string;
  /** As printed, minus decoration: 「株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志」. */
  bylines: string[];
  /** Body paragraphs, continuation markers removed. */
  paragraphs: Paragraph[];
  images: ArticleImage[];
  /** Normalised label of the page a 下转 marker points to, '' when none. */
  continuesTo: string;
  /** Normalised label of the page a 上接 marker points to, '' when none. */
  continuedFrom: string;
  /** Every URL the article (or one of its parts) was read from. */
  urls: string[];
  /** For a stitched article: which paragraphs came from which page. One part for a plain article. */
  parts: ArticlePart[];
  /** 0-based order of the article on its page. */
  order: number;
}

/** What one reader makes of one story before the page gives it paper, date, label and key. */
export type ArticleDraft = Pick<
  Article,
  'leadTitle' | 'title' | 'subtitle' | 'bylines' | 'paragraphs' | 'continuesTo' | 'continuedFrom'
>;

/** Empty article with every field set; adapters fill what they find. */
export function emptyArticle(init: Partial<Article> = {}): Article {
  return {
    key: '',
    paper: '',
    date: '',
    pages: [],
    leadTitle: '',
    title: '',
    subtitle: '',
    bylines: [],
    paragraphs: [],
    images: [],
    continuesTo: '',
    continuedFrom: '',
    urls: [],
    parts: [],
    order: 0,
    ...init,
  };
}

/** Empty page with every field set. */
export function emptyPage(init: Partial<Page> = {}): Page {
  return {
    url: '',
    kind: 'article',
    paper: '',
    date: '',
    label: '',
    name: '',
    blocks: [],
    articles: [],
    pageLinks: [],
    adapter: '',
    problems: [],
    ...init,
  };
}

/** How the stitcher asks for another page: by URL, by label, or both. */
export interface PageRef {
  url?: string;
  /** Normalised page label, e.g. "A4". */
  label?: string;
}

/** Injected page loader: the extension fetches, the CLI reads files, tests use a map. */
export type PageLoader = (ref: PageRef) => Promise<Page>;

/** Five highlight colours, named so exports and the UI agree. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Where a quote sits, several ways, so it can be found again when the page changes (domain.md §7). */
export interface Selectors {
  /** Exact quote, normalised (U+3000/NBSP as spaces, zero-width removed). */
  exact: string;
  /** Up to 32 characters before and after the quote. */
  prefix: string;
  suffix: string;
  /** Start/end offsets in the article's normalised text. */
  start: number;
  end: number;
  /** Paragraph index in the (stitched) article. */
  paragraph: number;
  /** Article key. */
  articleKey: string;
}

/** The bibliographic source of a highlight or clip, kept in full so it outlives the site. */
export interface SourceRef {
  articleKey: string;
  paper: string;
  date: string;
  pages: string[];
  leadTitle: string;
  title: string;
  subtitle: string;
  bylines: string[];
  urls: string[];
  /** 版名 of the page the article starts on (its first part's `name`), when known. */
  section?: string;
}

export interface Highlight {
  id: string;
  articleKey: string;
  color: HighlightColor;
  selectors: Selectors;
  note: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

export interface Clip {
  id: string;
  articleKey: string;
  /** Paragraph texts the selection touched, as read. */
  paragraphs: string[];
  /** Their indexes in the (stitched) article. */
  paragraphIndexes: number[];
  note: string;
  tags: string[];
  source: SourceRef;
  createdAt: number;
  updatedAt: number;
}

/** The source of an article, for clips and citations. */
export function sourceOf(a: Article): SourceRef {
  // 版名 only when the article starts on a named page: Zotero's `section`, RIS SE, CSL `section`.
  const section = a.parts[0]?.name;
  return {
    articleKey: a.key,
    paper: a.paper,
    date: a.date,
    pages: [...a.pages],
    leadTitle: a.leadTitle,
    title: a.title,
    subtitle: a.subtitle,
    bylines: [...a.bylines],
    urls: [...a.urls],
    ...(section ? { section } : {}),
  };
}

/** An article as kept in the library: the parsed text, so the reader keeps a copy when the site drops it. */
export interface StoredArticle {
  key: string;
  article: Article;
  /** Every URL the article was seen under (multi-entry index in the database). */
  urls: string[];
  firstSeenAt: number;
  lastSeenAt: number;
}

/** Everything in a reader's library: what a backup file holds and restore merges. */
export interface LibraryData {
  articles: StoredArticle[];
  highlights: Highlight[];
  clips: Clip[];
}

/** What every storage call and message returns: a value, or a sentence saying what went wrong. Never thrown. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
