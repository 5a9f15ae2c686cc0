/**
 * The polite queue every issue walk goes through: at most `concurrency` requests at a time, a pause
 * after each request before its slot takes the next, pages already cached taken at once (no slot,
 * no pause), and a stop (AbortSignal) that ends waiting tasks instead of leaving them hanging.
 */

/** How to wait: `sleep(ms, signal)` resolves after ms, or rejects as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout as a Sleep (the default; tests pass their own). */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    if (ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', stop);
      resolve();
    }
    function stop() {
      clearTimeout(timer);
      reject(abortError());
    }
    signal?.addEventListener('abort', stop, { once: true });
  });

/** The error a stopped task rejects with (name AbortError, like fetch's). */
export function abortError(): Error {
  const e = new Error('stopped');
  e.name = 'AbortError';
  return e;
}

/** Options of `politeQueue`. */
export interface PoliteOptions {
  /** Requests at a time; the rule is 2. */
  concurrency?: number;
  /** Pause in ms after each request before its slot starts another. */
  delayMs?: number;
  sleep?: Sleep;
  signal?: AbortSignal;
}

/** A queue: `run(task)` starts the task when a slot is free; `now(task)` runs it at once (cache hits). */
export interface PoliteQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Requests started so far through `run`. */
  readonly started: number;
}

/** Make a polite queue. Never starts more than `concurrency` tasks; a stop rejects the waiting ones. */
export function politeQueue(opts: PoliteOptions = {}): PoliteQueue {
  const limit = Math.max(1, Math.floor(opts.concurrency ?? 2));
  const delay = Math.max(0, opts.delayMs ?? 1000);
  const sleep = opts.sleep ?? realSleep;
  const signal = opts.signal;
  let active = 0;
  let started = 0;
  const waiting: (() => void)[] = [];

  const acquire = () =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      if (active < limit) {
        active++;
        return resolve();
      }
      const go = () => {
        signal?.removeEventListener('abort', stop);
        active++;
        resolve();
      };
      const stop = () => {
        const i = waiting.indexOf(go);
        if (i >= 0) waiting.splice(i, 1);
        reject(abortError());
      };
      waiting.push(go);
      signal?.addEventListener('abort', stop, { once: true });
    });

  const release = async () => {
    // The pause belongs to the slot: it is taken before the slot serves the next request.
    await sleep(delay, signal).catch(() => undefined);
    active--;
    const next = waiting.shift();
    if (next) next();
  };

  return {
    get started() {
      return started;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      await acquire();
      started++;
      try {
        if (signal?.aborted) throw abortError();
        return await task();
      } finally {
        void release();
      }
    },
  };
}
