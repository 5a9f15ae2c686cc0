/**
 * Capture's state and actions, as one hook of the capture app (CaptureApp.tsx): trusted selections
 * on the article page or in the reader panel open the toolbar; its actions become messages to the
 * background (the page never opens the database); the story's highlights are drawn on every surface
 * (painter.ts, an imperative side: CSS highlights and the reader's boxes are not Preact elements) and
 * the ones that cannot be placed are listed. What is rendered — the toolbar (its target, place,
 * status, note box) and the orphan list — is this hook's state; drafts of notes are kept per target,
 * so an Escape or a closed toolbar loses no typing. Escape closes the innermost thing only: the note
 * box, then the toolbar; only then does it reach the reader panel (a capture-phase listener that
 * stops the key). Measures: `epaper:anchor` (placing all highlights; detail: drawn, orphans) and
 * `epaper:capture` (a save round trip), lib/extension/shared/timing.ts.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NoteDraft } from '../../../../components/capture/Toolbar';
import type { StoryItems } from '../../../messaging';
import type { Article, Highlight, HighlightColor, Result, Selectors } from '../../../model';
import { t } from '../../shared/i18n';
import { measure } from '../../shared/timing';
import { drawStory } from './draw';
import { createPainter } from './painter';
import type { Box } from './placement';
import { rectLayer } from './rect-layer';
import { clipRequest, highlightRequest, isoDay, quoteWithCitation } from './requests';
import { clearSelection, currentRange } from './selection';
import { storyQuery } from './story';
import { describeOn, makeSurface, type Surface } from './surface';
import type { Capture, CaptureEnv } from './types';

/** What the toolbar acts on: a fresh selection on a surface, or a drawn highlight being edited. */
export type Target = { surface: Surface; selectors: Selectors } | { edit: Highlight };

/** The toolbar when shown. */
export interface Bar {
  target: Target;
  /** The selection's (or highlight's) box in the viewport: the toolbar is placed clear of it. */
  box: Box;
  status?: { text: string; error: boolean };
  noteOpen: boolean;
}

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

/** The reader's paragraphs that a clip of the story holds (a clip keeps its paragraphs' text whole). */
function clippedIn(root: Element | undefined, items: StoryItems): Element[] {
  if (!root?.isConnected || items.clips.length === 0) return [];
  const texts = new Set(items.clips.flatMap((c) => c.paragraphs));
  return Array.from(root.querySelectorAll('[data-para]')).filter((p) => texts.has(p.textContent ?? ''));
}

/** Drafts are kept per target: a selection's span on its surface, or a highlight's id. */
export const draftKey = (tg: Target): string =>
  'edit' in tg ? `h:${tg.edit.id}` : `${tg.surface.kind}:${tg.selectors.start}:${tg.selectors.end}`;

const EMPTY: NoteDraft = { note: '', tags: '' };

function initial(env: CaptureEnv) {
  return {
    items: { articles: [], highlights: [], clips: [] } as StoryItems,
    reader: null as { article: Article; root: Element } | null,
    layer: null as ReturnType<typeof rectLayer> | null,
    painter: env.registry && env.Highlight ? createPainter(env.registry, env.Highlight) : null,
    bar: null as Bar | null,
    lastColor: 'yellow' as HighlightColor,
    seq: 0,
  };
}

