/**
 * The selection toolbar, shown by a trusted selection on the article page or in the reader: five
 * colours, a note, clip the paragraph(s), copy the quote with its citation. Shown again on a click on
 * a drawn highlight (`editing`), where it changes the colour or the note, or deletes the highlight.
 * Controlled: the note box's open state and its draft belong to capture's state (useCapture), so a
 * draft outlives an Escape or a closed toolbar. Placed by its parent (`barRef`), one row of buttons.
 */
import type { JSX, Ref } from 'preact';
import { t } from '../../lib/extension/shared/i18n';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model';
import { shadeOf } from '../../lib/extension/kit/capture/painter';
import { parseTags } from '../../lib/extension/kit/capture/requests';
import { trusted } from '../../lib/extension/shared/trusted';

/** The note box's text as typed: the note and the tags line (「芯片 脑机接口」 or 「芯片，脑机接口」). */
export interface NoteDraft {
  note: string;
  tags: string;
}

export interface ToolbarProps {
  /** Set when the toolbar is over an existing highlight. */
  editing?: { color: HighlightColor; note: string; tags: string[] };
  /** Last outcome: 「已保存」 or the error sentence. */
  status?: { text: string; error: boolean };
  noteOpen: boolean;
  draft: NoteDraft;
  onNoteOpen: (open: boolean) => void;
  /** Typing in the note box: the field changed (merged by the parent: two quick inputs both count). */
  onDraft: (patch: Partial<NoteDraft>) => void;
  onColor: (c: HighlightColor) => void;
  /** Save the note box: the note and its tags. */
  onNote: (note: string, tags: string[]) => void;
  /** Clip the paragraphs, with what the note box holds. */
  onClip?: (note: string, tags: string[]) => void;
  onCopy?: () => void;
  onDelete?: () => void;
  barRef?: Ref<HTMLDivElement>;
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
  const { draft, noteOpen } = props;
  const saveNote = (): void => props.onNote(draft.note, parseTags(draft.tags));
  return (
    <div
      class="capture-toolbar"
      data-testid="capture-toolbar"
      role="toolbar"
      aria-label={t('captureToolbar')}
      ref={props.barRef}
      onMouseDown={(e) => {
        // Keep the selection (a button press would collapse it), but let the note box take focus.
        const tag = (e.target as Element).tagName;
        if (tag !== 'TEXTAREA' && tag !== 'INPUT') e.preventDefault();
      }}
    >
      <div class="capture-row">
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
          onClick={trusted(() => props.onNoteOpen(!noteOpen))}
        >
          {t('captureNote')}
        </button>
        {props.onClip && (
          <button
            type="button"
            data-testid="hl-clip"
            onClick={trusted(() => props.onClip?.(draft.note, parseTags(draft.tags)))}
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
      </div>
      {noteOpen && (
        <div class="capture-note">
          <textarea
            data-testid="hl-note-input"
            value={draft.note}
            rows={3}
            aria-label={t('captureNote')}
            onInput={(e) => props.onDraft({ note: (e.target as HTMLTextAreaElement).value })}
          />
          <input
            type="text"
            data-testid="hl-tags"
            value={draft.tags}
            placeholder={t('addTags')}
            aria-label={t('tags')}
            onInput={(e) => props.onDraft({ tags: (e.target as HTMLInputElement).value })}
            // Enter in the tag line saves, as in a form; not while an input method is composing
            // (Enter then picks the candidate 芯片, it is not the user's "done").
            onKeyDown={trusted((e) => {
              if (e.key === 'Enter' && !e.isComposing && e.keyCode !== 229) {
                e.preventDefault();
                saveNote();
              }
            })}
          />
          <button type="button" data-testid="hl-note-save" onClick={trusted(saveNote)}>
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
