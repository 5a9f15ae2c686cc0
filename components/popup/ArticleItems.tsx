/**
 * The popup's list for the current page's article: each highlight and clip with its quote, and
 * jump-to (highlights), colour, note and delete. Edits are handed up; this only draws.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ArticleItems, SearchHit } from '../../lib/db/types';
import { metaLine } from '../../lib/extension/shared/format';
import { t } from '../../lib/extension/shared/i18n';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model';

export interface ArticleItemsProps {
  data: ArticleItems;
  onJump: (id: string) => void;
  onColor: (id: string, color: HighlightColor) => void;
  onNote: (hit: SearchHit, note: string) => void;
  onDelete: (hit: SearchHit) => void;
}

const colorKey = (c: HighlightColor) => 'color' + c[0].toUpperCase() + c.slice(1);

/** Highlights and clips in the order they were made. */
export function itemsInOrder(data: ArticleItems): SearchHit[] {
  const all: SearchHit[] = [
    ...data.highlights.map((item) => ({ kind: 'highlight' as const, item })),
    ...data.clips.map((item) => ({ kind: 'clip' as const, item })),
  ];
  return all.sort((a, b) => a.item.createdAt - b.item.createdAt);
}

function NoteEditor(props: { hit: SearchHit; onNote: (note: string) => void }): JSX.Element {
  const [open, setOpen] = useState(false);
  const note = props.hit.item.note;
  if (!open)
    return (
      <button type="button" data-testid="pop-note" onClick={() => setOpen(true)} title={note || undefined}>
        {note ? t('editNote') : t('addNote')}
      </button>
    );
  const done = (e: Event) => {
    const text = (e.currentTarget as HTMLTextAreaElement).value;
    setOpen(false);
    if (text !== note) props.onNote(text);
  };
  return (
    <textarea
      class="pop-note"
      data-testid="pop-note-input"
      aria-label={t('note')}
      rows={2}
      defaultValue={note}
      ref={(el) => el?.focus()}
      onBlur={done}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          done(e);
        } else if (e.key === 'Escape') setOpen(false);
      }}
    />
  );
}

/** The article's heading and items. */
export function ArticleItemsView(props: ArticleItemsProps): JSX.Element {
  const { data } = props;
  const items = itemsInOrder(data);
  const a = data.article?.article;
  return (
    <section class="pop-section" data-testid="pop-article">
      <h2>{a ? a.title || a.leadTitle || t('untitled') : t('thisPage')}</h2>
      {a && <div class="muted">{metaLine(a)}</div>}
      {items.length === 0 ? (
        <p class="muted" data-testid="pop-article-empty">
          {t('noItemsHere')}
        </p>
      ) : (
        <ul class="pop-list">
          {items.map((hit) => (
            <li key={hit.item.id} class="pop-item" data-testid="pop-item" data-kind={hit.kind}>
              <div class="pop-quote">
                {hit.kind === 'highlight' ? (
                  <span class={`swatch color-${hit.item.color}`} />
                ) : (
                  <span class="kind-clip">{t('kindClipShort')}</span>
                )}{' '}
                <span data-testid="pop-quote">
                  {hit.kind === 'highlight' ? hit.item.selectors.exact : hit.item.paragraphs.join(' ')}
                </span>
              </div>
              {hit.item.note && (
                <div class="muted" data-testid="pop-note-text">
                  {hit.item.note}
                </div>
              )}
              <div class="pop-tools">
                {hit.kind === 'highlight' && (
                  <>
                    <button type="button" data-testid="pop-jump" onClick={() => props.onJump(hit.item.id)}>
                      {t('jumpTo')}
                    </button>
                    <span class="pop-colors" role="group" aria-label={t('filterColor')}>
                      {HIGHLIGHT_COLORS.map((c) => (
                        <button
                          key={c}
                          type="button"
                          class={`swatch color-${c}`}
                          data-testid={`pop-color-${c}`}
                          aria-label={t(colorKey(c))}
                          aria-pressed={hit.item.color === c}
                          onClick={() => hit.item.color !== c && props.onColor(hit.item.id, c)}
                        />
                      ))}
                    </span>
                  </>
                )}
                <NoteEditor hit={hit} onNote={(note) => props.onNote(hit, note)} />
                <button type="button" data-testid="pop-delete" onClick={() => props.onDelete(hit)}>
                  {t('delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
