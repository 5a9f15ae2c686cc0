/**
 * Text editable in place: shown (with search matches marked) until clicked, then an input; Enter
 * or leaving the field saves, Escape cancels. Nothing is sent when the text did not change. A
 * `multiline` field (a note, as in the reader) is a textarea: Enter starts a new line, Ctrl+Enter
 * (⌘+Enter) or leaving the field saves.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Marked } from './Marked';

export interface EditableProps {
  value: string;
  parts: readonly string[];
  placeholder: string;
  label: string;
  testid: string;
  multiline?: boolean;
  onSave: (text: string) => void;
}

/** One line of text the reader can change. */
export function Editable(props: EditableProps): JSX.Element {
  const [editing, setEditing] = useState(false);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);
  const finish = (save: boolean): void => {
    const text = input.current?.value ?? props.value;
    setEditing(false);
    if (save && text !== props.value) props.onSave(text);
  };
  if (editing && props.multiline)
    return (
      <textarea
        ref={input}
        class="editable-input note"
        data-testid={`${props.testid}-input`}
        aria-label={props.label}
        defaultValue={props.value}
        rows={3}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) finish(true);
          else if (e.key === 'Escape') finish(false);
        }}
        onBlur={() => finish(true)}
      />
    );
  if (editing)
    return (
      <input
        ref={input}
        class="editable-input"
        data-testid={`${props.testid}-input`}
        aria-label={props.label}
        defaultValue={props.value}
        onKeyDown={(e) => {
          if (e.key === 'Enter') finish(true);
          else if (e.key === 'Escape') finish(false);
        }}
        onBlur={() => finish(true)}
      />
    );
  return (
    <button
      type="button"
      class={(props.value ? 'editable' : 'editable empty') + (props.multiline ? ' note-text' : '')}
      data-testid={props.testid}
      title={props.label}
      onClick={() => setEditing(true)}
    >
      {props.value ? <Marked text={props.value} parts={props.parts} /> : props.placeholder}
    </button>
  );
}
