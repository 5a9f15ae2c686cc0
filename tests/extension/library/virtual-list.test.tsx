// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { VirtualList, visibleRange } from '../../../components/library/VirtualList';
import { settle } from './fixtures';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('visibleRange', () => {
  it.each([
    // scrollTop, height, rowHeight, count, overscan → [first, last)
    [0, 480, 96, 50_000, 6, [0, 11]],
    [96 * 25_000, 480, 96, 50_000, 6, [24_994, 25_011]],
    [96 * 49_999, 480, 96, 50_000, 6, [49_993, 50_000]],
    [0, 480, 96, 3, 6, [0, 3]],
    [0, 480, 96, 0, 6, [0, 0]],
    [-50, 480, 96, 100, 0, [0, 5]],
  ])('top %d height %d row %d count %d overscan %d → %j', (top, h, row, n, over, expected) => {
    expect(visibleRange(top, h, row, n, over)).toEqual(expected);
  });
});

describe('VirtualList', () => {
  it('renders only the visible rows of 50,000 and follows the scroll', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <VirtualList
        count={50_000}
        rowHeight={96}
        height={480}
        rowKey={(i) => `k${i}`}
        renderRow={(i) => <span class="cell">第{i}条</span>}
      />,
      root,
    );
    await settle(2);
    const cells = () => [...root.querySelectorAll('.cell')].map((c) => c.textContent);
    expect(cells().length).toBeLessThanOrEqual(11);
    expect(cells()[0]).toBe('第0条');
    const space = root.querySelector('.vspace') as HTMLElement;
    expect(space.style.height).toBe(`${50_000 * 96}px`);

    const box = root.querySelector('[data-testid="vlist"]') as HTMLElement;
    box.scrollTop = 96 * 30_000;
    box.dispatchEvent(new Event('scroll'));
    await settle(2);
    const now = cells();
    expect(now.length).toBeLessThanOrEqual(6 + 5 + 6 + 1);
    expect(now).toContain('第30000条');
    expect(now).not.toContain('第0条');
    const row = root.querySelector('[aria-posinset="30001"]') as HTMLElement;
    expect(row.style.top).toBe(`${30_000 * 96}px`);
  });
});
