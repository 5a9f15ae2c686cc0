/**
 * One row of the library list: a clip or a highlight with where it came from (paper · date · 版次 ·
 * title), its quote, and its note and tags editable in place. Fixed height (the list windows rows),
 * so long quotes are cut by CSS, never by code.
 */
import type { JSX } from 'preact';
import { metaLine } from '../../lib/extension/shared/format';
import { t } from '../../lib/extension/shared/i18n';
import { safeLink } from '../../lib/extension/shared/urls';
import { parseTags } from '../../lib/extension/pages/library/writer';
import type { ArticleSummary, LibraryItem } from '../../lib/extension/pages/library/types';
import type { SourceRef } from '../../lib/model';
import { Editable } from './Editable';
import { Marked } from './Marked';

/** The text a row shows as its quote. */
export function quoteOf(it: LibraryItem): string {
  return it.kind === 'clip' ? it.item.paragraphs.join(' ') : it.item.selectors.exact;
}

/** The headline a row shows: 主题, else 引题, else 副题, else 「无题」. */
export function titleOf(s: SourceRef): string {
  return s.title || s.leadTitle || s.subtitle || t('untitled');
}

export interface ItemRowProps {
  it: LibraryItem;
  parts: readonly string[];
  selected: boolean;
  onSelect: (on: boolean) => void;
  onNote: (note: string) => void;
  onTags: (tags: string[]) => void;
  onArticle: (key: string) => void;
}

/** A clip or highlight row. */
export function ItemRow(props: ItemRowProps): JSX.Element {
  const { it, parts } = props;
  const kind = it.kind === 'clip' ? t('kindClip') : t('kindHighlight');
  // A real link (open in a new tab, copy its address), only for a web page: never file:// or paste:.
  const original = it.source.urls.map((u) => safeLink(u)).find((u) => u !== '') ?? '';
  return (
    <div class={props.selected ? 'lib-row selected' : 'lib-row'} data-testid="lib-row" data-kind={it.kind}>
      <input
        type="checkbox"
        data-testid="row-select"
        aria-label={t('selectItem')}
        checked={props.selected}
        onChange={(e) => props.onSelect((e.currentTarget as HTMLInputElement).checked)}
      />
      <span
        class={it.kind === 'clip' ? 'kind kind-clip' : `kind swatch color-${it.item.color}`}
        title={kind}
        aria-label={kind}
      >
        {it.kind === 'clip' ? t('kindClipShort') : ''}
      </span>
      <div class="lib-row-body">
        <div class="lib-row-meta">
          <button
            type="button"
            class="link"
            data-testid="row-title"
            onClick={() => props.onArticle(it.item.articleKey)}
          >
            <Marked text={titleOf(it.source)} parts={parts} />
          </button>
          <span class="muted"> {metaLine(it.source)}</span>
          {original && (
            <>
              {' · '}
              <a data-testid="row-open" href={original} target="_blank" rel="noopener noreferrer">
                {t('openOriginal')}
              </a>
            </>
          )}
        </div>
        <div class="lib-row-quote" data-testid="row-quote">
          <Marked text={quoteOf(it)} parts={parts} />
        </div>
        <div class="lib-row-edit">
          <Editable
            value={it.item.note}
            parts={parts}
            placeholder={t('addNote')}
            label={t('note')}
            testid="row-note"
            multiline
            onSave={props.onNote}
          />
          <Editable
            value={it.item.tags.map((x) => '#' + x).join(' ')}
            parts={parts}
            placeholder={t('addTags')}
            label={t('tags')}
            testid="row-tags"
            onSave={(text) => props.onTags(parseTags(text))}
          />
        </div>
      </div>
    </div>
  );
}

/** An article row (the articles view): headline, where, counts; opens its items. */
export function ArticleRow(props: {
  a: ArticleSummary;
  parts: readonly string[];
  selected: boolean;
  onSelect: (on: boolean) => void;
  onOpen: () => void;
}): JSX.Element {
  const { a } = props;
  return (
    <div class={props.selected ? 'lib-row article selected' : 'lib-row article'} data-testid="article-row">
      <input
        type="checkbox"
        data-testid="article-select"
        aria-label={t('selectArticle')}
        checked={props.selected}
        onChange={(e) => props.onSelect((e.currentTarget as HTMLInputElement).checked)}
      />
      <div class="lib-row-body">
        <div class="lib-row-meta">
          <button type="button" class="link" data-testid="article-open" onClick={props.onOpen}>
            <Marked text={titleOf(a.source)} parts={props.parts} />
          </button>
        </div>
        <div class="muted">{metaLine(a.source)}</div>
        <div class="muted" data-testid="article-counts">
          {t('countsLine', [String(a.clips), String(a.highlights)])}
        </div>
      </div>
    </div>
  );
}
