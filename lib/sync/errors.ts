/**
 * Sync errors as values: an HTTP answer or a failed fetch → a SyncErrorInfo with a code the UI
 * translates (`syncErr_<code>`), so every failure says in words what is wrong and when to retry.
 */
import type { SyncErrorCode, SyncErrorInfo } from './types.ts';

/** Thrown inside lib/sync only; `syncOnce` and `testConnection` turn it back into a value. */
export class SyncError extends Error {
  constructor(readonly info: SyncErrorInfo) {
    super(`${info.code}: ${info.detail}`);
  }
}

/** Back-off when a 429/503 names no Retry-After: 坚果云 counts requests per 30 minutes. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 10 * 60_000;

/** Which code an HTTP status means (status 0: no answer). */
export function codeOf(status: number): SyncErrorCode {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404 || status === 409) return 'no-folder'; // 409: MKCOL or PUT under a missing parent
  if (status === 507) return 'quota';
  if (status === 429 || status === 503) return 'rate-limit';
  if (status === 0) return 'offline';
  return 'server';
}

/** Retry-After as seconds or an HTTP date → the time to retry (ms since epoch). */
export function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+$/.test(s)) return now + Number(s) * 1000;
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(at, now);
}

/** The error for an HTTP answer that is not a success. */
export function httpError(method: string, path: string, res: Response, now: number): SyncError {
  const code = codeOf(res.status);
  const retryAt =
    code === 'rate-limit'
      ? (retryAfter(res.headers.get('retry-after'), now) ?? now + DEFAULT_RATE_LIMIT_WAIT_MS)
      : undefined;
  return new SyncError({
    code,
    status: res.status,
    detail: `${method} ${path}: ${res.status} ${res.statusText}`.trim(),
    ...(retryAt ? { retryAt } : {}),
  });
}

/** Any thrown value → SyncErrorInfo (a failed fetch or a timeout is 'offline'). */
export function toErrorInfo(e: unknown): SyncErrorInfo {
  if (e instanceof SyncError) return e.info;
  const name = e instanceof Error ? e.name : '';
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'TypeError' || name === 'AbortError' || name === 'TimeoutError')
    return { code: 'offline', detail: msg };
  return { code: 'server', detail: msg };
}
