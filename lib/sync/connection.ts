/**
 * 「测试连接」: ask the server the questions a sync will ask, in the order that names the first
 * thing wrong: can we log in and is the folder there (PROPFIND), can we write (MKCOL, PUT a probe
 * file: a full account answers 507), clean up (DELETE), and whether the passphrase (or its absence)
 * fits the folder's encryption (GET crypto.json).
 */
import { checkFolderKey } from './encryption.ts';
import { toErrorInfo } from './errors.ts';
import { ROOT } from './files.ts';
import type { DavTransport, SyncErrorInfo } from './types.ts';

export type ConnectionResult = { ok: true; requests: number } | { ok: false; error: SyncErrorInfo };

export async function testConnection(
  dav: DavTransport,
  now: () => number = Date.now,
  passphrase?: string,
): Promise<ConnectionResult> {
  const start = dav.requests;
  try {
    await dav.list('');
    await dav.mkcol(ROOT);
    const probe = `${ROOT}/.probe-${now()}`;
    await dav.put(probe, new TextEncoder().encode('epaper-reader'), 'text/plain');
    await dav.remove(probe);
    await checkFolderKey(dav, passphrase);
    return { ok: true, requests: dav.requests - start };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}
