/**
 * The capture glue on a newspaper page: trusted selections on the article page or in the reader
 * panel show the toolbar; its actions become messages to the background (the content script never
 * opens the database); the story's highlights are drawn on every surface and the ones that cannot be
 * placed are listed. Measurements are performance measures (lib/extension/shared/timing.ts): `epaper:anchor`
 * (placing all highlights on the surfaces shown; detail: drawn, orphans) and `epaper:capture` (a save
 * round trip). The shadow root is closed: it comes in as `env.shadow`, never from `host.shadowRoot`.
 */
import { render } from 'preact';
import { Orphans } from '../../../../components/capture/Orphans';
import { Toolbar, type ToolbarProps } from '../../../../components/capture/Toolbar';
import type { StoryItems } from '../../../messaging';
import type { Article, Highlight, HighlightColor, Result, Selectors } from '../../../model';
import { t } from '../../shared/i18n';
import { measure } from '../../shared/timing';
import { trusted } from '../../shared/trusted';
import { drawStory } from './draw';
import { installStyles } from './page-styles';
import { createPainter } from './painter';
import { rectLayer } from './rect-layer';
import { clipRequest, highlightRequest, isoDay, quoteWithCitation } from './requests';
import { clearSelection, currentRange } from './selection';
import { describeOn, makeSurface, type Surface } from './surface';
import { storyQuery } from './story';
import type { Capture, CaptureEnv } from './types';

export type { Capture, CaptureEnv, SendFn } from './types';

type Target = { surface: Surface; selectors: Selectors } | { edit: Highlight };

