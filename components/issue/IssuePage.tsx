/**
 * 「整期目录」: the issue's table of contents (every 版面 with its articles in page order, a continued
 * story once with all its pages, highlight counts, read marks), the walk's progress with a stop
 * button, what failed with a retry, the exports, and the reader: the articles in issue order, the
 * previous/next one with ← → (or j/k), Esc back to the list. Page text is rendered as text only.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { IssueToc, TocEntry } from '../../lib/issue';
import { t } from '../../lib/extension/shared/i18n';
import type { IssueState } from './useIssue';

export type IssueExport = 'epub' | 'md' | 'jsonl';

export interface IssuePageProps {
  state: IssueState;
  /** Highlights per entry key (absent: not counted yet). */
  counts: Map<string, number>;
  read: Set<string>;
  /** The entry being read, '' for the list. */
  open: string;
  onOpen(key: string): void;
  onExport(format: IssueExport): void;
  /** What the last export could not include (the EPUB's cover), '' when nothing. */
  exportNote?: string;
}

const pages = (labels: readonly string[]) => t('issuePages', [labels.join(t('issuePageSep'))]);

function Progress({ state }: { state: IssueState }): JSX.Element | null {
  const p = state.progress;
  if (!state.loading && !state.toc?.stopped) return null;
  return (
    <div class="issue-progress" data-testid="issue-progress">
      <progress max={p?.total ?? 1} value={p?.done ?? 0} />
      <span>{t('issueLoading', [String(p?.done ?? 0), String(p?.total ?? 1)])}</span>
      {state.loading ? (
        <button type="button" data-testid="issue-stop" onClick={state.stop}>
          {t('issueStop')}
        </button>
      ) : (
        <span data-testid="issue-stopped">{t('issueStopped')}</span>
      )}
    </div>
  );
}

function Failures({ toc, retry }: { toc: IssueToc; retry: () => void }): JSX.Element | null {
  if (!toc.failures.length && !toc.stopped) return null;
  return (
    <section class="issue-failures" data-testid="issue-failures">
      <h2>{t('issueFailures')}</h2>
      <ul>
        {toc.failures.map((f) => (
          <li key={f.url}>
            {f.kind === 'page' ? pages([f.label]) : `${pages([f.label])} 「${f.title}」`}: {f.reason}
          </li>
        ))}
      </ul>
      <button type="button" data-testid="issue-retry" onClick={retry}>
        {t('issueRetry')}
      </button>
    </section>
  );
}

function Entry(props: { e: TocEntry; count?: number; read: boolean; onOpen: (k: string) => void }) {
  const { e } = props;
  return (
    <li class={props.read ? 'read' : 'unread'} data-testid="issue-entry" data-key={e.key}>
      <button type="button" class="link" onClick={() => props.onOpen(e.key)}>
        {e.title || t('issueUntitled')}
      </button>
      {e.pages.length > 1 && <span class="pages"> {pages(e.pages)}</span>}
      {props.count ? <span class="count"> {t('issueHighlights', [String(props.count)])}</span> : null}
      <span class="mark"> {props.read ? t('issueRead') : t('issueUnread')}</span>
    </li>
  );
}

