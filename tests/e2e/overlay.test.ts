/**
 * Layout page (版面) journey: the overlay lists every article block of the page in page order, with
 * outlines over the page image; j/k move between blocks and Enter opens the current one; each title
 * is a link to its article page (a new tab on Ctrl/Cmd click); axe finds nothing in the overlay.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { HOST_ID } from '../../lib/extension/content/shadow-host.ts';
import { useDemo, waitReady, waitForReader } from './harness.ts';
import { layout0709 } from './stories.ts';

const demo = useDemo();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('overlay on a layout page', () => {
  const front = layout0709('001');

  it('lists every block of 2026-07-09 第001版 in page order, with its article URL and title', async () => {
    const { page } = await demo.open(front.path);
    await waitReady(page, 'layout');
    const items = page.locator('[data-testid="block-list"] [data-testid="block-item"]');
    await expect.poll(() => items.count()).toBe(front.titles.length);
    const hrefs = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-href') ?? ''));
    expect(hrefs.map((h) => new URL(h).pathname)).toEqual(front.hrefs);
    expect(hrefs.every((h) => h.startsWith(demo.server.url))).toBe(true);
    const texts = await items.allTextContents();
    texts.forEach((text, i) => expect(text).toContain(front.titles[i]));
    // One outline per block over the page image (every block of the demo has a hotspot).
    await expect.poll(() => page.locator('[data-testid="block-outline"]').count()).toBe(front.titles.length);
    await page.close();
  });

  it('marks the block that continues on 第006版', async () => {
    const { page } = await demo.open(front.path);
    await waitReady(page, 'layout');
    const item = page.locator('[data-testid="block-item"]', { hasText: '一张“纸”里的45亿元自贸港外贸账' });
    await expect.poll(() => item.locator('[data-testid="mark-continues"]').count()).toBe(1);
    expect(await item.locator('[data-testid="mark-continues"]').textContent()).toMatch(/6/);
    await page.close();
  });

  it('moves with j/k and opens the current block with Enter', async () => {
    const { page } = await demo.open(front.path);
    await waitReady(page, 'layout');
    const items = page.locator('[data-testid="block-item"]');
    const currentIndex = () =>
      items.evaluateAll((els) => els.findIndex((el) => el.getAttribute('aria-current') === 'true'));
    await page.keyboard.press('j');
    await expect.poll(currentIndex).toBeGreaterThanOrEqual(0);
    const start = await currentIndex();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(currentIndex).toBe(start + 2);
    await page.keyboard.press('k');
    await expect.poll(currentIndex).toBe(start + 1);
    expect(await page.locator('[data-testid="block-item"][aria-current="true"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    const reader = await waitForReader(page);
    expect(await reader.locator('[data-testid="reader-title"]').textContent()).toContain(
      front.titles[start + 1],
    );
    await page.close();
  });

  it('opens the article in the reader when an item is clicked', async () => {
    const { page } = await demo.open(front.path);
    await waitReady(page, 'layout');
    await page.locator('[data-testid="block-item"]').nth(2).click();
    const reader = await waitForReader(page);
    expect(await reader.locator('[data-testid="reader-title"]').textContent()).toContain(front.titles[2]);
    expect(
      (await reader.locator('[data-testid="reader-paragraph"]').allTextContents()).length,
    ).toBeGreaterThan(0);
    await page.close();
  });

  it('a title is a real link: a Ctrl/Cmd click opens the article page in a new tab, not the reader', async () => {
    const { page } = await demo.open(front.path);
    await waitReady(page, 'layout');
    const link = page.locator('[data-testid="block-item"]').nth(2).locator('a.block-title');
    expect(new URL((await link.getAttribute('href')) ?? '').pathname).toBe(front.hrefs[2]);
    const opened = page.context().waitForEvent('page');
    await link.click({ modifiers: ['ControlOrMeta'] });
    const tab = await opened;
    await tab.waitForLoadState('domcontentloaded');
    expect(new URL(tab.url()).pathname).toBe(front.hrefs[2]);
    expect(new URL(page.url()).pathname).toBe(front.path);
    expect(await page.locator('[data-testid="reader"]').count()).toBe(0);
    await tab.close();
    await page.close();
  });

  it('axe finds nothing in the overlay (the links included; the newspaper page itself is not ours)', async () => {
    const { page } = await demo.open(front.path);
    await waitReady(page, 'layout');
    await page.evaluate(AXE);
    const found = await page.evaluate(async (host) => {
      type Rule = { id: string; nodes: Array<{ target: unknown[] }> };
      const axe = (
        window as unknown as {
          axe: { run: (c: object, o: object) => Promise<{ violations: Rule[]; passes: Rule[] }> };
        }
      ).axe;
      const r = await axe.run(
        { include: [`#${host}`] },
        {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          resultTypes: ['violations', 'passes'],
        },
      );
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          where: v.nodes.map((n) => JSON.stringify(n.target)),
        })),
        // The scan reached into the shadow root: each title link passed axe's link-name rule.
        namedLinks: r.passes.find((p) => p.id === 'link-name')?.nodes.length ?? 0,
      };
    }, HOST_ID);
    expect(found).toEqual({ violations: [], namedLinks: front.titles.length });
    await page.close();
  });
});
