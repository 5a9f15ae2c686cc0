/**
 * library.html: every clip and highlight (or every article) in one windowed list, with search,
 * filters, sort, in-place notes and tags, bulk select, delete with undo, export and backup.
 * Reads come from a LibraryService (the page's own connection); writes from a Writer (messages).
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../../lib/db/types';
import { t } from '../../lib/extension/shared/i18n';
import type { Actions } from '../../lib/extension/pages/library/actions';
import { readFileText } from '../../lib/extension/pages/library/download';
import type { ExportSettings } from '../../lib/extension/pages/library/exporting';
import type { Writer } from '../../lib/extension/pages/library/writer';
import { itemKey, queryKey, type ListQuery } from '../../lib/extension/pages/library/types';
import type { Result } from '../../lib/model';
import { queryParts } from '../../lib/text/bigrams';
import { ExportPanel } from './ExportPanel';
import { Filters } from './Filters';
import { ArticleRow, ItemRow, titleOf } from './ItemRow';
import { useList, type LibraryReader } from './useList';
import { VirtualList } from './VirtualList';

export type { LibraryReader } from './useList';

export interface LibraryPageProps {
  reader: LibraryReader;
  writer: Writer;
  actions: Actions;
  settings: ExportSettings;
  onSettings: (s: ExportSettings) => void;
  /** Height of the list box in px (the page follows the window). */
  listHeight: number;
  initial?: Partial<ListQuery>;
  /** Subscribe to change notices from other views; returns the unsubscribe. */
  subscribe?: (onChange: () => void) => () => void;
  /** Wait before a typed query runs, in ms (0 in tests). */
  debounceMs?: number;
  now?: () => number;
  /**
   * The bar under the export bar for the selection, else the article the list is narrowed to, else
   * everything: 「存入 Zotero」… (components/handoff).
   */
  handoff?: (selection: ReadonlySet<string> | null, articleKey?: string) => ComponentChildren;
  /** The sync panel (components/library/sync), shown under the export bar. */
  sync?: JSX.Element;
}

export const ROW_HEIGHT = 96;

/** The selection key of an article row (all its clips and highlights). */
const articleSel = (key: string): string => 'a:' + key;

