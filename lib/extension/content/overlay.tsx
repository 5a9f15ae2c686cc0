/**
 * The layout-page (版面) controller: keeps the overlay's state (keyboard position, hover, collapsed,
 * continuation marks), re-renders the Overlay on change, follows the page image on resize, and opens
 * a block's article in the reader panel on click or Enter (real input only: see trusted.ts).
 */
import { render } from 'preact';
import { Overlay, type BlockMarks } from '../../../components/Overlay';
import type { Article, Page } from '../../model';
import { labelsMatch } from '../../text/labels';
import { findPageImage, imageBox } from './geometry';
import { moveIndex, overlayKey } from './keys';
import type { ReaderPanel } from '../kit/reader';
import { trusted } from '../shared/trusted';

/** What the overlay needs from the content script. */
export interface OverlayEnv {
  doc: Document;
  host: HTMLElement;
  ui: HTMLElement;
  /** ctx.addEventListener: removed when the content script is invalidated. */
  listen: (target: EventTarget, type: string, fn: (e: Event) => void) => void;
  panel: ReaderPanel;
}

/** The overlay's handle: marks learnt later (issue scan, articles read in the panel). */
export interface LayoutOverlay {
  learn(article: Article): void;
  addMarks(marks: Record<string, BlockMarks>): void;
}

/** Render the overlay for a layout page now (synchronously) and wire its listeners. */
export function startLayoutOverlay(page: Page, env: OverlayEnv): LayoutOverlay {
  const el = env.doc.createElement('div');
  env.ui.append(el);
  const img = findPageImage(env.doc, page);
  const s = { current: -1, hover: -1, collapsed: false, marks: {} as Record<string, BlockMarks> };

  const open = (i: number): void => {
    const b = page.blocks[i];
    if (!b) return;
    s.current = i;
    paint();
    void env.panel.open({ url: b.href });
  };

  function paint(): void {
    render(
      <Overlay
        blocks={page.blocks}
        marks={s.marks}
        current={s.current}
        hover={s.hover}
        box={img ? imageBox(img, env.host, page) : null}
        collapsed={s.collapsed}
        onOpen={open}
        onHover={(i) => {
          s.hover = i;
          paint();
        }}
        onToggle={() => {
          s.collapsed = !s.collapsed;
          paint();
        }}
      />,
      el,
    );
  }

  // A page script's synthetic j/k/Enter (dispatchEvent) must not move or open anything.
  env.listen(
    env.doc,
    'keydown',
    trusted((ev) => {
      const e = ev as KeyboardEvent;
      const key = overlayKey(e, e.target);
      if (!key) return;
      if (key === 'close') {
        if (env.panel.isOpen()) env.panel.close();
        return;
      }
      if (env.panel.isOpen()) return;
      // Enter on one of our own buttons is that button's click, not "open the current block".
      if (key === 'open' && (s.current < 0 || e.target === env.host)) return;
      e.preventDefault();
      if (key === 'open') open(s.current);
      else {
        s.current = moveIndex(s.current, key, page.blocks.length);
        paint();
        // Keep the current item visible in a long list (人民日报 pages have 10+ blocks), and its outline
        // on the page image in view.
        el.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest' });
        el.querySelector(`.outline[data-index="${s.current}"]`)?.scrollIntoView?.({ block: 'nearest' });
      }
    }),
  );
  env.listen(env.doc.defaultView ?? env.doc, 'resize', () => paint());
  if (img && !img.complete) env.listen(img, 'load', () => paint());
  paint();

  return {
    learn(article) {
      const i = article.pages.findIndex((l) => labelsMatch(l, page.label));
      const href = page.blocks.find((b) => article.urls.includes(b.href))?.href;
      if (!href || i < 0) return;
      s.marks = { ...s.marks, [href]: { from: article.pages[i - 1], to: article.pages[i + 1] } };
      paint();
    },
    addMarks(marks) {
      // What a read article showed wins over what the title scan guessed.
      s.marks = { ...marks, ...s.marks };
      paint();
    },
  };
}
