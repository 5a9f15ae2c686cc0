/**
 * The 「整期目录」 page's state: walks the issue through lib/issue (politely, with a stop), builds the
 * 目录, retries what failed (the pages already read come from the cache, so only the failures are
 * fetched again), and writes the measurement on the page's root: `data-toc-ms` (open → complete 目录).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { buildToc, walkIssue, type IssueFetcher, type IssueProgress, type IssueToc } from '../../lib/issue';

/** What the hook shows. */
export interface IssueState {
  toc: IssueToc | null;
  progress: IssueProgress | null;
  loading: boolean;
  /** Why there is no issue at all ('' when there is one). */
  error: string;
  stop(): void;
  retry(): void;
}

/** Load the issue `url` is a page of. */
export function useIssue(
  url: string,
  fetcher: IssueFetcher,
  root: RefObject<HTMLElement | null>,
  opts: { now: () => number; delayMs?: number },
): IssueState {
  const [toc, setToc] = useState<IssueToc | null>(null);
  const [progress, setProgress] = useState<IssueProgress | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  const stopper = useRef<AbortController | null>(null);
  useEffect(() => {
    const stop = new AbortController();
    stopper.current = stop;
    const at = opts.now();
    setLoading(true);
    void (async () => {
      const walk = await walkIssue(url, fetcher, {
        signal: stop.signal,
        delayMs: opts.delayMs,
        onProgress: (p) => setProgress(p),
      });
      if (!walk.ok) {
        setError(walk.error);
        setLoading(false);
        return;
      }
      const made = await buildToc(walk.value);
      setToc(made);
      setLoading(false);
      const el = root.current;
      if (el && !made.stopped) el.dataset.tocMs = (opts.now() - at).toFixed(1);
    })();
    return () => stop.abort();
  }, [url, round]);
  return {
    toc,
    progress,
    loading,
    error,
    stop: () => stopper.current?.abort(),
    retry: () => {
      setError('');
      setRound((r) => r + 1);
    },
  };
}
