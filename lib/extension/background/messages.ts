/**
 * Everything the background answers, assembled: the library's handlers and `fetchPage`, all behind
 * the guard (sender, schema, scope), and the notices that follow a write, sent to the extension's
 * pages and to the tabs of that article's site only.
 */
import type { Library } from '../../db/library';
import { send, type Handlers, type RuntimeLike, type TabsLike } from '../../messaging';
import type { FetchLike } from '../shared/fetch-html';
import { isContentUrl } from '../shared/site-patterns';
import { fetchImageForPage } from './fetch-image';
import { fetchPageForTab } from './fetch-page';
import { guardHandlers } from './guard';
import { libraryHandlers } from './library-handlers';
import { notifySiteTabs, originsOfArticle, TabOrigins } from './notices';
import { reachable, type ScopeReads } from './scope';
import { originOf, type Sender, type SenderEnv } from './senders';

/** The browser as the background uses it here (the polyfill's `browser`, or fakes in tests). */
export interface BackgroundIo {
  runtime: RuntimeLike;
  tabs: TabsLike;
  fetch: FetchLike;
  /** Whether the user switched an origin (`https://host`) on. */
  granted(origin: string): Promise<boolean>;
  /** Open 「整期目录」 for an e-paper page in a new tab (absent: the message is refused). */
  openIssue?(url: string): Promise<void>;
  /** Open the library page on one article with its hand-off bar (absent: the message is refused). */
  openLibrary?(articleKey: string): Promise<void>;
  sender: SenderEnv;
  /** Called after every change to the library (sync schedules itself from it). */
  onChanged?: () => void;
}

/** The guarded handlers, and the tab registry (the entrypoint forgets closed tabs). */
export function backgroundHandlers(
  library: Library,
  io: BackgroundIo,
): { handlers: Handlers; tabs: TabOrigins } {
  const tabs = new TabOrigins();
  const reads: ScopeReads = {
    getArticle: (k) => library.getArticle(k),
    getHighlight: (id) => library.getHighlight(id),
    getClip: (id) => library.getClip(id),
    granted: io.granted,
  };
  const changed = (articleKey: string, what: 'highlight' | 'clip' | 'article') => {
    const notice = { type: 'libraryChanged' as const, articleKey, what };
    io.onChanged?.();
    void send(io.runtime, notice);
    void library.getArticle(articleKey).then((a) => {
      const origins = originsOfArticle(articleKey, a.ok && a.value ? a.value.urls : []);
      return notifySiteTabs(io.tabs, tabs, origins, notice);
    });
  };
  const handlers: Handlers = {
    ...libraryHandlers(library, changed),
    fetchPage: (m, sender) => {
      const who = sender as Sender;
      // A content script: its own origin or a switched-on one. Our own pages (「整期目录」 walks a
      // whole issue from an extension page): switched-on origins, and e-paper pages on the URL shapes
      // the content script itself runs on (any host: the manifest's family patterns), nothing else.
      const may =
        who.kind === 'content'
          ? (u: string) => reachable(u, who, reads)
          : async (u: string) => isContentUrl(u) || io.granted(new URL(u).origin).catch(() => false);
      return fetchPageForTab(m.url, io.fetch, may);
    },
    // Never from a content script (it is not in scope.ts's table): only issue.html needs a cover.
    fetchImage: async (m) => {
      // The image's origin must be one the walk already read an e-paper page of (that page is in the
      // page cache, so this holds after the worker restarts or when the issue came from the cache), or
      // a switched-on one; each redirect hop is held to the same rule.
      const held = isContentUrl(m.pageUrl) ? await library.getCachedPage(m.pageUrl) : null;
      const pageRead = held !== null && held.ok && held.value !== null;
      const may = async (u: string) =>
        (pageRead && originOf(u) === originOf(m.pageUrl)) || io.granted(new URL(u).origin).catch(() => false);
      return fetchImageForPage(m.url, io.fetch, may);
    },
    openIssue: async (m) => {
      // Only for e-paper pages: issue.html would refuse anything else anyway, with a message.
      if (!io.openIssue || !isContentUrl(m.url)) return { ok: false, error: 'not an e-paper page' };
      await io.openIssue(m.url);
      return { ok: true, value: null };
    },
    openHandoff: async (m) => {
      if (!io.openLibrary) return { ok: false, error: 'the library page cannot be opened here' };
      await io.openLibrary(m.articleKey);
      return { ok: true, value: null };
    },
  };
  return {
    handlers: guardHandlers(handlers, io.sender, reads, (s) => tabs.seen(s.tabId, s.origin)),
    tabs,
  };
}