/** The hook; `control` receives the content script's handle (refresh, act, jump, reader shown/closed). */
export function useCapture(
  env: CaptureEnv,
  refs: CaptureRefs,
  control: { current: Capture | null },
): CaptureView {
  const { doc, shadow } = env;
  const [bar, setBarState] = useState<Bar | null>(null);
  const [orphans, setOrphans] = useState<Highlight[]>([]);
  const [drafts, setDrafts] = useState<Record<string, NoteDraft>>({});
  // Not rendered, read by listeners and async actions between renders: kept in one ref.
  const ref = useRef<ReturnType<typeof initial> | null>(null);
  const st = (ref.current ??= initial(env));
  const setBar = (b: Bar | null): void => {
    st.bar = b;
    setBarState(b);
  };
  const hideBar = (): void => setBar(null);
  const dropDraft = (key: string): void =>
    setDrafts((d) => {
      const { [key]: _gone, ...rest } = d;
      return rest;
    });

  const surfaces = (): Surface[] => {
    const out: Surface[] = [];
    if (env.pageArticle) out.push(makeSurface('page', doc.body, env.pageArticle, env.url));
    const r = st.reader;
    if (r?.root.isConnected) out.push(makeSurface('reader', r.root, r.article, env.url));
    return out;
  };

  const draw = (): void => {
    const t0 = env.now();
    const out = drawStory(surfaces(), st.items, st.painter);
    st.layer?.clips(clippedIn(st.reader?.root, st.items));
    setOrphans(out.orphans);
    measure('anchor', t0, { drawn: out.placed.size, orphans: out.orphans.length });
  };

  const refresh = async (): Promise<void> => {
    const mine = ++st.seq;
    const q = { keys: [] as string[], urls: [] as string[] };
    for (const a of [env.pageArticle, st.reader?.article]) {
      if (!a) continue;
      const one = storyQuery(a, env.url);
      q.keys.push(...one.keys);
      q.urls.push(...one.urls);
    }
    if (q.keys.length === 0 && q.urls.length === 0) return;
    const r = await env.send({
      type: 'listForStory',
      keys: [...new Set(q.keys)],
      urls: [...new Set(q.urls)],
    });
    if (mine !== st.seq || !r.ok) return;
    st.items = r.value;
    draw();
  };

  /** Show the outcome in the toolbar, which stays (on what was saved) until the user moves on. */
  const report = (r: Result<unknown>, okText: string, next?: Target): void => {
    const b = st.bar;
    if (!b) return;
    const status = r.ok
      ? { text: okText, error: false }
      : { text: t('captureFailed', [r.error]), error: true };
    setBar({ ...b, target: (r.ok && next) || b.target, status, noteOpen: r.ok ? false : b.noteOpen });
  };
  const timed = async <T>(p: Promise<Result<T>>): Promise<Result<T>> => {
    const t0 = env.now();
    const r = await p;
    measure('capture', t0);
    return r;
  };
  const selection = (): { surface: Surface; selectors: Selectors } | null => {
    const tg = st.bar?.target;
    return tg && !('edit' in tg) ? tg : null;
  };

  /**
   * The library keeps one copy of an article per key, the newest saved. A page's part shares its key
   * with the story stitched from it: never replace a stored stitched copy by the shorter part.
   */
  const withArticle = <R extends { article?: Article }>(req: R): R => {
    const stored = st.items.articles.find((a) => a.key === req.article?.key);
    const shorter = stored && req.article && req.article.paragraphs.length < stored.article.paragraphs.length;
    return shorter ? { ...req, article: undefined } : req;
  };

  async function save(color: HighlightColor, note = '', tags: string[] = []): Promise<Result<null>> {
    const tg = selection();
    if (!tg) return { ok: false, error: t('captureNoSelection') };
    st.lastColor = color;
    const r = await timed(
      env.send(withArticle(highlightRequest(tg.surface, tg.selectors, color, note, tags))),
    );
    if (r.ok) {
      const hs = st.items.highlights.filter((h) => h.id !== r.value.id);
      st.items = { ...st.items, highlights: [...hs, r.value] };
      clearSelection(doc, shadow);
      dropDraft(draftKey(tg));
      draw();
    }
    // After a highlight the toolbar stays, now over the highlight: colour, note or delete it next.
    report(r, t('captureSaved'), r.ok ? { edit: r.value } : undefined);
    return r.ok ? { ok: true, value: null } : r;
  }
  async function clip(note = '', tags: string[] = []): Promise<Result<null>> {
    const tg = selection();
    if (!tg) return { ok: false, error: t('captureNoSelection') };
    const r = await timed(env.send(withArticle(clipRequest(tg.surface, tg.selectors, note, tags))));
    if (r.ok) {
      st.items = { ...st.items, clips: [...st.items.clips.filter((c) => c.id !== r.value.id), r.value] };
      dropDraft(draftKey(tg));
      draw();
    }
    report(r, t('captureClipped'));
    return r.ok ? { ok: true, value: null } : r;
  }
  async function copy(): Promise<Result<null>> {
    const tg = selection();
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
    report(r, t('captureCopied'));
    return r;
  }
  async function update(patch: { color?: HighlightColor; note?: string; tags?: string[] }): Promise<void> {
    const tg = st.bar?.target;
    if (!tg || !('edit' in tg)) return;
    const r = await env.send({ type: 'updateHighlight', id: tg.edit.id, patch });
    if (r.ok) {
      st.items = {
        ...st.items,
        highlights: st.items.highlights.map((h) => (h.id === r.value.id ? r.value : h)),
      };
      if (patch.note !== undefined) dropDraft(draftKey(tg));
      draw();
    }
    report(r, t('captureSaved'), r.ok ? { edit: r.value } : undefined);
  }
  async function remove(id: string): Promise<void> {
    const r = await env.send({ type: 'deleteHighlight', id });
    if (!r.ok) return;
    st.items = { ...st.items, highlights: st.items.highlights.filter((h) => h.id !== id) };
    const tg = st.bar?.target;
    if (tg && 'edit' in tg && tg.edit.id === id) hideBar();
    dropDraft(`h:${id}`);
    draw();
  }

  /** The selection as a target on one of the surfaces, with its box, or null. */
  const fromSelection = (): { target: Target; box: Box } | null => {
    const range = currentRange(doc, shadow);
    if (!range) return null;
    const node = range.commonAncestorContainer;
    const surface = surfaces().find((s) => s.root.contains(node));
    const selectors = surface ? describeOn(surface, range) : null;
    return surface && selectors
      ? { target: { surface, selectors }, box: range.getBoundingClientRect() }
      : null;
  };
  const open = (target: Target, box: Box, noteOpen = false): void => setBar({ target, box, noteOpen });

  const onPointerUp = (e: Event): void => {
    // Only the user's own selections: a page script's synthetic events never open the toolbar.
    if (!e.isTrusted || ownEvents.has(e)) return;
    env.defer(() => {
      const sel = fromSelection();
      if (sel) return open(sel.target, sel.box);
      const me = e as MouseEvent;
      const hit = e.type === 'mouseup' && st.painter ? st.painter.hit(me.clientX, me.clientY) : null;
      const h = hit && st.items.highlights.find((x) => x.id === hit.id);
      if (hit && h) return open({ edit: h }, hit.range.getBoundingClientRect());
      hideBar();
    }, 0);
  };
  const onEscape = (e: Event): void => {
    const b = st.bar;
    const k = e as KeyboardEvent;
    if (!e.isTrusted || k.key !== 'Escape' || !b) return;
    // Ours: neither the reader panel nor the page hears this Escape.
    e.stopImmediatePropagation();
    // While an input method is composing, Escape cancels the composition (its candidates), not the note.
    if (k.isComposing || k.keyCode === 229) return;
    if (b.noteOpen) setBar({ ...b, noteOpen: false });
    else hideBar();
  };
  // Events from inside the capture app (a press on the toolbar, typing in the note box) are not new
  // selections. Seen from the document, a closed shadow root's composedPath() stops at the host, so
  // the app's own element marks them on their way up instead.
  const ownEvents = useRef(new WeakSet<Event>()).current;
  // The listeners are registered once; they call the latest render's functions.
  const latest = useRef({ onPointerUp, onEscape });
  latest.current = { onPointerUp, onEscape };
  useLayoutEffect(() => {
    const mine = (e: Event): void => void ownEvents.add(e);
    env.listen(refs.mount, 'mouseup', mine);
    env.listen(refs.mount, 'keyup', mine);
    const up = (e: Event): void => latest.current.onPointerUp(e);
    env.listen(doc, 'mouseup', up);
    env.listen(doc, 'keyup', (e) => (e as KeyboardEvent).shiftKey && up(e));
    // Capture phase on the document: before the panel's and the overlay's Escape, and before the
    // note box itself (a key typed inside our shadow root passes the document first).
    env.listen(doc, 'keydown', (e) => latest.current.onEscape(e), { capture: true });
    void refresh();
  }, []);

  control.current = {
    readerShown(article, body) {
      st.layer?.stop();
      st.layer = body ? rectLayer(body.marks, body.root) : null;
      st.painter?.setReaderLayer(st.layer?.paint ?? null);
      st.reader = body ? { article, root: body.root } : null;
      void refresh();
    },
    readerClosed() {
      // The panel closed (its close button, Escape): drop its ranges.
      st.layer?.stop();
      st.layer = null;
      st.painter?.setReaderLayer(null);
      if (st.reader) {
        st.reader = null;
        draw();
      }
      // A toolbar over the reader's text goes with it (a note's draft stays in `drafts`).
      const tg = st.bar?.target;
      const gone = tg && ('edit' in tg ? !st.painter?.find(tg.edit.id) : tg.surface.kind === 'reader');
      if (gone) hideBar();
    },
    async act(action, color) {
      const sel = fromSelection();
      if (!sel) return { ok: false, error: t('captureNoSelection') };
      // 'note' opens the toolbar with its note box; the others act at once and report in it.
      open(sel.target, sel.box, action === 'note');
      if (action === 'highlight') return save(color ?? st.lastColor);
      if (action === 'clip') return clip();
      if (action === 'copy') return copy();
      return { ok: true, value: null };
    },
    async jump(id) {
      if (!st.painter?.find(id)) await refresh();
      const d = st.painter?.find(id);
      if (!d) {
        if (refs.orphans.current) refs.orphans.current.open = true;
        return false;
      }
      d.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      return st.painter?.flash(id, 1600, env.defer) ?? false;
    },
    refresh,
  };

  const tg = bar?.target;
  const editing = tg && 'edit' in tg ? tg.edit : null;
  const key = tg ? draftKey(tg) : '';
  const saved = editing ? { note: editing.note, tags: editing.tags.join(' ') } : EMPTY;
  return {
    bar,
    orphans,
    draft: drafts[key] ?? saved,
    setDraft: (patch) => key && setDrafts((all) => ({ ...all, [key]: { ...(all[key] ?? saved), ...patch } })),
    setNoteOpen: (noteOpen) => st.bar && setBar({ ...st.bar, noteOpen, status: undefined }),
    color: (c) => void (editing ? update({ color: c }) : save(c)),
    note: (note, tags) => void (editing ? update({ note, tags }) : save(st.lastColor, note, tags)),
    clip: (note, tags) => void clip(note, tags),
    copy: () => void copy(),
    remove: (id) => void remove(id),
  };
}