/** The page. */
export function LibraryPage(props: LibraryPageProps): JSX.Element {
  const [q, setQ] = useState<ListQuery>({
    query: '',
    filters: {},
    sort: 'read',
    view: 'items',
    ...props.initial,
  });
  const [typed, setTyped] = useState(q.query);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [undo, setUndo] = useState<SearchHit[] | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLElement>(null);
  const { result, facets, reload } = useList(props.reader, q, root, {
    now: props.now ?? (() => performance.now()),
    onError: (text) => setStatus({ text, error: true }),
    subscribe: props.subscribe,
  });
  useEffect(() => {
    if (typed === q.query) return;
    const id = setTimeout(() => setQ((old) => ({ ...old, query: typed })), props.debounceMs ?? 120);
    return () => clearTimeout(id);
  }, [typed]);
  const parts = queryParts(q.query);
  const items = result?.items ?? [];
  const view = q.view;
  const count = view === 'items' ? items.length : (result?.articles.length ?? 0);
  const total = view === 'items' ? (result?.total ?? 0) : count;
  const say = (r: Result<string>) =>
    setStatus(r.ok ? { text: r.value, error: false } : { text: r.error, error: true });
  const saved = (r: Result<unknown>) => (r.ok ? reload() : setStatus({ text: r.error, error: true }));
  // In the articles view a row stands for all its items: `a:<key>` selects every one of them.
  const chosen = () =>
    items.filter((it) => selected.has(itemKey(it)) || selected.has(articleSel(it.item.articleKey)));
  const keys = () => (selected.size > 0 ? new Set(chosen().map(itemKey)) : null);
  const run = async (work: () => Promise<Result<string>>) => {
    setBusy(true);
    say(await work());
    setBusy(false);
  };
  const select = (key: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const remove = async () => {
    const hits = chosen();
    if (hits.length === 0) return;
    setBusy(true);
    const r = await props.writer.remove(hits);
    setUndo(r.deleted.length > 0 ? r.deleted : null);
    setSelected(new Set());
    setStatus(
      r.error
        ? { text: r.error, error: true }
        : { text: t('deletedItems', [String(r.deleted.length)]), error: false },
    );
    setBusy(false);
    reload();
  };
  const putBack = async () => {
    if (!undo) return;
    setBusy(true);
    const r = await props.writer.putBack(undo);
    // A failed undo wrote nothing (one transaction): keep the list, so the button can try again.
    if (r.ok) setUndo(null);
    setStatus(
      r.ok ? { text: t('restoredItems', [String(r.value)]), error: false } : { text: r.error, error: true },
    );
    setBusy(false);
    reload();
  };
  const narrowed = q.filters.articleKey
    ? items.find((it) => it.item.articleKey === q.filters.articleKey)
    : undefined;
  const articleTitle = narrowed ? titleOf(narrowed.source) : '';
  const rowKeys = (): string[] =>
    view === 'items' ? items.map(itemKey) : (result?.articles ?? []).map((a) => articleSel(a.key));
  const allOn = count > 0 && selected.size === count;
  const filtered = Boolean(q.query || Object.values(q.filters).some((v) => v !== undefined));

  return (
    // <main>: the page's one main landmark; header, filters and list are regions inside it (axe).
    <main
      class="library"
      ref={root}
      data-testid="library"
      data-count={result ? String(total) : undefined}
      data-complete={result ? String(result.complete) : undefined}
    >
      <header class="lib-head">
        <h1>{t('libraryTitle')}</h1>
        <input
          type="search"
          class="lib-search"
          data-testid="lib-search"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={typed}
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
        />
        <span class="muted" data-testid="lib-total" role="status">
          {result ? t(view === 'items' ? 'itemsFound' : 'articlesFound', [String(total)]) : t('loading')}
        </span>
      </header>
      <Filters
        q={q}
        facets={facets}
        articleTitle={articleTitle}
        onChange={(next) => {
          setSelected(new Set());
          setQ(next);
        }}
      />
      <ExportPanel
        selected={selected.size > 0 ? chosen().length : 0}
        // The facets count the whole library but arrive after the list: rows on screen already say
        // it is not empty (right after a restore, the facets are still those of the empty library);
        // with no rows, it is empty until the facets say otherwise (a filter that matches nothing).
        empty={items.length === 0 && (facets?.items ?? 0) === 0}
        settings={props.settings}
        busy={busy}
        onSettings={props.onSettings}
        onCopy={() => void run(() => props.actions.copyMarkdown(keys(), props.settings))}
        onMarkdown={() => void run(() => props.actions.downloadMarkdown(keys(), props.settings))}
        onZip={() => void run(() => props.actions.downloadZip(keys(), props.settings))}
        onCsl={() => void run(() => props.actions.downloadCsl(keys()))}
        onRis={props.actions.downloadRis && (() => void run(() => props.actions.downloadRis!(keys())))}
        onBackup={() => void run(() => props.actions.backup())}
        onRestore={(file) =>
          void run(async () => {
            const text = await readFileText(file);
            if (!text.ok) return text;
            const r = await props.actions.restore(text.value);
            if (r.ok) reload();
            return r.ok ? { ok: true, value: r.value.message } : r;
          })
        }
      />
      {props.handoff?.(keys(), q.filters.articleKey)}
      {props.sync}
      <div class="lib-bulk">
        <label>
          <input
            type="checkbox"
            data-testid="select-all"
            checked={allOn}
            onChange={(e) =>
              setSelected((e.currentTarget as HTMLInputElement).checked ? new Set(rowKeys()) : new Set())
            }
          />{' '}
          {t('selectAll')}
        </label>
        <button
          type="button"
          data-testid="delete-selected"
          disabled={busy || selected.size === 0}
          onClick={() => void remove()}
        >
          {t('deleteSelected', [String(selected.size > 0 ? chosen().length : 0)])}
        </button>
        {undo && (
          <button type="button" data-testid="undo" disabled={busy} onClick={() => void putBack()}>
            {t('undo')}
          </button>
        )}
        {status && (
          <span
            class={status.error ? 'lib-status error' : 'lib-status'}
            data-testid="lib-status"
            role="status"
          >
            {status.text}
          </span>
        )}
      </div>
      {result && count === 0 ? (
        <div class="lib-empty-box">
          <p class="muted" data-testid="lib-empty">
            {filtered ? t('noMatches') : t('libraryEmpty')}
          </p>
          {filtered && (
            <button
              type="button"
              data-testid="clear-filters"
              onClick={() => {
                setTyped('');
                setQ({ ...q, query: '', filters: {} });
              }}
            >
              {t('clearFilters')}
            </button>
          )}
        </div>
      ) : (
        <VirtualList
          count={count}
          rowHeight={ROW_HEIGHT}
          height={props.listHeight}
          resetKey={queryKey(q)}
          label={t('libraryTitle')}
          rowKey={(i) => (view === 'items' ? itemKey(items[i]) : `a:${result!.articles[i].key}`)}
          renderRow={(i) => {
            if (view === 'articles') {
              const a = result!.articles[i];
              return (
                <ArticleRow
                  a={a}
                  parts={parts}
                  selected={selected.has(articleSel(a.key))}
                  onSelect={(on) => select(articleSel(a.key), on)}
                  onOpen={() => setQ({ ...q, view: 'items', filters: { ...q.filters, articleKey: a.key } })}
                />
              );
            }
            const it = items[i];
            const key = itemKey(it);
            return (
              <ItemRow
                it={it}
                parts={parts}
                selected={selected.has(key)}
                onSelect={(on) => select(key, on)}
                onNote={(note) => void props.writer.setNote(it, note).then(saved)}
                onTags={(tags) => void props.writer.setTags(it, tags).then(saved)}
                onArticle={(k) => setQ({ ...q, filters: { ...q.filters, articleKey: k } })}
              />
            );
          }}
        />
      )}
    </main>
  );
}
