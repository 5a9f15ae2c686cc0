/**
 * The popup's library part: the current tab's article (found by URL) with its highlights and clips,
 * the recent clips across papers, and the button to the library page. Reads come from the popup's
 * own connection to the database; edits go through the Writer (messages to the background).
 * `data-render-ms` on the section: ms from the popup's navigation start to the first full render.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ArticleItems, ClipGroup, SearchHit } from '../../lib/db/types';
import { t } from '../../lib/extension/shared/i18n';
import type { Writer } from '../../lib/extension/pages/library/writer';
import type { Result, StoredArticle } from '../../lib/model';
import { ArticleItemsView } from './ArticleItems';
import { RecentClips } from './RecentClips';

/** The reads the popup makes (Library, or a fake in tests). */
export interface PopupReader {
  findArticleByUrl(url: string): Promise<Result<StoredArticle | null>>;
  listForArticle(articleKey: string): Promise<Result<ArticleItems>>;
  recentClips(limit: number): Promise<Result<ClipGroup[]>>;
}

export interface PopupLibraryProps {
  url: string;
  reader: PopupReader;
  writer: Writer;
  /** Ask the tab's content script to scroll to and flash a highlight. */
  jump: (id: string) => Promise<Result<boolean>>;
  openLibrary: (articleKey?: string) => void;
  subscribe?: (onChange: () => void) => () => void;
  /** Recent clips already asked for while the popup was starting (used for the first render). */
  recentStarted?: Promise<Result<ClipGroup[]>>;
  now?: () => number;
}

/** Recent clips shown: enough groups to fill the popup, newest first. */
export const RECENT = 30;

/** The part. */
export function PopupLibrary(props: PopupLibraryProps): JSX.Element {
  const [items, setItems] = useState<ArticleItems | null | undefined>(undefined);
  const [recent, setRecent] = useState<ClipGroup[] | null>(null);
  const [undo, setUndo] = useState<SearchHit | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [generation, setGeneration] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const measured = useRef(false);

  useEffect(() => props.subscribe?.(() => setGeneration((g) => g + 1)), []);
  useEffect(() => {
    void (async () => {
      const found = props.url ? await props.reader.findArticleByUrl(props.url) : null;
      if (!found || !found.ok || !found.value) return setItems(null);
      const r = await props.reader.listForArticle(found.value.key);
      setItems(r.ok ? r.value : null);
      if (!r.ok) setStatus({ text: r.error, error: true });
    })();
    const recent =
      generation === 0 && props.recentStarted ? props.recentStarted : props.reader.recentClips(RECENT);
    void recent.then((r) => setRecent(r.ok ? r.value : []));
  }, [props.url, generation]);
  useLayoutEffect(() => {
    if (!measured.current && items !== undefined && recent !== null && root.current) {
      measured.current = true;
      root.current.dataset.renderMs = (props.now ?? (() => performance.now()))().toFixed(1);
    }
  }, [items, recent]);

  const after = (r: Result<unknown>, ok?: string) => {
    setStatus(r.ok ? (ok ? { text: ok, error: false } : null) : { text: r.error, error: true });
    setGeneration((g) => g + 1);
  };
  const jump = async (id: string) => {
    const r = await props.jump(id);
    if (!r.ok) setStatus({ text: t('jumpNoPage'), error: true });
    else setStatus(r.value ? null : { text: t('jumpNotFound'), error: true });
  };
  const remove = async (hit: SearchHit) => {
    const r = await props.writer.remove([hit]);
    setUndo(r.deleted[0] ?? null);
    after(r.error ? { ok: false, error: r.error } : { ok: true, value: null }, t('deletedItems', ['1']));
  };
  const putBack = async () => {
    if (!undo) return;
    const r = await props.writer.putBack([undo]);
    if (r.ok) setUndo(null);
    after(r, t('restoredItems', ['1']));
  };

  return (
    <div class="pop-library" ref={root} data-testid="pop-library">
      {items && (
        <ArticleItemsView
          data={items}
          onJump={(id) => void jump(id)}
          onColor={(id, c) => void props.writer.setColor(id, c).then((r) => after(r))}
          onNote={(hit, note) => void props.writer.setNote(hit, note).then((r) => after(r))}
          onDelete={(hit) => void remove(hit)}
        />
      )}
      {items === null && (
        <p class="muted" data-testid="pop-no-article">
          {t('noArticleHere')}
        </p>
      )}
      {(status || undo) && (
        <p class={status?.error ? 'pop-status error' : 'pop-status'} data-testid="pop-status" role="status">
          {status?.text}
          {undo && ' '}
          {undo && (
            <button type="button" data-testid="pop-undo" onClick={() => void putBack()}>
              {t('undo')}
            </button>
          )}
        </p>
      )}
      {recent && <RecentClips groups={recent} onOpen={(k) => props.openLibrary(k)} />}
      <button type="button" data-testid="open-library" onClick={() => props.openLibrary()}>
        {t('openLibrary')}
      </button>
    </div>
  );
}
