/**
 * The 「整期目录」 page's glue: an IssueFetcher over the reader kit's page source (the page cache in
 * IndexedDB behind messages, the background's fetchPage for the newspaper's origin), the parser, the
 * reader's highlight counts (listForStory) and the read marks kept in storage.local per issue.
 */
import type { IssueFetcher, TocEntry } from '../../issue';
import type { Page, Result } from '../../model';
import type { PageSource } from '../kit/page-source';

/** Pages through the source: its caches first (no pause, no request), else one fetch that is kept. */
export function sourceFetcher(source: PageSource): IssueFetcher {
  return {
    cached: async (url) => (await source.cached(url)) !== null,
    async load(url): Promise<Page> {
      const held = await source.cached(url);
      if (held !== null) return source.parse(held, url);
      const r = await source.fetch(url);
      if (!r.ok) throw new Error(r.error);
      const page = source.parse(r.value.html, url);
      await source.keep(url, r.value.html, page);
      return page;
    },
  };
}

/** How many highlights the reader made in each entry's story (any of its parts), by entry key. */
export async function highlightCounts(
  entries: readonly TocEntry[],
  listForStory: (keys: string[], urls: string[]) => Promise<Result<{ highlights: unknown[] }>>,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // One message per entry, two at a time: a 60-article issue answers in a moment and the page stays responsive.
  let next = 0;
  const work = async () => {
    while (next < entries.length) {
      const e = entries[next++];
      const r = await listForStory([e.key], e.article.urls);
      if (r.ok) out.set(e.key, r.value.highlights.length);
    }
  };
  await Promise.all([work(), work()]);
  return out;
}

/** Where the read marks of an issue are kept: one storage.local key per paper and date. */
export function readMarksKey(paper: string, date: string): string {
  return `issueRead:${paper}|${date}`;
}

/** The storage the marks need (browser.storage.local, or a fake). */
export interface MarkStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Keys of the articles read in this issue. */
export async function loadReadMarks(store: MarkStore, key: string): Promise<Set<string>> {
  const got = await store.get(key).catch(() => ({}) as Record<string, unknown>);
  const list = got[key];
  return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
}

/** Keep the read marks (the whole set: an issue has at most a few hundred articles). */
export async function saveReadMarks(store: MarkStore, key: string, read: Set<string>): Promise<void> {
  await store.set({ [key]: [...read] }).catch(() => undefined);
}
