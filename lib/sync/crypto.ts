/**
 * End-to-end encryption of one sync file with WebCrypto (docs/sync.md § Encryption). A sealed file
 * is a header line naming the scheme, the salt its key was derived with, a random 96-bit IV, and
 * the AES-GCM-256 ciphertext of the plain file. The header and the file's path are authenticated
 * too (AES-GCM's additional data), so a server can neither swap two files nor pass an old file off
 * as a new number. Pure: no storage, no requests.
 */
import { SyncError } from './errors.ts';

/**
 * Version 1, the only one: PBKDF2-HMAC-SHA-256 with 600,000 iterations (OWASP's 2023 figure for
 * it) → AES-GCM with a 256-bit key. The count is fixed by the version, not read from the file, so
 * a server cannot lower it for the files we write next or make us spin on a huge one.
 */
export const SCHEME = 'epaper-reader-sync-enc/1 PBKDF2-SHA-256:600000 AES-GCM-256\n';
export const ITERATIONS = 600_000;
const PREFIX = 'epaper-reader-sync-enc/';
const SALT = 16;
const IV = 12;

const enc = new TextEncoder();
const HEAD = enc.encode(SCHEME);
const HEAD_LEN = HEAD.length + SALT + IV;

/** Derived keys by passphrase and salt: a derivation takes the better part of a second, a sync may meet it in every file. */
const keys = new Map<string, Promise<CryptoKey>>();

export function deriveKey(passphrase: string, salt: Uint8Array): Promise<CryptoKey> {
  const id = `${toBase64(salt)}\u0000${passphrase}`;
  let key = keys.get(id);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
      .then((raw) =>
        crypto.subtle.deriveKey(
          { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: ITERATIONS },
          raw,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    // A few at most (one folder, one passphrase; a second salt only after two devices raced).
    if (keys.size >= 8) keys.delete(keys.keys().next().value!);
    keys.set(id, key);
  }
  return key;
}

export const newSalt = (): Uint8Array => crypto.getRandomValues(new Uint8Array(SALT));

/** Does the file start with our header (of any version)? Plain files are gzip (1f 8b). */
export function isSealed(bytes: Uint8Array): boolean {
  const p = enc.encode(PREFIX);
  return bytes.length >= p.length && p.every((b, i) => bytes[i] === b);
}

const aad = (head: Uint8Array, path: string) => concat(head, enc.encode(path));

/** Encrypt `plain` as the file at `path` (relative to the sync folder). */
export async function seal(
  passphrase: string,
  salt: Uint8Array,
  path: string,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV));
  const head = concat(HEAD, salt, iv);
  const key = await deriveKey(passphrase, salt);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(head, path) as BufferSource },
    key,
    plain as BufferSource,
  );
  return concat(head, new Uint8Array(ct));
}

/** The salt a sealed file names (to tell a file of another key from a damaged one). */
export function saltOf(sealed: Uint8Array): Uint8Array {
  checkHeader(sealed, '');
  return sealed.slice(HEAD.length, HEAD.length + SALT);
}

/**
 * Decrypt the file at `path`. A key that does not open it is a SyncError 'passphrase' (wrong
 * passphrase, or the file was changed: AES-GCM cannot tell them apart); a header of a scheme we
 * do not know is 'bad-data'.
 */
export async function open(passphrase: string, path: string, sealed: Uint8Array): Promise<Uint8Array> {
  checkHeader(sealed, path);
  const head = sealed.subarray(0, HEAD_LEN);
  const salt = head.subarray(HEAD.length, HEAD.length + SALT);
  const iv = head.subarray(HEAD.length + SALT);
  const key = await deriveKey(passphrase, salt.slice());
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(head, path) as BufferSource },
      key,
      sealed.subarray(HEAD_LEN) as BufferSource,
    );
    return new Uint8Array(plain);
  } catch {
    throw new SyncError({ code: 'passphrase', detail: `${path}: the passphrase does not open it` });
  }
}

function checkHeader(bytes: Uint8Array, path: string): void {
  const known = bytes.length > HEAD_LEN && HEAD.every((b, i) => bytes[i] === b);
  if (known) return;
  const line = new TextDecoder().decode(bytes.subarray(0, 80)).split('\n')[0];
  throw new SyncError({
    code: 'bad-data',
    detail: `${path}: ${isSealed(bytes) ? `encrypted with a scheme this version does not know (${line})` : 'not an encrypted file'}`,
  });
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function fromBase64(s: string): Uint8Array {
  return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
}
