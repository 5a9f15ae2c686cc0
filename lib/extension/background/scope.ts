/**
 * What a content script may touch: the messages it needs and nothing else, each only for records of
 * its own origin. A page on `https://evil.example/x/node_1.htm` runs our content script, so
 * everything here is written for that author: it may keep highlights and clips of its own pages,
 * read its own cached pages and have its own (or a switched-on) origin fetched; it may not list,
 * change or overwrite another paper's records. Library-wide messages (search, bulk delete,
 * restore, ...) are for extension pages only and are not in this table.
 */
import type { MessageType, Request } from '../../messaging';
import type { Article, Result, StoredArticle } from '../../model';
import { keyHost } from '../../model/article-key';
import { originOf, type Sender } from './senders';

/** Reads the checks need (the Library's, in the background). */
export interface ScopeReads {
  getArticle(key: string): Promise<Result<StoredArticle | null>>;
  getHighlight(id: string): Promise<Result<{ articleKey: string } | null>>;
  getClip(id: string): Promise<Result<{ articleKey: string } | null>>;
  /** Whether the user switched this origin on (a granted optional host permission). */
  granted(origin: string): Promise<boolean>;
}

type ContentSender = Extract<Sender, { kind: 'content' }>;
/** Checks one content request; returns the request to run (possibly narrowed) or an error. */
type Scope<K extends MessageType> = (
  req: Request<K>,
  from: ContentSender,
  reads: ScopeReads,
) => Promise<Result<Request<K>>>;

const no = (error: string) => ({ ok: false as const, error });
const yes = <T>(value: T) => ({ ok: true as const, value });

/** May `from` reach `url`: its own origin, or one the user switched on. */
export async function reachable(url: string, from: ContentSender, reads: ScopeReads): Promise<boolean> {
  const o = originOf(url);
  if (!/^https?:\/\//.test(o)) return false;
  return o === from.origin || (await reads.granted(o).catch(() => false));
}

const bareHost = (origin: string) => {
  try {
    return new URL(origin).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/**
 * Whether the article under `key` is the sender's: its stored copy was seen on the sender's origin,
 * or, when none is stored, the key names the sender's host.
 */
async function owns(key: string, from: ContentSender, reads: ScopeReads): Promise<boolean> {
  const stored = await reads.getArticle(key);
  if (!stored.ok) return false;
  if (stored.value) return stored.value.urls.some((u) => originOf(u) === from.origin);
  return keyHost(key) === bareHost(from.origin);
}

/** An article a content script sends with a save: every URL reachable, the key its own. */
async function articleIsOwn(a: Article, from: ContentSender, reads: ScopeReads): Promise<string | null> {
  if (!a.urls.some((u) => originOf(u) === from.origin)) return 'the article was not read on this site';
  for (const u of a.urls) if (!(await reachable(u, from, reads))) return `the article lists ${originOf(u)}`;
  const host = keyHost(a.key);
  if (host && !(await reachable(`https://${host}/`, from, reads)) && host !== bareHost(from.origin)) {
    return 'the article key names another site';
  }
  const stored = await reads.getArticle(a.key);
  if (!stored.ok) return stored.error;
  if (stored.value && !stored.value.urls.some((u) => originOf(u) === from.origin)) {
    return 'an article of another site is stored under that key';
  }
  return null;
}

/** A new highlight or clip from a content script: for its own article, no ids or times of its own. */
async function saveScope(
  input: { articleKey: string; id?: string; createdAt?: number; updatedAt?: number },
  article: Article | undefined,
  from: ContentSender,
  reads: ScopeReads,
): Promise<string | null> {
  if (input.id !== undefined || input.createdAt !== undefined || input.updatedAt !== undefined) {
    return 'ids and times are set by the library';
  }
  // Sent without its article when the library holds a longer (stitched) copy: that copy must be its own.
  if (!article) return (await owns(input.articleKey, from, reads)) ? null : 'no such article on this site';
  if (article.key !== input.articleKey) return 'it names another article';
  return articleIsOwn(article, from, reads);
}

async function editScope(
  found: Result<{ articleKey: string } | null>,
  from: ContentSender,
  reads: ScopeReads,
): Promise<string | null> {
  if (!found.ok) return found.error;
  // "Not found" and "not yours" read the same, so a page cannot probe for other papers' ids.
  if (!found.value || !(await owns(found.value.articleKey, from, reads))) return 'no such item on this site';
  return null;
}

const wrap =
  <K extends MessageType>(
    why: (req: Request<K>, from: ContentSender, reads: ScopeReads) => Promise<string | null>,
  ): Scope<K> =>
  async (req, from, reads) => {
    const error = await why(req, from, reads);
    return error ? no(`Refused: ${error}.`) : yes(req);
  };

const urlScope = <K extends 'getCachedPage' | 'fetchPage' | 'openIssue'>(): Scope<K> =>
  wrap<K>(async (req, from, reads) =>
    (await reachable(req.url, from, reads))
      ? null
      : `${originOf(req.url) || 'that address'} is not this site`,
  );

/** The messages a content script may send, each with its check. */
export const CONTENT_SCOPES: { [K in MessageType]?: Scope<K> } = {
  saveHighlight: wrap((req, from, reads) => saveScope(req.highlight, req.article, from, reads)),
  saveClip: wrap(async (req, from, reads) => {
    const bad = await saveScope(req.clip, req.article, from, reads);
    if (bad) return bad;
    for (const u of req.clip.source.urls) {
      if (!(await reachable(u, from, reads))) return `the clip's source lists ${originOf(u)}`;
    }
    return req.clip.source.articleKey === req.clip.articleKey ? null : 'its source names another article';
  }),
  updateHighlight: wrap(async (req, from, reads) => editScope(await reads.getHighlight(req.id), from, reads)),
  deleteHighlight: wrap(async (req, from, reads) => editScope(await reads.getHighlight(req.id), from, reads)),
  // A story's items: only URLs it may reach and keys that are its own; the rest are left out.
  listForStory: async (req, from, reads) => {
    const urls: string[] = [];
    for (const u of req.urls) if (await reachable(u, from, reads)) urls.push(u);
    const keys: string[] = [];
    for (const k of req.keys) if (await owns(k, from, reads)) keys.push(k);
    return yes({ ...req, urls, keys });
  },
  getCachedPage: urlScope<'getCachedPage'>(),
  openIssue: urlScope<'openIssue'>(),
  // Only the sender's own stored article (one with clips or highlights: the library page has nothing
  // to send for another); "not found" and "not yours" read the same, so no probing by key.
  openHandoff: wrap(async (req, from, reads) => {
    const stored = await reads.getArticle(req.articleKey);
    const own = stored.ok && stored.value?.urls.some((u) => originOf(u) === from.origin);
    return own ? null : 'no such article of this site in the library';
  }),
  putCachedPage: wrap(async (req, from, reads) =>
    (await reachable(req.page.url, from, reads))
      ? null
      : `${originOf(req.page.url) || 'that address'} is not this site`,
  ),
  fetchPage: urlScope<'fetchPage'>(),
};
