/**
 * Text editable in place: shown (with search matches marked) until clicked, then an input; Enter
 * or leaving the field saves, Escape cancels. Nothing is sent when the text did not change.
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
  onSave: (text: string) => void;
}

/** One line of text the reader can change. */
export function Editable(props: EditableProps): JSX.Element {
  const [editing, setEditing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) input.current?.focus();
  }, [editing]);
  const finish = (save: boolean): void => {
    const text = input.current?.value ?? props.value;
    setEditing(false);
    if (save && text !== props.value) props.onSave(text);
  };
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
      class={props.value ? 'editable' : 'editable empty'}
      data-testid={props.testid}
      title={props.label}
      onClick={() => setEditing(true)}
    >
      {props.value ? <Marked text={props.value} parts={props.parts} /> : props.placeholder}
    </button>
  );
}
