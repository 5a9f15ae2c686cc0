// @vitest-environment happy-dom
// The layout overlay surface (lib/extension/content/overlay): state, keys and marks in one tree.
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { LayoutOverlay } from '../../../../lib/extension/content/overlay/LayoutOverlay';
import type { OverlayControl, OverlayEnv } from '../../../../lib/extension/content/overlay/types';
import { emptyArticle, emptyPage, type Block } from '../../../../lib/model';
import { userClick, userKey, useLocale } from '../../helpers';

const U = 'https://epaper.example.cn/html/2026-07/09/';
const blocks: Block[] = ['头版头条', '自贸港外贸账', '导读'].map((title, i) => ({
  title,
  href: `${U}content_${i + 1}.htm`,
  order: i,
  polygons: [],
}));
const page = emptyPage({ kind: 'layout', url: `${U}node_1.htm`, label: '01', blocks });

function mount() {
  const el = document.createElement('div');
  document.body.replaceChildren(el);
  const opened: string[] = [];
  let open = false;
  const env: OverlayEnv = {
    doc: document,
    host: el,
    listen: (target, type, fn) => target.addEventListener(type, fn),
    panel: {
      open: async (start) => {
        opened.push('url' in start ? start.url : '');
        open = true;
      },
      close: () => (open = false),
      isOpen: () => open,
    },
  };
  const overlay: { current: OverlayControl | null } = { current: null };
  render(<LayoutOverlay control={overlay} page={page} env={env} />, el);
  return { el, overlay, opened, isOpen: () => open };
}

const all = (root: Element, id: string) => Array.from(root.querySelectorAll(`[data-testid="${id}"]`));
const tick = () => new Promise((r) => setTimeout(r, 0));
const currentIndex = (root: Element) =>
  all(root, 'block-item').findIndex((i) => i.getAttribute('aria-current') === 'true');

beforeEach(() => useLocale('zh_CN'));

describe('layout overlay', () => {
  it('moves with j/k (stopping at the ends) and opens the current block with Enter', async () => {
    const { el, opened } = mount();
    for (const k of ['j', 'j', 'j', 'j']) userKey(document, k); // two keys may come before a render
    await tick();
    expect(currentIndex(el)).toBe(2);
    userKey(document, 'k');
    userKey(document, 'Enter');
    await tick();
    expect(currentIndex(el)).toBe(1);
    expect(opened).toEqual([`${U}content_2.htm`]);
  });

  it('leaves the keys to the reader while it is open, and closes it with Escape', async () => {
    const { el, opened, isOpen } = mount();
    userClick(all(el, 'block-item')[0]);
    expect(opened).toHaveLength(1);
    userKey(document, 'j');
    await tick();
    expect(currentIndex(el)).toBe(0);
    userKey(document, 'Escape');
    expect(isOpen()).toBe(false);
  });

  it('shows marks from the scan, and what a read article showed wins', async () => {
    const { el, overlay } = mount();
    overlay.current!.addMarks({ [`${U}content_2.htm`]: { to: '05' } });
    overlay.current!.learn(
      emptyArticle({ pages: ['01', '06'], urls: [`${U}content_2.htm`, `${U}content_9.htm`] }),
    );
    overlay.current!.addMarks({ [`${U}content_2.htm`]: { to: '07' } });
    await tick();
    expect(all(el, 'mark-continues').map((m) => m.textContent)).toEqual(['→ 06']);
  });
});
