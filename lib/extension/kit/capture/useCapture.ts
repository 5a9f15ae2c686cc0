/**
 * Capture's state and actions, as one hook of the capture app (CaptureApp.tsx), made of one hook or
 * module a concern: trusted selections on the article page or in the reader panel open the toolbar
 * (events.ts, bar.ts); its actions become messages to the background (actions.ts; the page never
 * opens the database); the story's highlights are drawn on every surface and the ones that cannot be
 * placed are listed (useStory.ts); drafts of notes are kept per target (drafts.ts), so an Escape or a
 * closed toolbar loses no typing. Escape closes the innermost thing only: the note box, then the
 * toolbar; only then does it reach the reader panel. This file joins them into what the app renders
 * and the content script's handle. Measures: `epaper:anchor` (placing all highlights; detail: drawn,
 * orphans) and `epaper:capture` (a save round trip), lib/extension/shared/timing.ts.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { NoteDraft } from '../../../../components/capture/Toolbar';
import type { Highlight, HighlightColor } from '../../../model';
import { t } from '../../shared/i18n';
import { captureActions } from './actions';
import { useBar, type Bar, type Target } from './bar';
import { useDrafts } from './drafts';
import { useSelectionEvents } from './events';
import type { Box } from './placement';
import { currentRange } from './selection';
import { describeOn } from './surface';
import type { Capture, CaptureEnv } from './types';
import { useStory } from './useStory';

/** What the capture app renders, and what its controls call. */
export interface CaptureView {
  bar: Bar | null;
  draft: NoteDraft;
  orphans: Highlight[];
  setDraft(patch: Partial<NoteDraft>): void;
  setNoteOpen(open: boolean): void;
  color(c: HighlightColor): void;
  note(note: string, tags: string[]): void;
  clip(note: string, tags: string[]): void;
  copy(): void;
  remove(id: string): void;
}

/** The elements the app renders that the hook reads: its mount (clicks inside are not selections). */
export interface CaptureRefs {
  mount: HTMLElement;
  orphans: RefObject<HTMLDetailsElement | null>;
}

/** The hook; `control` receives the content script's handle (refresh, act, jump, reader shown/closed). */
export function useCapture(
  env: CaptureEnv,
  refs: CaptureRefs,
  control: { current: Capture | null },
): CaptureView {
  const bar = useBar();
  const drafts = useDrafts(bar.bar?.target);
  const story = useStory(env);
  const { state, painter } = story;
  const actions = captureActions({ env, story: state, bar, dropDraft: drafts.drop, draw: story.draw });

  /** The selection as a target on one of the surfaces, with its box, or null. */
  const fromSelection = (): { target: Target; box: Box } | null => {
    const range = currentRange(env.doc, env.shadow);
    if (!range) return null;
    const node = range.commonAncestorContainer;
    const surface = story.surfaces().find((s) => s.root.contains(node));
    const selectors = surface ? describeOn(surface, range) : null;
    return surface && selectors
      ? { target: { surface, selectors }, box: range.getBoundingClientRect() }
      : null;
  };

  useSelectionEvents(env, refs.mount, {
    // A selection opens the toolbar on it; a click on a drawn highlight opens it to edit that one.
    released(e) {
      const sel = fromSelection();
      if (sel) return bar.open(sel.target, sel.box);
      const me = e as MouseEvent;
      const hit = e.type === 'mouseup' && painter ? painter.hit(me.clientX, me.clientY) : null;
      const h = hit && state.items.highlights.find((x) => x.id === hit.id);
      if (hit && h) return bar.open({ edit: h }, hit.range.getBoundingClientRect());
      bar.hide();
    },
    shown: () => bar.current() !== null,
    escape: bar.closeInnermost,
  });
  useLayoutEffect(() => void story.refresh(), []);

  control.current = {
    readerShown: story.readerShown,
    readerClosed() {
      // The panel closed (its close button, Escape): drop its ranges.
      story.readerClosed();
      // A toolbar over the reader's text goes with it (a note's draft stays in the drafts).
      const tg = bar.current()?.target;
      const gone = tg && ('edit' in tg ? !painter?.find(tg.edit.id) : tg.surface.kind === 'reader');
      if (gone) bar.hide();
    },
    async act(action, color) {
      const sel = fromSelection();
      if (!sel) return { ok: false, error: t('captureNoSelection') };
      // 'note' opens the toolbar with its note box; the others act at once and report in it.
      bar.open(sel.target, sel.box, action === 'note');
      if (action === 'highlight') return actions.save(color ?? state.lastColor);
      if (action === 'clip') return actions.clip();
      if (action === 'copy') return actions.copy();
      return { ok: true, value: null };
    },
    async jump(id) {
      if (!painter?.find(id)) await story.refresh();
      const d = painter?.find(id);
      if (!d) {
        if (refs.orphans.current) refs.orphans.current.open = true;
        return false;
      }
      d.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      return painter?.flash(id, 1600, env.defer) ?? false;
    },
    refresh: story.refresh,
  };

  const tg = bar.bar?.target;
  const editing = tg && 'edit' in tg ? tg.edit : null;
  return {
    bar: bar.bar,
    orphans: story.orphans,
    draft: drafts.draft,
    setDraft: drafts.setDraft,
    setNoteOpen: bar.setNoteOpen,
    color: (c) => void (editing ? actions.update({ color: c }) : actions.save(c)),
    note: (note, tags) =>
      void (editing ? actions.update({ note, tags }) : actions.save(state.lastColor, note, tags)),
    clip: (note, tags) => void actions.clip(note, tags),
    copy: () => void actions.copy(),
    remove: (id) => void actions.remove(id),
  };
}
