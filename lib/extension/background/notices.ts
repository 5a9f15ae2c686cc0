/**
 * `libraryChanged` notices go only to tabs showing that article's site. Without the `tabs`
 * permission the background cannot read the URL of a tab on a family-pattern host, so it keeps
 * what it learns from the content scripts themselves: each tab whose content script sent a
 * let-through message, with that origin (a tab that never asked for its highlights has none drawn
 * and needs no notice). A service-worker restart forgets the list; the next message refills it.
 */
import { sendToTab, type Request, type TabsLike } from '../../messaging';
import { keyHost } from '../../model/article-key';
import { originOf } from './senders';

/** Tab → the origin its content script last spoke from. */
export class TabOrigins {
  private readonly tabs = new Map<number, string>();

  /** A content script on `origin` in `tabId` was heard from (a navigation replaces the old origin). */
  seen(tabId: number, origin: string): void {
    this.tabs.set(tabId, origin);
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** Tabs whose page is on one of `origins`. */
  on(origins: ReadonlySet<string>): number[] {
    return [...this.tabs].filter(([, o]) => origins.has(o)).map(([id]) => id);
  }
}

/** The origins of an article (its URLs) plus the host its key names, in both schemes. */
export function originsOfArticle(key: string, urls: readonly string[]): Set<string> {
  const out = new Set(urls.map(originOf).filter((o) => o !== ''));
  const host = keyHost(key);
  if (host) {
    for (const h of [host, `www.${host}`]) for (const s of ['http', 'https']) out.add(`${s}://${h}`);
  }
  return out;
}

/** Send `req` to the tabs of `origins`; returns how many answered. */
export async function notifySiteTabs(
  tabs: TabsLike,
  registry: TabOrigins,
  origins: ReadonlySet<string>,
  req: Request<'libraryChanged'>,
): Promise<number> {
  const answers = await Promise.all(registry.on(origins).map((id) => sendToTab(tabs, id, req)));
  return answers.filter((a) => a.ok).length;
}
