/**
 * Capture as one Preact tree: the selection toolbar and the "not found on this page" list, both
 * rendered from useCapture's state. The toolbar is placed before it is painted, clear of the
 * selection (placement.ts), and again whenever it changes size (status line, note box).
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Orphans } from '../../../../components/capture/Orphans';
import { Toolbar } from '../../../../components/capture/Toolbar';
import { placeToolbar } from './placement';
import type { Capture, CaptureEnv } from './types';
import { useCapture } from './useCapture';

/** The app; `control` receives the handle the content script and the reader panel drive. */
export function CaptureApp(props: {
  env: CaptureEnv;
  mount: HTMLElement;
  control: { current: Capture | null };
}): JSX.Element {
  const orphansRef = useRef<HTMLDetailsElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const v = useCapture(props.env, { mount: props.mount, orphans: orphansRef }, props.control);
  const { bar } = v;
  useLayoutEffect(() => {
    const el = barRef.current;
    const view = props.env.doc.defaultView;
    if (!el || !bar || !view) return;
    const at = placeToolbar(
      bar.box,
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: view.innerWidth, height: view.innerHeight },
    );
    el.style.left = `${at.x}px`;
    el.style.top = `${at.y}px`;
    el.dataset.side = at.side;
  }, [bar]);
  const tg = bar?.target;
  const editing = tg && 'edit' in tg ? tg.edit : undefined;
  return (
    <>
      {bar && (
        <Toolbar
          // A new target is a new toolbar (focus, scroll); the same target keeps it across saves.
          key={tg && 'edit' in tg ? `h:${tg.edit.id}` : 'selection'}
          barRef={barRef}
          editing={editing && { color: editing.color, note: editing.note, tags: editing.tags }}
          status={bar.status}
          noteOpen={bar.noteOpen}
          draft={v.draft}
          onNoteOpen={v.setNoteOpen}
          onDraft={v.setDraft}
          onColor={v.color}
          onNote={v.note}
          onClip={editing ? undefined : v.clip}
          onCopy={editing ? undefined : v.copy}
          onDelete={editing ? () => v.remove(editing.id) : undefined}
        />
      )}
      <Orphans items={v.orphans} onDelete={v.remove} detailsRef={orphansRef} />
    </>
  );
}
