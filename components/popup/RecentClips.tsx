/** The popup's recent clips across papers, one line per article: paper · date · 版次 · title (count). */
import type { JSX } from 'preact';
import type { ClipGroup } from '../../lib/db/types';
import { metaLine } from '../../lib/extension/shared/format';
import { t } from '../../lib/extension/shared/i18n';

/** Groups newest first; a click opens the library on that article. */
export function RecentClips(props: {
  groups: ClipGroup[];
  onOpen: (articleKey: string) => void;
}): JSX.Element {
  return (
    <section class="pop-section" data-testid="pop-recent">
      <h2>{t('recentClips')}</h2>
      {props.groups.length === 0 ? (
        <p class="muted">{t('noClipsYet')}</p>
      ) : (
        <ul class="pop-list">
          {props.groups.map((g) => (
            <li key={g.articleKey} class="pop-group" data-testid="pop-group">
              <button
                type="button"
                class="link pop-group-title"
                data-testid="pop-group-open"
                onClick={() => props.onOpen(g.articleKey)}
              >
                {g.source.title || g.source.leadTitle || t('untitled')}
              </button>{' '}
              <span class="muted" data-testid="pop-group-count">
                {t('clipCount', [String(g.count)])}
              </span>
              <div class="muted" data-testid="pop-group-meta">
                {metaLine(g.source)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
