/**
 * Who sent a message to the background. The content script runs on any host whose path looks like
 * an e-paper page, so the page's author chooses where it runs: a content-script sender is trusted
 * only with its own origin, and library-wide messages come only from our own pages (popup,
 * library, reader), whose URL is the extension's origin.
 */

/** The parts of `runtime.MessageSender` read here. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** A classified sender: an extension page, or a content script on one web origin (`https://host`). */
export type Sender = { kind: 'page' } | { kind: 'content'; origin: string; url: string; tabId: number };

/** What classifying needs from the browser. */
export interface SenderEnv {
  /** This extension's id (`runtime.id`): messages from another extension are refused. */
  extensionId: string;
  /** This extension's origin, `chrome-extension://<id>` / `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Whether our content script may run on `url`: built-in patterns, or an origin switched on. */
  contentRunsOn(url: string): Promise<boolean>;
}

/** The sender as a page or a content script, or a sentence saying why it is refused. */
export async function classifySender(
  raw: unknown,
  env: SenderEnv,
): Promise<{ ok: true; value: Sender } | { ok: false; error: string }> {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as SenderLike;
  if (s.id !== undefined && s.id !== env.extensionId) return refuse('another extension');
  const origin = originOf(s.url ?? '');
  if (origin !== '' && origin === env.extensionOrigin) return { ok: true, value: { kind: 'page' } };
  const tabId = s.tab?.id;
  if (typeof tabId !== 'number' || !/^https?:$/.test(protocolOf(s.url ?? ''))) {
    return refuse('not a page of ours nor a web page');
  }
  // A frame of the page (content scripts run in the top frame only) or a site switched off since.
  if (s.frameId !== undefined && s.frameId !== 0) return refuse('a frame');
  if (!(await env.contentRunsOn(s.url!).catch(() => false))) return refuse('a site that is not switched on');
  return { ok: true, value: { kind: 'content', origin, url: s.url!, tabId } };
}

function refuse(who: string): { ok: false; error: string } {
  return { ok: false, error: `Refused: the message came from ${who}.` };
}

/** `https://host[:port]`, '' when not a URL. */
export function originOf(url: string): string {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? `${u.protocol}//${u.host}` : u.origin;
  } catch {
    return '';
  }
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}
