/**
 * The library's filter bar: paper, publication date range, kind, colours, tag, sort and view.
 * Every change hands a whole new ListQuery up; the page runs it.
 */
import type { JSX } from 'preact';
import { t } from '../../lib/extension/shared/i18n';
import type { Facets, ListQuery } from '../../lib/extension/pages/library/types';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model';

export interface FiltersProps {
  q: ListQuery;
  facets: Facets | null;
  /** Title of the article the list is narrowed to (filters.articleKey), '' when none. */
  articleTitle: string;
  onChange: (q: ListQuery) => void;
}

const colorKey = (c: HighlightColor) => 'color' + c[0].toUpperCase() + c.slice(1);

/** The controls. */
export function Filters(props: FiltersProps): JSX.Element {
  const { q } = props;
  const f = q.filters;
  const set = (patch: Partial<ListQuery['filters']>) => props.onChange({ ...q, filters: { ...f, ...patch } });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const colors = f.colors ?? [];
  const kind = f.kinds?.length === 1 ? f.kinds[0] : '';
  // Three labelled groups (where from, what, how shown), each control with a visible label: a
  // row of bare selects gave no hint what 「==文字==」 or a date box was for.
  return (
    <div class="lib-filters" role="group" aria-label={t('filters')}>
      <fieldset class="lib-group">
        <legend>{t('groupSource')}</legend>
        <label>
          {t('filterPaper')}{' '}
          <select
            data-testid="filter-paper"
            value={f.paper ?? ''}
            onChange={(e) => set({ paper: value(e) || undefined })}
          >
            <option value="">{t('allPapers')}</option>
            {props.facets?.papers.map((p) => (
              <option key={p.value} value={p.value}>
                {p.value} ({p.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dateFrom')}{' '}
          <input
            type="date"
            data-testid="filter-from"
            aria-label={t('filterDateFrom')}
            value={f.dateFrom ?? ''}
            onChange={(e) => set({ dateFrom: value(e) || undefined })}
          />
        </label>
        <label>
          {t('dateTo')}{' '}
          <input
            type="date"
            data-testid="filter-to"
            aria-label={t('filterDateTo')}
            value={f.dateTo ?? ''}
            onChange={(e) => set({ dateTo: value(e) || undefined })}
          />
        </label>
      </fieldset>
      <fieldset class="lib-group">
        <legend>{t('groupContent')}</legend>
        <label>
          {t('filterKind')}{' '}
          <select
            data-testid="filter-kind"
            value={kind}
            onChange={(e) => {
              const v = value(e);
              set({ kinds: v === 'clip' || v === 'highlight' ? [v] : undefined });
            }}
          >
            <option value="">{t('allKinds')}</option>
            <option value="clip">{t('kindClip')}</option>
            <option value="highlight">{t('kindHighlight')}</option>
          </select>
        </label>
        <span class="color-filter" role="group" aria-label={t('filterColor')}>
          <span aria-hidden="true">{t('filterColor')}</span>
          {HIGHLIGHT_COLORS.map((c) => (
            <label key={c} class={`swatch color-${c}`} title={t(colorKey(c))}>
              <input
                type="checkbox"
                data-testid={`filter-color-${c}`}
                aria-label={t(colorKey(c))}
                checked={colors.includes(c)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  const next = on ? [...colors, c] : colors.filter((x) => x !== c);
                  set({ colors: next.length ? next : undefined });
                }}
              />
            </label>
          ))}
        </span>
        <label>
          {t('filterTag')}{' '}
          <select
            data-testid="filter-tag"
            value={f.tags?.[0] ?? ''}
            onChange={(e) => set({ tags: value(e) ? [value(e)] : undefined })}
          >
            <option value="">{t('allTags')}</option>
            {props.facets?.tags.map((x) => (
              <option key={x.value} value={x.value}>
                #{x.value} ({x.count})
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset class="lib-group">
        <legend>{t('groupShow')}</legend>
        <label>
          {t('sortBy')}{' '}
          <select
            data-testid="sort"
            value={q.sort}
            onChange={(e) => props.onChange({ ...q, sort: value(e) === 'published' ? 'published' : 'read' })}
          >
            <option value="read">{t('sortRead')}</option>
            <option value="published">{t('sortPublished')}</option>
          </select>
        </label>
        <label>
          {t('viewBy')}{' '}
          <select
            data-testid="view"
            value={q.view}
            onChange={(e) => props.onChange({ ...q, view: value(e) === 'articles' ? 'articles' : 'items' })}
          >
            <option value="items">{t('viewItems')}</option>
            <option value="articles">{t('viewArticles')}</option>
          </select>
        </label>
      </fieldset>
      {f.articleKey && (
        <button
          type="button"
          class="chip"
          data-testid="filter-article"
          title={t('clearArticle')}
          onClick={() => set({ articleKey: undefined })}
        >
          {props.articleTitle || f.articleKey} ×
        </button>
      )}
    </div>
  );
}
