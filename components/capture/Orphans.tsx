/**
 * Highlights kept in the library that cannot be placed on this page (the site changed the text):
 * listed with their quote, never dropped. Quotes are page text: rendered as text children only.
 */
import type { JSX, Ref } from 'preact';
import { t } from '../../lib/extension/shared/i18n';
import type { Highlight } from '../../lib/model';
import { trusted } from '../../lib/extension/shared/trusted';

export interface OrphansProps {
  items: Highlight[];
  onDelete?: (id: string) => void;
  /** The <details> element (a jump to a highlight not placed here opens it). */
  detailsRef?: Ref<HTMLDetailsElement>;
}

/** The small "not found on this page" list; nothing at all when every highlight was placed. */
export function Orphans({ items, onDelete, detailsRef }: OrphansProps): JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <details class="orphans" data-testid="orphans" ref={detailsRef}>
      <summary>{t('notFoundHere', [String(items.length)])}</summary>
      <ul>
        {items.map((h) => (
          <li key={h.id} class="orphan" data-testid="orphan" data-id={h.id}>
            <q>{h.selectors.exact}</q>
            {h.note && <span class="orphan-note">{h.note}</span>}
            {onDelete && (
              <button type="button" data-testid="orphan-delete" onClick={trusted(() => onDelete(h.id))}>
                {t('captureDelete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