/** Start capturing on the page; listeners belong to the content script's lifecycle (env.listen). */
export function startCapture(env: CaptureEnv): Capture {
  const { doc, shadow, ui } = env;
  const painter = env.registry && env.Highlight ? createPainter(env.registry, env.Highlight) : null;
  installStyles(doc, ui);
  const barEl = doc.createElement('div');
  const orphanEl = doc.createElement('div');
  ui.append(barEl, orphanEl);

  let items: StoryItems = { articles: [], highlights: [], clips: [] };
  let reader: { article: Article; root: Element } | null = null;
  let layer: ReturnType<typeof rectLayer> | null = null;
  let target: Target | null = null;
  let lastColor: HighlightColor = 'yellow';
  let seq = 0;

  const surfaces = (): Surface[] => {
    const out: Surface[] = [];
    if (env.pageArticle) out.push(makeSurface('page', doc.body, env.pageArticle, env.url));
    if (reader?.root.isConnected) out.push(makeSurface('reader', reader.root, reader.article, env.url));
    return out;
  };

  const draw = (): void => {
    const t0 = env.now();
    const { placed, orphans } = drawStory(surfaces(), items, painter);
    render(<Orphans items={orphans} onDelete={(id) => void remove(id)} />, orphanEl);
    measure('anchor', t0, { drawn: placed.size, orphans: orphans.length });
  };

  const refresh = async (): Promise<void> => {
    const mine = ++seq;
    const q = { keys: [] as string[], urls: [] as string[] };
    for (const a of [env.pageArticle, reader?.article]) {
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
    if (mine !== seq || !r.ok) return;
    items = r.value;
    draw();
  };

  const showBar = (want: ToolbarProps['at'], status?: ToolbarProps['status'], noteOpen = false): void => {
    const tg = target;
    if (!tg) return render(null, barEl);
    // Keep it on screen: a selection at the bottom of the window puts the toolbar above its end.
    const view = doc.defaultView;
    const at = {
      x: Math.min(want.x, (view?.innerWidth ?? 1e6) - 330),
      y: want.y > (view?.innerHeight ?? 1e6) - 90 ? want.y - 110 : want.y,
    };
    const editing =
      'edit' in tg ? { color: tg.edit.color, note: tg.edit.note, tags: tg.edit.tags } : undefined;
    render(
      <Toolbar
        key={'edit' in tg ? tg.edit.id : `${tg.selectors.start}:${tg.selectors.end}`}
        at={at}
        noteOpen={noteOpen}
        editing={editing}
        status={status}
        onColor={(c) => void (editing ? update({ color: c }) : save(c))}
        onNote={(note, tags) => void (editing ? update({ note, tags }) : save(lastColor, note, tags))}
        onClip={'edit' in tg ? undefined : (note, tags) => void clip(note, tags)}
        onCopy={'edit' in tg ? undefined : () => void copy()}
        onDelete={'edit' in tg ? () => void remove(tg.edit.id) : undefined}
        onClose={hideBar}
      />,
      barEl,
    );
    lastAt = want;
  };
  let lastAt = { x: 0, y: 0 };
  const hideBar = (): void => {
    target = null;
    render(null, barEl);
  };
  const report = (r: Result<unknown>, okText: string): void => {
    showBar(
      lastAt,
      r.ok ? { text: okText, error: false } : { text: t('captureFailed', [r.error]), error: true },
    );
    // Fade out after a success, unless the reader moved on to another selection meanwhile.
    const shown = target;
    // (Focus inside the shadow root shows as the host in doc.activeElement: ask the shadow root.)
    const typing = (): boolean => barEl.contains(shadow.activeElement ?? doc.activeElement);
    if (r.ok) env.defer(() => target === shown && !typing() && hideBar(), 1500);
  };
  const timed = async <T,>(p: Promise<Result<T>>): Promise<Result<T>> => {
    const t0 = env.now();
    const r = await p;
    measure('capture', t0);
    return r;
  };

  /**
   * The library keeps one copy of an article per key, the newest saved. A page's part shares its key
   * with the story stitched from it: never replace a stored stitched copy by the shorter part.
   */
  function withArticle<R extends { article?: Article }>(req: R): R {
    const stored = items.articles.find((a) => a.key === req.article?.key);
    const shorter = stored && req.article && req.article.paragraphs.length < stored.article.paragraphs.length;
    return shorter ? { ...req, article: undefined } : req;
  }

  async function save(color: HighlightColor, note = '', tags: string[] = []): Promise<Result<null>> {
    const tg = target;
    if (!tg || 'edit' in tg) return { ok: false, error: t('captureNoSelection') };
    lastColor = color;
    const r = await timed(
      env.send(withArticle(highlightRequest(tg.surface, tg.selectors, color, note, tags))),
    );
    if (r.ok) {
      items = { ...items, highlights: [...items.highlights.filter((h) => h.id !== r.value.id), r.value] };
      clearSelection(doc, shadow);
      draw();
    }
    report(r, t('captureSaved'));
    return r.ok ? { ok: true, value: null } : r;
  }
  async function clip(note = '', tags: string[] = []): Promise<Result<null>> {
    const tg = target;
    if (!tg || 'edit' in tg) return { ok: false, error: t('captureNoSelection') };
    const r = await timed(env.send(withArticle(clipRequest(tg.surface, tg.selectors, note, tags))));
    report(r, t('captureClipped'));
    return r.ok ? { ok: true, value: null } : r;
  }
  async function copy(): Promise<Result<null>> {
    const tg = target;
    if (!tg || 'edit' in tg) return { ok: false, error: t('captureNoSelection') };
    const done = await env.clipboard(
      quoteWithCitation(tg.selectors.exact, tg.surface.article, tg.selectors.paragraph, isoDay(new Date())),
    );
    const r: Result<null> = done ? { ok: true, value: null } : { ok: false, error: t('captureCopyFailed') };
    report(r, t('captureCopied'));
    return r;
  }
  async function update(patch: { color?: HighlightColor; note?: string; tags?: string[] }): Promise<void> {
    if (!target || !('edit' in target)) return;
    const r = await env.send({ type: 'updateHighlight', id: target.edit.id, patch });
    if (r.ok) {
      items = { ...items, highlights: items.highlights.map((h) => (h.id === r.value.id ? r.value : h)) };
      target = { edit: r.value };
      draw();
    }
    report(r, t('captureSaved'));
  }
  async function remove(id: string): Promise<void> {
    const r = await env.send({ type: 'deleteHighlight', id });
    if (r.ok) {
      items = { ...items, highlights: items.highlights.filter((h) => h.id !== id) };
      hideBar();
      draw();
    }
  }

  /** The selection as a target on one of the surfaces, or null. */
  const fromSelection = (): { surface: Surface; selectors: Selectors; range: Range } | null => {
    const range = currentRange(doc, shadow);
    if (!range) return null;
    const node = range.commonAncestorContainer;
    const surface = surfaces().find((s) => s.root.contains(node));
    const selectors = surface ? describeOn(surface, range) : null;
    return surface && selectors ? { surface, selectors, range } : null;
  };

  const onPointerUp = (e: Event): void => {
    // Only the user's own selections: a page script's synthetic events never open the toolbar.
    if (!e.isTrusted || e.composedPath().includes(barEl)) return;
    env.defer(() => {
      const sel = fromSelection();
      if (sel) {
        target = { surface: sel.surface, selectors: sel.selectors };
        const r = sel.range.getBoundingClientRect();
        return showBar({ x: r.left, y: r.bottom + 6 });
      }
      const me = e as MouseEvent;
      const hit = e.type === 'mouseup' && painter ? painter.hit(me.clientX, me.clientY) : null;
      const h = hit && items.highlights.find((x) => x.id === hit.id);
      if (h) {
        target = { edit: h };
        return showBar({ x: me.clientX, y: me.clientY + 12 });
      }
      hideBar();
    }, 0);
  };
  env.listen(doc, 'mouseup', onPointerUp);
  env.listen(doc, 'keyup', (e) => (e as KeyboardEvent).shiftKey && onPointerUp(e));
  env.listen(
    doc,
    'keydown',
    trusted((e) => (e as KeyboardEvent).key === 'Escape' && hideBar()),
  );

  void refresh();
  return {
    readerShown(article, body) {
      layer?.stop();
      layer = body ? rectLayer(body.marks, body.root) : null;
      painter?.setReaderLayer(layer?.paint ?? null);
      reader = body ? { article, root: body.root } : null;
      void refresh();
    },
    readerClosed() {
      // The panel closed (its close button, Escape): drop its ranges.
      layer?.stop();
      layer = null;
      painter?.setReaderLayer(null);
      if (!reader) return;
      reader = null;
      draw();
    },
    async act(action, color) {
      const sel = fromSelection();
      if (!sel) return { ok: false, error: t('captureNoSelection') };
      target = { surface: sel.surface, selectors: sel.selectors };
      const r = sel.range.getBoundingClientRect();
      // 'note' opens the toolbar with its note box; the others act at once and report in it.
      showBar({ x: r.left, y: r.bottom + 6 }, undefined, action === 'note');
      if (action === 'highlight') return save(color ?? lastColor);
      if (action === 'clip') return clip();
      if (action === 'copy') return copy();
      return { ok: true, value: null };
    },
    async jump(id) {
      if (!painter?.find(id)) await refresh();
      const d = painter?.find(id);
      if (!d) {
        orphanEl.querySelector('details')?.setAttribute('open', '');
        return false;
      }
      const el = d.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center' });
      return painter?.flash(id, 1600, env.defer) ?? false;
    },
    refresh,
  };
}
