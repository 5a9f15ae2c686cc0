/**
 * The toolbar's actions — highlight, note, clip, copy with citation, recolour, delete — as messages to
 * the background (the page never opens the database), each reported in the toolbar. Apart from the
 * hook so that what a press does reads in one place; the story's items are updated from the replies
 * and drawn again at once, without waiting for the background's libraryChanged notice.
 */
import type { Article, HighlightColor, Result } from '../../../model';
import { t } from '../../shared/i18n';
import { measure } from '../../shared/timing';
import type { BarState } from './bar';
import { draftKey } from './drafts';
import { clipRequest, highlightRequest, isoDay, quoteWithCitation } from './requests';
import { clearSelection } from './selection';
import type { CaptureEnv } from './types';
import type { StoryState } from './useStory';

/** What the actions act on and with. */
export interface ActionsCtx {
  env: Pick<CaptureEnv, 'doc' | 'shadow' | 'send' | 'clipboard' | 'now'>;
  story: StoryState;
  bar: BarState;
  dropDraft: (key: string) => void;
  /** Draw the story's items again. */
  draw: () => void;
}

/** The actions; those on a selection answer with a refusal when none is the toolbar's. */
export interface CaptureActions {
  save(color: HighlightColor, note?: string, tags?: string[]): Promise<Result<null>>;
  clip(note?: string, tags?: string[]): Promise<Result<null>>;
  copy(): Promise<Result<null>>;
  /** Change the highlight being edited. */
  update(patch: { color?: HighlightColor; note?: string; tags?: string[] }): Promise<void>;
  remove(id: string): Promise<void>;
}

/** The actions over `ctx`. */
export function captureActions(ctx: ActionsCtx): CaptureActions {
  const { env, story, bar } = ctx;
  const timed = async <T>(p: Promise<Result<T>>): Promise<Result<T>> => {
    const t0 = env.now();
    const r = await p;
    measure('capture', t0);
    return r;
  };

  /**
   * The library keeps one copy of an article per key, the newest saved. A page's part shares its key
   * with the story stitched from it: never replace a stored stitched copy by the shorter part.
   */
  const withArticle = <R extends { article?: Article }>(req: R): R => {
    const stored = story.items.articles.find((a) => a.key === req.article?.key);
    const shorter = stored && req.article && req.article.paragraphs.length < stored.article.paragraphs.length;
    return shorter ? { ...req, article: undefined } : req;
  };

  return {
    async save(color, note = '', tags = []) {
      const tg = bar.selection();
      if (!tg) return { ok: false, error: t('captureNoSelection') };
      story.lastColor = color;
      const r = await timed(
        env.send(withArticle(highlightRequest(tg.surface, tg.selectors, color, note, tags))),
      );
      if (r.ok) {
        const hs = story.items.highlights.filter((h) => h.id !== r.value.id);
        story.items = { ...story.items, highlights: [...hs, r.value] };
        clearSelection(env.doc, env.shadow);
        ctx.dropDraft(draftKey(tg));
        ctx.draw();
      }
      // After a highlight the toolbar stays, now over the highlight: colour, note or delete it next.
      bar.report(r, t('captureSaved'), r.ok ? { edit: r.value } : undefined);
      return r.ok ? { ok: true, value: null } : r;
    },
    async clip(note = '', tags = []) {
      const tg = bar.selection();
      if (!tg) return { ok: false, error: t('captureNoSelection') };
      const r = await timed(env.send(withArticle(clipRequest(tg.surface, tg.selectors, note, tags))));
      if (r.ok) {
        const cs = story.items.clips.filter((c) => c.id !== r.value.id);
        story.items = { ...story.items, clips: [...cs, r.value] };
        ctx.dropDraft(draftKey(tg));
        ctx.draw();
      }
      bar.report(r, t('captureClipped'));
      return r.ok ? { ok: true, value: null } : r;
    },
    async copy() {
      const tg = bar.selection();
      if (!tg) return { ok: false, error: t('captureNoSelection') };
      const text = quoteWithCitation(
        tg.selectors.exact,
        tg.surface.article,
        tg.selectors.paragraph,
        isoDay(new Date()),
      );
      const r: Result<null> = (await env.clipboard(text))
        ? { ok: true, value: null }
        : { ok: false, error: t('captureCopyFailed') };
      bar.report(r, t('captureCopied'));
      return r;
    },
    async update(patch) {
      const tg = bar.current()?.target;
      if (!tg || !('edit' in tg)) return;
      const r = await env.send({ type: 'updateHighlight', id: tg.edit.id, patch });
      if (r.ok) {
        story.items = {
          ...story.items,
          highlights: story.items.highlights.map((h) => (h.id === r.value.id ? r.value : h)),
        };
        if (patch.note !== undefined) ctx.dropDraft(draftKey(tg));
        ctx.draw();
      }
      bar.report(r, t('captureSaved'), r.ok ? { edit: r.value } : undefined);
    },
    async remove(id) {
      const r = await env.send({ type: 'deleteHighlight', id });
      if (!r.ok) return;
      story.items = { ...story.items, highlights: story.items.highlights.filter((h) => h.id !== id) };
      const tg = bar.current()?.target;
      if (tg && 'edit' in tg && tg.edit.id === id) bar.hide();
      ctx.dropDraft(`h:${id}`);
      ctx.draw();
    },
  };
}
