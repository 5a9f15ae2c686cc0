/**
 * Drafts of notes, kept per target (a selection's span on its surface, or a highlight's id) apart
 * from the toolbar, so that an Escape, a closed toolbar or a closed reader panel loses no typing and
 * coming back to the same text brings the draft back.
 */
import { useState } from 'preact/hooks';
import type { NoteDraft } from '../../../../components/capture/Toolbar';
import type { Target } from './bar';

/** Drafts are kept per target: a selection's span on its surface, or a highlight's id. */
export const draftKey = (tg: Target): string =>
  'edit' in tg ? `h:${tg.edit.id}` : `${tg.surface.kind}:${tg.selectors.start}:${tg.selectors.end}`;

const EMPTY: NoteDraft = { note: '', tags: '' };

/** The draft of the toolbar's target and the changes to the drafts. */
export interface Drafts {
  /** The target's draft; a highlight being edited starts from its saved note and tags. */
  draft: NoteDraft;
  setDraft(patch: Partial<NoteDraft>): void;
  /** Forget a target's draft (its note was saved, its highlight deleted). */
  drop(key: string): void;
}

/** The hook, over the target the toolbar shows (undefined: no toolbar). */
export function useDrafts(target: Target | undefined): Drafts {
  const [drafts, setDrafts] = useState<Record<string, NoteDraft>>({});
  const editing = target && 'edit' in target ? target.edit : null;
  const key = target ? draftKey(target) : '';
  const saved = editing ? { note: editing.note, tags: editing.tags.join(' ') } : EMPTY;
  return {
    draft: drafts[key] ?? saved,
    setDraft: (patch) => {
      if (key) setDrafts((all) => ({ ...all, [key]: { ...(all[key] ?? saved), ...patch } }));
    },
    drop: (gone) =>
      setDrafts((d) => {
        const { [gone]: _gone, ...rest } = d;
        return rest;
      }),
  };
}
