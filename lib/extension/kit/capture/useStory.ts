/**
 * The story on screen: its items as the library lists them, the surfaces they are drawn on (the
 * article page, the reader panel while shown), the painter and the reader's box layer, and the
 * "not found on this page" list that a drawing pass leaves. Its own hook because drawing is the one
 * side of capture that is not Preact (CSS highlights, the reader's boxes) and every action ends in it.
 */
import { useRef, useState } from 'preact/hooks';
import type { StoryItems } from '../../../messaging';
import type { Article, Highlight, HighlightColor } from '../../../model';
import { measure } from '../../shared/timing';
import { drawStory } from './draw';
import { createPainter, type Painter } from './painter';
import { rectLayer } from './rect-layer';
import { storyQuery } from './story';
import { makeSurface, type Surface } from './surface';
import type { Capture, CaptureEnv } from './types';

/** The story's items as last listed or saved, and the colour of the last highlight (mutable, shared). */
export interface StoryState {
  items: StoryItems;
  lastColor: HighlightColor;
}

/** The story and what changes it. */
export interface Story {
  state: StoryState;
  /** null where the browser has no CSS Custom Highlight API (nothing is drawn). */
  painter: Painter | null;
  /** Expected here, placed nowhere (the last drawing pass). */
  orphans: Highlight[];
  surfaces(): Surface[];
  /** Place and draw the items on the surfaces shown. */
  draw(): void;
  /** List the story's items again and draw them (the last call wins). */
  refresh(): Promise<void>;
  readerShown: Capture['readerShown'];
  /** Drop the reader's ranges and layer. */
  readerClosed(): void;
}

/** The reader's paragraphs that a clip of the story holds (a clip keeps its paragraphs' text whole). */
function clippedIn(root: Element | undefined, items: StoryItems): Element[] {
  if (!root?.isConnected || items.clips.length === 0) return [];
  const texts = new Set(items.clips.flatMap((c) => c.paragraphs));
  return Array.from(root.querySelectorAll('[data-para]')).filter((p) => texts.has(p.textContent ?? ''));
}

function initial(env: CaptureEnv) {
  const state: StoryState = { items: { articles: [], highlights: [], clips: [] }, lastColor: 'yellow' };
  return {
    state,
    reader: null as { article: Article; root: Element } | null,
    layer: null as ReturnType<typeof rectLayer> | null,
    painter: env.registry && env.Highlight ? createPainter(env.registry, env.Highlight) : null,
    seq: 0,
  };
}

/** The hook. */
export function useStory(env: CaptureEnv): Story {
  const [orphans, setOrphans] = useState<Highlight[]>([]);
  // Not rendered, read by listeners and async actions between renders: kept in one ref.
  const ref = useRef<ReturnType<typeof initial> | null>(null);
  const st = (ref.current ??= initial(env));

  const surfaces = (): Surface[] => {
    const out: Surface[] = [];
    if (env.pageArticle) out.push(makeSurface('page', env.doc.body, env.pageArticle, env.url));
    const r = st.reader;
    if (r?.root.isConnected) out.push(makeSurface('reader', r.root, r.article, env.url));
    return out;
  };

  const draw = (): void => {
    const t0 = env.now();
    const out = drawStory(surfaces(), st.state.items, st.painter);
    st.layer?.clips(clippedIn(st.reader?.root, st.state.items));
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
    st.state.items = r.value;
    draw();
  };

  return {
    state: st.state,
    painter: st.painter,
    orphans,
    surfaces,
    draw,
    refresh,
    readerShown(article, body) {
      st.layer?.stop();
      st.layer = body ? rectLayer(body.marks, body.root) : null;
      st.painter?.setReaderLayer(st.layer?.paint ?? null);
      st.reader = body ? { article, root: body.root } : null;
      void refresh();
    },
    readerClosed() {
      st.layer?.stop();
      st.layer = null;
      st.painter?.setReaderLayer(null);
      if (st.reader) {
        st.reader = null;
        draw();
      }
    },
  };
}
