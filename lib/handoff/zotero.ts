/**
 * An article with its clips and highlights as one Zotero `newspaperArticle` in the connector's
 * item format (what zotero/zotero `server_connector.js` /connector/saveItems reads, domain.md §10).
 * Pure: the access date and the notes come in as parameters. Field names are Zotero's own
 * (./zotero-schema.ts); unknown parts are left out, never invented.
 */
import type { SourceRef } from '../model';
import { authorsOf } from '../export/bylines';
import { citationTitle, citationUrl } from '../export/citation';
import { flattenParagraph } from '../export/text';
import type { HandoffNote } from './notes';

/**
 * A single-field creator. Zotero's itemToAPIJSON drops a creator with neither lastName nor
 * firstName ("Silently dropping empty creator"), so `{name}` alone would vanish; `fieldMode: 1`
 * keeps 「欧阳修」 whole instead of guessing a family/given split.
 */
export interface ZoteroCreator {
  lastName: string;
  firstName: '';
  fieldMode: 1;
  creatorType: 'author';
}

/** One item of a saveItems request. */
export interface ZoteroItem {
  /** The connector's key for the item within one session: the article key. */
  id: string;
  itemType: 'newspaperArticle';
  title: string;
  shortTitle?: string;
  publicationTitle?: string;
  place?: string;
  date?: string;
  section?: string;
  pages?: string;
  language: 'zh-CN';
  url?: string;
  accessDate?: string;
  libraryCatalog?: string;
  extra?: string;
  creators: ZoteroCreator[];
  notes: Array<{ note: string }>;
  tags: Array<{ tag: string }>;
  attachments: [];
}

/** What the reader knows beyond the source: 版名, place, tags, today's date. */
export interface ZoteroItemOptions {
  /** YYYY-MM-DD: the day the item is saved (the caller's clock). */
  accessed?: string;
  /** 版名 of the page the article starts on (「要闻」); default: the source's `section`. */
  section?: string;
  /** 出版地, when known (「海口」); never guessed from the paper's name. */
  place?: string;
  tags?: readonly string[];
}

const clean = (s: string) => flattenParagraph(s).replace(/\s+/g, ' ').trim();

/**
 * 版次 for Zotero's `pages`: one page as is, a continued story as a range from its first to its
 * last page (「A1-A4」), the form Zotero and CSL processors read as a page range.
 */
export function zoteroPages(pages: readonly string[]): string {
  const list = pages.map(clean).filter((p) => p !== '');
  if (list.length === 0) return '';
  const first = list[0];
  const last = list[list.length - 1];
  return first === last ? first : `${first}-${last}`;
}

/** Where the item was catalogued: the e-paper site's host (「epaper.hndaily.cn」). */
function catalogOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The item for one article and the notes to attach (all of them, or only the new ones). */
export function zoteroItem(
  source: SourceRef,
  notes: readonly HandoffNote[],
  opts: ZoteroItemOptions = {},
): ZoteroItem {
  const main = clean(source.title);
  const title = citationTitle(source, '2025');
  const item: ZoteroItem = {
    id: source.articleKey,
    itemType: 'newspaperArticle',
    title,
    language: 'zh-CN',
    creators: authorsOf(source.bylines).map((lastName) => ({
      lastName,
      firstName: '',
      fieldMode: 1,
      creatorType: 'author',
    })),
    notes: notes.map((n) => ({ note: n.html })),
    tags: [...new Set((opts.tags ?? []).map(clean).filter((t) => t !== ''))].map((tag) => ({ tag })),
    attachments: [],
  };
  // shortTitle: the 主题 alone, when 引题 or 副题 make the full title longer than what is cited in text.
  const lead = clean(source.leadTitle);
  if (main && (lead || clean(source.subtitle))) item.shortTitle = main;
  const set = <K extends keyof ZoteroItem>(k: K, v: ZoteroItem[K] | '') => {
    if (v !== '') item[k] = v as ZoteroItem[K];
  };
  set('publicationTitle', clean(source.paper));
  set('place', clean(opts.place ?? ''));
  set('date', /^\d{4}(-\d{2}(-\d{2})?)?$/.test(source.date.trim()) ? source.date.trim() : '');
  set('section', clean(opts.section ?? source.section ?? ''));
  set('pages', zoteroPages(source.pages));
  const url = citationUrl(source.urls);
  set('url', url);
  if (url) {
    set('accessDate', /^\d{4}-\d{2}-\d{2}$/.test(opts.accessed ?? '') ? (opts.accessed as string) : '');
    set('libraryCatalog', catalogOf(url));
  }
  // 引题 has no Zotero field; `extra` keeps it (one "key: value" line, as Zotero writes extra).
  set('extra', lead ? `引题: ${lead}` : '');
  return item;
}