function Contents(props: IssuePageProps & { toc: IssueToc }): JSX.Element {
  const { toc } = props;
  return (
    <div data-testid="issue-toc">
      {toc.pages.map((p) => (
        <section key={p.url} class="issue-page" data-testid="issue-page" data-label={p.label}>
          <h2>
            {pages([p.label])} {p.name}
          </h2>
          {p.failed && <p class="problem">{t('issuePageFailed', [p.failed])}</p>}
          <ol>
            {p.entries.map((e) => (
              <Entry
                key={e.key}
                e={e}
                count={props.counts.get(e.key)}
                read={props.read.has(e.key)}
                onOpen={props.onOpen}
              />
            ))}
            {p.continued.map((c) => (
              <li key={`c-${c.key}`} class="continued">
                <button type="button" class="link" onClick={() => props.onOpen(c.key)}>
                  {c.title}
                </button>{' '}
                {t('issueContinued', [pages([c.from])])}
              </li>
            ))}
            {p.missing.map((m) => (
              <li key={`m-${m.url}`} class="problem">
                {m.title}: {m.reason}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function Reader(props: IssuePageProps & { toc: IssueToc }): JSX.Element {
  const list = props.toc.entries;
  const at = list.findIndex((e) => e.key === props.open);
  const e = list[at];
  const top = useRef<HTMLElement>(null);
  // The key listener reads the current article through a ref: keys pressed faster than an effect
  // re-runs (after paint) must still move from the article on screen, not from the previous one.
  const now = useRef({ at, list, onOpen: props.onOpen });
  now.current = { at, list, onOpen: props.onOpen };
  const go = (i: number) => {
    const c = now.current;
    if (i >= 0 && i < c.list.length) c.onOpen(c.list[i].key);
  };
  useEffect(() => top.current?.scrollIntoView?.(), [props.open]);
  // A layout effect: it runs in the render that shows the reader, so a key pressed as soon as the
  // first article is on screen is heard (an effect runs only after the next paint).
  useLayoutEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
      const at = now.current.at;
      if (ev.key === 'ArrowRight' || ev.key === 'j') go(at + 1);
      else if (ev.key === 'ArrowLeft' || ev.key === 'k') go(at - 1);
      else if (ev.key === 'Escape') now.current.onOpen('');
      else return;
      ev.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const a = e.article;
  return (
    <article ref={top} data-testid="issue-reader" data-key={e.key} class="issue-reader">
      <nav>
        <button type="button" data-testid="issue-prev" disabled={at <= 0} onClick={() => go(at - 1)}>
          {t('issuePrev')}
        </button>
        <button type="button" data-testid="issue-back" onClick={() => props.onOpen('')}>
          {t('issueBack')}
        </button>
        <button
          type="button"
          data-testid="issue-next"
          disabled={at >= list.length - 1}
          onClick={() => go(at + 1)}
        >
          {t('issueNext')}
        </button>
        <span class="hint">
          {at + 1}/{list.length} · {t('issueKeys')}
        </span>
      </nav>
      {a.leadTitle && <p class="lead">{a.leadTitle}</p>}
      <h1>{e.title || t('issueUntitled')}</h1>
      {a.subtitle && <p class="lead">{a.subtitle}</p>}
      <p class="meta">{[a.paper, a.date, pages(a.pages), ...a.bylines].filter(Boolean).join(' · ')}</p>
      {a.paragraphs.length ? (
        a.paragraphs.map((p, i) =>
          p.kind === 'crosshead' ? <h2 key={i}>{p.text}</h2> : <p key={i}>{p.text}</p>,
        )
      ) : (
        <p class="problem">{t('issueNoText')}</p>
      )}
    </article>
  );
}

/** The whole page. */
export function IssuePage(props: IssuePageProps): JSX.Element {
  const { state } = props;
  const toc = state.toc;
  const reading = toc && props.open && toc.entries.some((e) => e.key === props.open);
  return (
    <main class="issue" data-testid="issue">
      <h1>
        {t('issueHeading')} {toc ? `${toc.paper} ${toc.date}` : ''}
      </h1>
      <Progress state={state} />
      {state.error && (
        <p class="problem" data-testid="issue-error">
          {t('issueError', [state.error])}
        </p>
      )}
      {toc && !reading && (
        <>
          <p>
            {t('issueCounts', [String(toc.entries.length), String(toc.pages.length)])}{' '}
            <button type="button" data-testid="issue-export-epub" onClick={() => props.onExport('epub')}>
              {t('issueExportEpub')}
            </button>{' '}
            <button type="button" data-testid="issue-export-md" onClick={() => props.onExport('md')}>
              {t('issueExportMd')}
            </button>{' '}
            <button type="button" data-testid="issue-export-jsonl" onClick={() => props.onExport('jsonl')}>
              {t('issueExportJsonl')}
            </button>
          </p>
          {props.exportNote && (
            <p class="problem" data-testid="issue-export-note">
              {props.exportNote}
            </p>
          )}
          <Failures toc={toc} retry={state.retry} />
          <Contents {...props} toc={toc} />
        </>
      )}
      {toc && reading && <Reader {...props} toc={toc} />}
    </main>
  );
}
