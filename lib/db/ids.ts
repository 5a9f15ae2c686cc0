/**
 * Record ids: UUIDv7 (RFC 9562), 48 bits of milliseconds then 74 random bits from
 * crypto.getRandomValues. Random like crypto.randomUUID(), but sorted by creation time: IndexedDB keeps
 * a term's index entries in primary-key order, so the search reads "the newest 200 clips with 返贫"
 * straight off the index instead of sorting thousands (docs/storage.md).
 */

/** A UUIDv7 for time `now` (ms since epoch); `fill` supplies random bytes (tests inject it). */
export function uuidv7(
  now: number,
  fill: (bytes: Uint8Array) => void = (b) => crypto.getRandomValues(b),
): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  let t = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | (bytes[6] & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8] & 0x3f); // variant 10
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The milliseconds a UUIDv7 was made at, or undefined for any other id (restored from elsewhere). */
export function uuidv7Time(id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/.test(id)) return undefined;
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/** A device id: 16 random hex digits (64 bits), made once per library and kept in its `meta` row. */
export function newDeviceId(fill: (bytes: Uint8Array) => void = (b) => crypto.getRandomValues(b)): string {
  const bytes = new Uint8Array(8);
  fill(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
