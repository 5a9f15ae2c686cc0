/**
 * Rows put straight through the IndexedDB transaction under the caller's Dexie transaction, for
 * a restore's clips only (restore.ts). Dexie's bulkPut keeps every request and every value until
 * the last request succeeds and sets an error handler on each; for 50,000 rows that was ~0.6 s of
 * script in the page and garbage kept alive through the whole write (docs/storage.md, "The
 * restore, pipelined"). Here each row is handed to IndexedDB, which copies it, and dropped; only
 * the last request is watched: requests succeed in order, and a failed one (quota, a bad key)
 * aborts the transaction, so nothing is written and the last request fails too.
 *
 * Dexie does not see these writes: nothing in the library uses its liveQuery or its change
 * events, and every view learns of a restore from the `seq` feed and `libraryChanged`.
 */
import { Dexie, type Table } from 'dexie';

/** Puts into one table of the current Dexie transaction, watched as one. */
export class RawPuts {
  private readonly store: IDBObjectStore;
  private last: IDBRequest | undefined;

  /** Must be called inside a Dexie transaction holding `table`, read-write. */
  constructor(table: Table) {
    this.store = Dexie.currentTransaction.idbtrans.objectStore(table.name);
  }

  /** Issues one put a row (a row without a valid key throws here, and the transaction aborts). */
  put(rows: readonly object[]): void {
    for (const r of rows) this.last = this.store.put(r);
  }

  /** Settles when every put issued so far has succeeded, or with the first failure. */
  done(): Promise<void> {
    const last = this.last;
    // A Dexie promise, so that the caller's await stays in the transaction's zone.
    return new Dexie.Promise<void>((resolve, reject) => {
      if (!last) return resolve();
      last.addEventListener('success', () => resolve());
      last.addEventListener('error', () => reject(last.error ?? new Error('a put failed')));
    });
  }
}

/**
 * Waits for every write of the current Dexie transaction in `writes`. A failure rejects with the
 * transaction's own error when it has one: the cause (QuotaExceededError, which the page words as
 * 「storage is full」), where a request may only give the AbortError that every request still
 * pending gets when the transaction aborts.
 */
export function allWritten(writes: readonly Promise<unknown>[]): Promise<void> {
  const tx = Dexie.currentTransaction.idbtrans;
  return Promise.all(writes).then(
    () => undefined,
    (e: unknown) => {
      throw tx.error ?? e;
    },
  );
}
