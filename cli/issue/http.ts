/**
 * The CLI's one way to the network: GET with a clear User-Agent, a timeout, and retries with
 * exponential backoff on 5xx answers, timeouts and dropped connections, never on 4xx (a 404 page
 * is gone; asking again is not polite). The fetch and the clock are parameters, for the tests.
 */
import type { Sleep } from '../../lib/issue';

/** Who is asking, so a site's operator can tell (and reach us). */
export const USER_AGENT = 'epaper-reader/0.1 (E-paper Reader CLI; polite issue download: 2 at a time)';

/** A page as fetched. */
export interface Fetched {
  url: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

/** Options of `getPage`. */
export interface GetOptions {
  timeoutMs: number;
  retries: number;
  /** Backoff before retry n (0-based) is `backoffMs * 2 ** n`. */
  backoffMs: number;
  sleep: Sleep;
  fetchFn?: typeof fetch;
  signal?: AbortSignal;
  /** The largest body accepted (MAX_PAGE_BYTES of the parse command). */
  maxBytes: number;
  /** Told before each retry (the progress line). */
  onRetry?(url: string, why: string, attempt: number): void;
}

class Retryable extends Error {}

async function once(url: string, o: GetOptions): Promise<Fetched> {
  // A timer of our own, cleared once the body is read: AbortSignal.timeout's timer would keep the
  // request's objects (and its body) reachable for the whole timeout after every request, which
  // showed as a heap sawtooth of 8 MB per issue over a 30-issue range (docs/benchmarks-issue.md).
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, o.timeoutMs);
  const stop = () => ctrl.abort();
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    return await answer(url, o, ctrl.signal, () => timedOut);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', stop);
  }
}

async function answer(
  url: string,
  o: GetOptions,
  signal: AbortSignal,
  timedOut: () => boolean,
): Promise<Fetched> {
  const late = () => new Retryable(`timed out after ${o.timeoutMs / 1000} s`);
  let res: Response;
  try {
    res = await (o.fetchFn ?? fetch)(url, {
      headers: { 'User-Agent': USER_AGENT },
      redirect: 'follow',
      signal,
    });
  } catch (e) {
    if (o.signal?.aborted) throw e;
    if (timedOut()) throw late();
    throw new Retryable(`no answer (${(e as Error).cause ?? (e as Error).message})`);
  }
  if (res.status >= 500) {
    await res.body?.cancel().catch(() => undefined);
    throw new Retryable(`HTTP ${res.status}`);
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`HTTP ${res.status}`);
  }
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > o.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`the page is ${Math.round(length / 1048576)} MB, larger than any e-paper page`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    if (o.signal?.aborted) throw e;
    if (timedOut()) throw late();
    throw new Retryable(`the answer broke off (${(e as Error).message})`);
  }
  if (bytes.byteLength > o.maxBytes) throw new Error('the page is larger than any e-paper page');
  return {
    url: res.url || url,
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    bytes,
  };
}

/** GET a page; rejects with an Error naming the last reason once retries are spent. */
export async function getPage(url: string, o: GetOptions): Promise<Fetched> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await once(url, o);
    } catch (e) {
      if (!(e instanceof Retryable) || attempt >= o.retries) {
        if (e instanceof Retryable && o.retries > 0) throw new Error(`${e.message} (${o.retries + 1} tries)`);
        throw e;
      }
      o.onRetry?.(url, e.message, attempt + 1);
      await o.sleep(o.backoffMs * 2 ** attempt, o.signal);
    }
  }
}
