// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Overlay, type OverlayProps } from '../../components/Overlay';
import type { Block } from '../../lib/model';
import { userClick, userKey, useLocale } from './helpers';

const U = 'http://127.0.0.1:4173/html/2026-07/09/';
const blocks: Block[] = [
  {
    title: '一张“纸”里的45亿元自贸港外贸账',
    href: `${U}content_58464_19688151.htm`,
    order: 0,
    polygons: [
      [
        { x: 8, y: 467 },
        { x: 197, y: 467 },
        { x: 197, y: 567 },
        { x: 8, y: 567 },
      ],
    ],
  },
  { title: '<img src=x onerror=alert(1)>', href: 'javascript:alert(1)', order: 1, polygons: [] },
];

function show(props: Partial<OverlayProps> = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  const noop = () => undefined;
  render(
    <Overlay
      blocks={blocks}
      marks={{}}
      current={-1}
      hover={-1}
      box={null}
      collapsed={false}
      onOpen={noop}
      onHover={noop}
      onToggle={noop}
      {...props}
    />,
    root,
  );
  return root;
}

beforeEach(() => {
  document.body.innerHTML = '';
  useLocale('zh_CN');
});

describe('Overlay', () => {
  it('numbers the blocks, guards their hrefs, and shows titles as text', () => {
    const items = Array.from(show().querySelectorAll('[data-testid="block-item"]'));
    expect(items.map((i) => i.textContent)).toEqual([
      '1一张“纸”里的45亿元自贸港外贸账',
      '2<img src=x onerror=alert(1)>',
    ]);
    expect(items.map((i) => i.getAttribute('data-href'))).toEqual([`${U}content_58464_19688151.htm`, '']);
    // Titles are real links (open in a new tab, copy the address); a javascript: href is none.
    const links = items.map((i) => i.querySelector('a.block-title'));
    expect(links.map((a) => a?.getAttribute('href') ?? null)).toEqual([
      `${U}content_58464_19688151.htm`,
      null,
    ]);
    expect(links.map((a) => [a?.getAttribute('target'), a?.getAttribute('rel')])).toEqual([
      ['_blank', 'noopener'],
      ['_blank', 'noopener'],
    ]);
    expect(links.map((a) => a?.getAttribute('tabindex'))).toEqual(['-1', '-1']);
    expect(document.querySelectorAll('img').length).toBe(0);
  });

  it('shows continuation marks and the keyboard position', () => {
    const root = show({ marks: { [blocks[0].href]: { to: '6' } }, current: 0 });
    expect(root.querySelector('[data-testid="mark-continues"]')!.textContent).toBe('→ 6');
    expect(root.querySelectorAll('[aria-current="true"]').length).toBe(1);
  });

  it('draws one outline per block with a hotspot, scaled to the shown image', () => {
    const root = show({ box: { left: 10, top: 20, width: 800, height: 1150, sx: 2, sy: 2 } });
    const outlines = root.querySelectorAll('[data-testid="block-outline"]');
    expect(outlines.length).toBe(1);
    expect(outlines[0].querySelector('polygon')!.getAttribute('points')).toBe(
      '16,934 394,934 394,1134 16,1134',
    );
  });

  it('opens a block on click', () => {
    const opened: number[] = [];
    const root = show({ onOpen: (i) => opened.push(i) });
    const item = root.querySelectorAll('[data-testid="block-item"]')[1] as HTMLElement;
    item.click(); // a page script's synthetic click: ignored
    expect(opened).toEqual([]);
    userClick(item);
    expect(opened).toEqual([1]);
  });

  it.each([
    // [modifier, opens the reader, the link's own action (new tab/window) prevented]
    ['none', [0], true],
    ['ctrlKey', [], false],
    ['metaKey', [], false],
    ['shiftKey', [], false],
  ] as const)('a click on the title link with %s', (modifier, expected, prevented) => {
    const opened: number[] = [];
    const root = show({ onOpen: (i) => opened.push(i) });
    const link = root.querySelector('a.block-title')!;
    const seen: boolean[] = [];
    // After the item's handler: record whether it kept the link's default, then stop happy-dom navigating.
    root.addEventListener('click', (e) => {
      seen.push(e.defaultPrevented);
      e.preventDefault();
    });
    const init = { bubbles: true, cancelable: true, composed: true, [modifier]: modifier !== 'none' };
    const click = new MouseEvent('click', init);
    Object.defineProperty(click, 'isTrusted', { value: true });
    link.dispatchEvent(click);
    expect(opened).toEqual(expected);
    expect(seen).toEqual([prevented]);
  });
});

describe('Overlay keyboard access', () => {
  it('opens a focused item with Enter or Space', () => {
    const opened: number[] = [];
    const root = show({ onOpen: (i) => opened.push(i) });
    const item = root.querySelectorAll<HTMLElement>('[data-testid="block-item"]')[0];
    expect(item.tabIndex).toBe(0);
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })); // synthetic: ignored
    userKey(item, 'Enter');
    userKey(item, ' ');
    userKey(item, 'x');
    expect(opened).toEqual([0, 0]);
  });
});
