/** The article page's "阅读全文" button: opens the stitched article in the reader panel. */
import type { JSX } from 'preact';
import { t } from '../lib/extension/shared/i18n';
import { trusted } from '../lib/extension/shared/trusted';

/** A floating button, bottom right, above the page's own content; a synthetic click does nothing. */
export function ReadWhole({ onClick }: { onClick: () => void }): JSX.Element {
  return (
    <button type="button" class="read-whole" data-testid="read-whole" onClick={trusted(onClick)}>
      {t('readWhole')}
    </button>
  );
}
