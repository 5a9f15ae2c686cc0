// One sealed file (lib/sync/crypto.ts): the header names the scheme, every file has its own IV,
// and a wrong passphrase, another path, a changed byte or an unknown scheme are each refused with
// the error the engine acts on. Real WebCrypto with the real iteration count (keys are cached).
import { describe, expect, it } from 'vitest';
import { isSealed, ITERATIONS, newSalt, open, saltOf, seal, SCHEME } from '../../lib/sync/crypto';
import { SyncError } from '../../lib/sync/errors';
import { encodeFile } from '../../lib/sync/files';

const PATH = 'epaper-reader/devices/a/c-00000001.json.gz.enc';
const salt = newSalt();
const plain = encodeFile({
  device: 'a',
  seq: 1,
  records: [
    {
      kind: 'clip',
      id: 'clip-1',
      rev: '000001764876000000.00000.a',
      device: 'a',
      updatedAt: 1,
      deleted: false,
      data: { note: '海南自贸港' },
    },
  ],
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: unknown) => (e instanceof SyncError ? e.info.code : String(e)),
  );

describe('a sealed sync file', () => {
  it('starts with the header naming the scheme, then the salt; gzip plain files are told apart', async () => {
    const sealed = await seal('口令 passphrase', salt, PATH, plain);
    expect(new TextDecoder().decode(sealed.subarray(0, SCHEME.length))).toBe(
      'epaper-reader-sync-enc/1 PBKDF2-SHA-256:600000 AES-GCM-256\n',
    );
    expect(ITERATIONS).toBe(600_000);
    expect(saltOf(sealed)).toEqual(salt);
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(plain)).toBe(false);
    // header + 16 salt + 12 IV + ciphertext + 16 tag
    expect(sealed.length).toBe(SCHEME.length + 16 + 12 + plain.length + 16);
    expect(await open('口令 passphrase', PATH, sealed)).toEqual(plain);
  });

  it('uses a fresh random IV for every file, so the same content never looks the same', async () => {
    const [x, y] = [await seal('p', salt, PATH, plain), await seal('p', salt, PATH, plain)];
    const iv = (b: Uint8Array) => [...b.subarray(SCHEME.length + 16, SCHEME.length + 28)];
    expect(iv(x)).not.toEqual(iv(y));
    expect([...x.subarray(SCHEME.length + 28)]).not.toEqual([...y.subarray(SCHEME.length + 28)]);
  });

  it.each([
    ['a wrong passphrase', 'wrong', PATH, (b: Uint8Array) => b, 'passphrase'],
    [
      'the file shown under another number',
      'p',
      PATH.replace('00000001', '00000007'),
      (b: Uint8Array) => b,
      'passphrase',
    ],
    [
      'one changed byte of ciphertext',
      'p',
      PATH,
      (b: Uint8Array) => ((b[b.length - 20]! ^= 1), b),
      'passphrase',
    ],
    [
      'one changed byte of the salt',
      'p',
      PATH,
      (b: Uint8Array) => ((b[SCHEME.length]! ^= 1), b),
      'passphrase',
    ],
    [
      'a scheme this version does not know',
      'p',
      PATH,
      (b: Uint8Array) => (b.set(new TextEncoder().encode('epaper-reader-sync-enc/2'), 0), b),
      'bad-data',
    ],
    ['a cut file', 'p', PATH, (b: Uint8Array) => b.subarray(0, 40), 'bad-data'],
  ])('is refused on %s', async (_what, passphrase, path, change, code) => {
    const sealed = change(await seal('p', salt, PATH, plain));
    expect(await codeOf(open(passphrase, path, sealed))).toBe(code);
  });
});
