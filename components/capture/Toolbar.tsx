/**
 * The selection toolbar, shown by a trusted selection on the article page or in the reader: five
 * colours, a note, clip the paragraph(s), copy the quote with its citation. Shown again on a click on
 * a drawn highlight (`editing`), where it changes the colour or the note, or deletes the highlight.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/extension/shared/i18n';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model';
import { shadeOf } from '../../lib/extension/content/capture/painter';
import { parseTags } from '../../lib/extension/content/capture/requests';
import { trusted } from '../../lib/extension/shared/trusted';

export interface ToolbarProps {
  /** Viewport point under the selection's end (the toolbar is position: fixed). */
  at: { x: number; y: number };
  /** Open with the note box shown (the 'note' command). */
  noteOpen?: boolean;
  /** Set when the toolbar is over an existing highlight. */
  editing?: { color: HighlightColor; note: string; tags: string[] };
  /** Last outcome: 「已保存」 or the error sentence. */
  status?: { text: string; error: boolean };
  onColor: (c: HighlightColor) => void;
  /** Save the note box: the note and its tags (typed 「芯片 脑机接口」 or 「芯片，脑机接口」). */
  onNote: (note: string, tags: string[]) => void;
  /** Clip the paragraphs, with what the note box holds. */
  onClip?: (note: string, tags: string[]) => void;
  onCopy?: () => void;
  onDelete?: () => void;
  onClose: () => void;
}

const COLOR_KEYS: Record<HighlightColor, string> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

/** The toolbar; mouse-down inside it never takes the page's selection away; only real input acts. */
export function Toolbar(props: ToolbarProps): JSX.Element {
  const [noteOpen, setNoteOpen] = useState(props.noteOpen ?? false);
  const [note, setNote] = useState(props.editing?.note ?? '');
  const [tags, setTags] = useState((props.editing?.tags ?? []).join(' '));
  const style = { left: `${Math.max(4, props.at.x)}px`, top: `${Math.max(4, props.at.y)}px` };
  return (
    <div
      class="capture-toolbar"
      data-testid="capture-toolbar"
      role="toolbar"
      aria-label={t('captureToolbar')}
      style={style}
      onMouseDown={(e) => {
        // Keep the selection (a button press would collapse it), but let the note box take focus.
        const tag = (e.target as Element).tagName;
        if (tag !== 'TEXTAREA' && tag !== 'INPUT') e.preventDefault();
      }}
      onKeyDown={trusted((e) => e.key === 'Escape' && props.onClose())}
    >
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          class="swatch"
          data-testid={`hl-color-${c}`}
          aria-pressed={props.editing?.color === c}
          title={t('captureHighlight', [t(COLOR_KEYS[c])])}
          aria-label={t('captureHighlight', [t(COLOR_KEYS[c])])}
          style={{ background: shadeOf(c) }}
          onClick={trusted(() => props.onColor(c))}
        />
      ))}
      <button
        type="button"
        data-testid="hl-note"
        aria-expanded={noteOpen}
        onClick={trusted(() => setNoteOpen(!noteOpen))}
      >
        {t('captureNote')}
      </button>
      {props.onClip && (
        <button
          type="button"
          data-testid="hl-clip"
          onClick={trusted(() => props.onClip?.(note, parseTags(tags)))}
        >
          {t('captureClip')}
        </button>
      )}
      {props.onCopy && (
        <button type="button" data-testid="hl-copy" onClick={trusted(() => props.onCopy?.())}>
          {t('captureCopy')}
        </button>
      )}
      {props.onDelete && (
        <button type="button" data-testid="hl-delete" onClick={trusted(() => props.onDelete?.())}>
          {t('captureDelete')}
        </button>
      )}
      {noteOpen && (
        <div class="capture-note">
          <textarea
            data-testid="hl-note-input"
            value={note}
            rows={3}
            aria-label={t('captureNote')}
            onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
          />
          <input
            type="text"
            data-testid="hl-tags"
            value={tags}
            placeholder={t('addTags')}
            aria-label={t('tags')}
            onInput={(e) => setTags((e.target as HTMLInputElement).value)}
          />
          <button
            type="button"
            data-testid="hl-note-save"
            onClick={trusted(() => props.onNote(note, parseTags(tags)))}
          >
            {t('captureNoteSave')}
          </button>
        </div>
      )}
      {props.status && (
        <p
          class={props.status.error ? 'capture-status error' : 'capture-status'}
          data-testid="capture-status"
          role="status"
        >
          {props.status.text}
        </p>
      )}
    </div>
  );
}
