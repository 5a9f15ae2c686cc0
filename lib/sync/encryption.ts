/**
 * Encryption of a sync folder (docs/sync.md § Encryption): the folder's `epaper-reader/crypto.json`
 * (the salt every device derives the same key with, and a key check that tells a wrong passphrase
 * before anything is sent or applied), and the codec the engine writes and reads files through:
 * plain gzip JSON, or the same sealed with the passphrase.
 */
import { SyncError } from './errors.ts';
import { fromBase64, isSealed, newSalt, open, saltOf, seal, SCHEME, toBase64 } from './crypto.ts';
import { CRYPTO_FILE, decodeFile, encodeFile, type SyncFile } from './files.ts';
import type { DavTransport, SyncState } from './types.ts';

const FORMAT = 'epaper-reader-crypto';
const CHECK = 'epaper-reader key check';

/** crypto.json: nothing in it is secret (the salt is public by design; the check is a sealed constant). */
interface CryptoFile {
  format: typeof FORMAT;
  version: 1;
  scheme: string;
  salt: string;
  check: string;
}

/** How the engine writes and reads files; `sealed`: new files are encrypted (and named `.enc`). */
export interface Codec {
  sealed: boolean;
  encode(path: string, f: Omit<SyncFile, 'format' | 'version'>): Promise<Uint8Array>;
  /** Throws SyncError 'encrypted'/'passphrase' (stop: nothing applied), or Error on a damaged file (skip it). */
  decode(path: string, bytes: Uint8Array): Promise<{ file: SyncFile; problems: string[] }>;
}

/** No passphrase: plain files; an encrypted one stops the sync with 'encrypted' before anything is applied. */
export const plainCodec: Codec = {
  sealed: false,
  encode: async (_path, f) => encodeFile(f),
  decode: async (path, bytes) => {
    if (path.endsWith('.enc') || isSealed(bytes))
      throw new SyncError({ code: 'encrypted', detail: `${path} is encrypted` });
    return decodeFile(bytes, path);
  },
};

/** With a passphrase: new files sealed with the folder's salt; plain files (written before encryption was on) still read. */
export function sealedCodec(passphrase: string, salt: Uint8Array): Codec {
  return {
    sealed: true,
    encode: (path, f) => seal(passphrase, salt, path, encodeFile(f)),
    decode: async (path, bytes) => {
      if (!isSealed(bytes)) return decodeFile(bytes, path);
      let plain: Uint8Array;
      try {
        plain = await open(passphrase, path, bytes);
      } catch (e) {
        // The key that opens the folder's check and this file's salt: the file itself was changed.
        if (e instanceof SyncError && e.info.code === 'passphrase' && sameBytes(saltOf(bytes), salt))
          throw new Error(`${path}: encrypted file damaged or changed (it does not authenticate)`);
        throw e;
      }
      return decodeFile(plain, path);
    },
  };
}

/** crypto.json as stored, or null when the folder has none (not encrypted). */
async function readCryptoFile(dav: DavTransport): Promise<CryptoFile | null> {
  let bytes: Uint8Array;
  try {
    bytes = await dav.get(CRYPTO_FILE);
  } catch (e) {
    if (e instanceof SyncError && e.info.status === 404) return null;
    throw e;
  }
  let o: Partial<CryptoFile> | undefined;
  try {
    o = JSON.parse(new TextDecoder().decode(bytes)) as Partial<CryptoFile>;
  } catch {
    o = undefined;
  }
  if (o?.format !== FORMAT || o.version !== 1 || typeof o.salt !== 'string' || typeof o.check !== 'string')
    throw new SyncError({ code: 'bad-data', detail: `${CRYPTO_FILE}: not an ${FORMAT} version 1 file` });
  return o as CryptoFile;
}

/** Throws 'passphrase' unless the passphrase opens the folder's key check. */
async function verify(passphrase: string, c: { check: string }): Promise<void> {
  const plain = await open(passphrase, CRYPTO_FILE, fromBase64(c.check)).catch((e: unknown) => {
    throw e instanceof SyncError && e.info.code === 'passphrase'
      ? new SyncError({
          code: 'passphrase',
          detail: `${CRYPTO_FILE}: the passphrase does not open the key check`,
        })
      : e;
  });
  if (new TextDecoder().decode(plain) !== CHECK)
    throw new SyncError({ code: 'passphrase', detail: `${CRYPTO_FILE}: key check does not match` });
}

/**
 * The codec for this sync. With a passphrase: read crypto.json once (kept in the state), or write
 * it when the folder has none (turning encryption on), and check the passphrase against it; the
 * server sees no request for this after the first sync. Without one: plain, unless this device
 * knows the folder is encrypted (it will not downgrade it).
 */
export async function codecFor(
  state: SyncState,
  dav: DavTransport,
  passphrase: string | undefined,
): Promise<Codec> {
  if (!passphrase) {
    if (state.crypto || state.sealed)
      throw new SyncError({ code: 'encrypted', detail: `${CRYPTO_FILE}: the folder is encrypted` });
    return plainCodec;
  }
  if (!state.crypto) {
    let info = await readCryptoFile(dav);
    if (!info) {
      const salt = newSalt();
      const check = await seal(passphrase, salt, CRYPTO_FILE, new TextEncoder().encode(CHECK));
      const mine: CryptoFile = {
        format: FORMAT,
        version: 1,
        scheme: SCHEME.trim(),
        salt: toBase64(salt),
        check: toBase64(check),
      };
      await dav.put(CRYPTO_FILE, new TextEncoder().encode(JSON.stringify(mine, null, 1)), 'application/json');
      // Two devices turning it on at the same moment: the one read back is what the rest will use.
      // Each sealed file names its own salt, so a file sealed under the other stays readable.
      info = (await readCryptoFile(dav)) ?? mine;
    }
    state.crypto = { salt: info.salt, check: info.check };
  }
  await verify(passphrase, state.crypto);
  return sealedCodec(passphrase, fromBase64(state.crypto.salt));
}

/**
 * 「测试连接」's question: does this passphrase (or its absence) fit the folder? A folder with no
 * crypto.json fits either (a passphrase turns encryption on at the first sync).
 */
export async function checkFolderKey(dav: DavTransport, passphrase: string | undefined): Promise<void> {
  const info = await readCryptoFile(dav);
  if (!info) return;
  if (!passphrase)
    throw new SyncError({ code: 'encrypted', detail: `${CRYPTO_FILE}: the folder is encrypted` });
  await verify(passphrase, info);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
