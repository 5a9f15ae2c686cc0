/**
 * The reader and capture as a reader uses them (issue 11, "Nothing is lost" and "What the reader
 * sees"), in Chromium with the inspect build: Escape closes the innermost thing only and keeps the
 * note's draft; the toolbar stays after a highlight and Enter in the tag line saves; the toolbar sits
 * clear of the selection on one row; clipped paragraphs and noted highlights leave a mark; Chinese
 * line breaking and the line-length setting; a byline printed in the text is not repeated; an article
 * with no text says so; a failure note names the page and retries; outlines are quietly there at rest.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Route } from '../../demo/server.ts';
import { openReader, paragraphs, problems, untilMeasured, useDemo, waitReady } from './harness.ts';
import { MISSING, SPLIT, layout0709 } from './stories.ts';
import { drawnTexts, selectQuote } from '../extension/capture/e2e-helpers.ts';

/** 2026-07-09 第001版's 省政府…签约: its first paragraph opens with the 讯 byline. */
const BYLINE_STORY = '/html/2026-07/09/content_58464_19688150.htm';
const BYLINE = '本报海口7月8日讯（海南日报全媒体记者陈蔚林）';

/** The same article page with its text taken out (a picture page, a site that changed its markup). */
function withoutText(): Route {
  return (req, res, server) => {
    const page = server.site.get((req.url ?? '/').split('?')[0]);
    const html = String(page?.body ?? '').replace(
      /<founder-content>[\s\S]*<\/founder-content>/,
      '<founder-content></founder-content>',
    );
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  };
}

const demo = useDemo({ extraRoutes: { [BYLINE_STORY.replace('19688150', '19688151')]: withoutText() } });
const EMPTY_STORY = BYLINE_STORY.replace('19688150', '19688151');

const QUOTE = SPLIT.secondParagraphs[3].slice(6, 24);
const tool = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** The selection's box inside our (open, inspect build) shadow root. */
async function selectionBox(
  page: Page,
): Promise<{ top: number; bottom: number; left: number; right: number }> {
  return page.evaluate(() => {
    const root = document.getElementById('epaper-reader-root')?.shadowRoot as
      (ShadowRoot & { getSelection(): Selection | null }) | undefined;
    const r = root?.getSelection()?.getRangeAt(0).getBoundingClientRect();
    return { top: r?.top ?? 0, bottom: r?.bottom ?? 0, left: r?.left ?? 0, right: r?.right ?? 0 };
  });
}

describe('nothing is lost', () => {
  it('Escape closes the note box (draft kept), then the toolbar, then the panel', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    const reader = await openReader(page);
    await selectQuote(page, 'reader', QUOTE);
    await tool(page, 'hl-note').click();
    await tool(page, 'hl-note-input').fill('数字要核对');
    await page.keyboard.press('Escape');
    await tool(page, 'hl-note-input').waitFor({ state: 'detached' });
    expect(await tool(page, 'capture-toolbar').isVisible()).toBe(true);
    expect(await reader.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await tool(page, 'capture-toolbar').waitFor({ state: 'detached' });
    expect(await reader.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'detached' });
    // The same words again: the unsaved note is still there.
    await openReader(page);
    await selectQuote(page, 'reader', QUOTE);
    await tool(page, 'hl-note').click();
    expect(await tool(page, 'hl-note-input').inputValue()).toBe('数字要核对');
    await page.close();
  });

  it('the toolbar stays after a highlight; Enter in the tag line saves the note; both leave a mark', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await openReader(page);
    await selectQuote(page, 'reader', QUOTE);
    await tool(page, 'hl-color-pink').click();
    await tool(page, 'capture-status').waitFor({ state: 'visible' });
    await page.waitForTimeout(2000); // the old toolbar faded out after 1.5 s
    expect(await tool(page, 'capture-toolbar').isVisible()).toBe(true);
    expect(await tool(page, 'hl-delete').isVisible()).toBe(true);
    await tool(page, 'hl-note').click();
    await tool(page, 'hl-note-input').fill('芯片的通道数');
    await tool(page, 'hl-tags').fill('芯片 脑机接口');
    await page.keyboard.press('Enter');
    await expect.poll(() => tool(page, 'hl-note-input').count()).toBe(0);
    const marks = (mark: string) =>
      page.evaluate(
        (m) =>
          document
            .getElementById('epaper-reader-root')
            ?.shadowRoot?.querySelectorAll(`.reader-marks > i[data-mark="${m}"]`).length ?? 0,
        mark,
      );
    await expect.poll(() => marks('note')).toBe(1);
    // A clip: a bar beside the paragraph.
    await page.keyboard.press('Escape');
    await selectQuote(page, 'reader', SPLIT.secondParagraphs[5].slice(2, 12));
    await tool(page, 'hl-clip').click();
    await tool(page, 'capture-status').waitFor({ state: 'visible' });
    await expect.poll(() => marks('clip')).toBeGreaterThanOrEqual(1);
    await page.close();
    // On the page the paragraph came from, the clip is a tint and the note an underline.
    const { page: part2 } = await demo.open(SPLIT.second);
    await waitReady(part2, 'article');
    await expect.poll(() => drawnTexts(part2, 'epaper-clip'), { timeout: 15_000 }).toHaveLength(1);
    expect((await drawnTexts(part2, 'epaper-clip'))[0].trim()).toBe(SPLIT.secondParagraphs[5].trim());
    expect(await drawnTexts(part2, 'epaper-note')).toEqual([QUOTE]);
    await part2.close();
  });
});

describe('closing the panel', () => {
  it('takes the toolbar over its text with it, and keeps the draft', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    const reader = await openReader(page);
    const quote = SPLIT.secondParagraphs[2].slice(4, 16);
    await selectQuote(page, 'reader', quote);
    await tool(page, 'hl-note').click();
    await tool(page, 'hl-note-input').fill('关面板前写的');
    await tool(page, 'reader-close').click();
    await reader.waitFor({ state: 'detached' });
    await tool(page, 'capture-toolbar').waitFor({ state: 'detached' });
    await openReader(page);
    await selectQuote(page, 'reader', quote);
    await tool(page, 'hl-note').click();
    expect(await tool(page, 'hl-note-input').inputValue()).toBe('关面板前写的');
    await page.close();
  });
});

describe('what the reader sees', () => {
  it('places the toolbar clear of the selection, on one row', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await openReader(page);
    for (const quote of [QUOTE, SPLIT.secondParagraphs[1].slice(0, 40)]) {
      await selectQuote(page, 'reader', quote);
      const bar = await tool(page, 'capture-toolbar').boundingBox();
      const sel = await selectionBox(page);
      expect(bar).not.toBeNull();
      const clear = bar!.y + bar!.height <= sel.top || bar!.y >= sel.bottom;
      expect(clear, JSON.stringify({ bar, sel })).toBe(true);
      const tops = await page
        .locator('.capture-row > button')
        .evaluateAll((els) => [
          ...new Set(
            els.map((el) =>
              Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2),
            ),
          ),
        ]);
      expect(tops.length, 'one row of buttons').toBe(1);
      await page.keyboard.press('Escape'); // the toolbar only
    }
    await page.close();
  });

  it('sets Chinese text justified with CJK line breaking, no line starting with 「，。」）」, in a chosen line length', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await openReader(page);
    const style = await page
      .locator('[data-testid="reader-paragraph"]')
      .first()
      .evaluate((p) => {
        const s = getComputedStyle(p);
        return {
          align: s.textAlign,
          lineBreak: s.getPropertyValue('line-break'),
          lang: p.closest('[lang]')?.getAttribute('lang'),
          font: s.fontFamily,
        };
      });
    expect(style).toMatchObject({ align: 'justify', lineBreak: 'strict', lang: 'zh-CN' });
    // Every CJK face before the generic family, so no Latin serif supplies “”.
    expect(style.font.indexOf('Noto Sans CJK SC')).toBeLessThan(
      style.font.indexOf('serif', style.font.indexOf('Microsoft YaHei')),
    );
    /** Characters that start a line, and the characters per line of the longest paragraph. */
    const lines = () =>
      page.locator('[data-testid="reader-paragraph"]').evaluateAll((ps) => {
        const starts: string[] = [];
        let widest = 0;
        for (const p of ps) {
          const text = p.firstChild as Text | null;
          if (!text) continue;
          let top = -1;
          let count = 0;
          for (let i = 0; i < text.data.length; i++) {
            const r = document.createRange();
            r.setStart(text, i);
            r.setEnd(text, i + 1);
            const box = r.getClientRects()[0];
            if (!box) continue;
            if (Math.abs(box.top - top) > 2) {
              if (top >= 0) starts.push(text.data[i]);
              widest = Math.max(widest, count);
              top = box.top;
              count = 0;
            }
            count++;
          }
        }
        return { starts, widest };
      });
    const medium = await lines();
    expect(medium.starts.filter((c) => '，。、；：！？」）》'.includes(c))).toEqual([]);
    await page.locator('[data-testid="width-46"]').click();
    await expect.poll(async () => (await lines()).widest).toBeGreaterThan(medium.widest + 4);
    const wide = (await lines()).widest;
    // Larger type keeps the line length: the panel grows with it (until the window's edge).
    await page.locator('[data-testid="font-larger"]').click();
    await expect.poll(async () => Math.abs((await lines()).widest - wide)).toBeLessThanOrEqual(2);
    expect(await page.locator('[data-testid="width-46"]').getAttribute('aria-pressed')).toBe('true');
    // Put the defaults back.
    await page.locator('[data-testid="font-smaller"]').click();
    await page.locator('[data-testid="width-38"]').click();
    await page.close();
  });

  it('shows a byline printed at the start of the text once, in the text', async () => {
    const { page } = await demo.open(BYLINE_STORY);
    await waitReady(page, 'article');
    await openReader(page);
    expect((await paragraphs(page))[0].startsWith(BYLINE)).toBe(true);
    expect(await page.locator('[data-testid="reader-bylines"]').count()).toBe(0);
    await page.close();
  });

  it('says so, with a link, when an article has no text', async () => {
    const front = layout0709('001');
    const { page } = await demo.open(front.path);
    await waitReady(page, 'layout');
    const item = page.locator('[data-testid="block-item"]', { hasText: '一张“纸”里的45亿元自贸港外贸账' });
    expect(front.hrefs).toContain(EMPTY_STORY);
    await item.click();
    const note = page.locator('[data-testid="reader-empty"]');
    await note.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await note.textContent()).toMatch(/没有读到这篇文章的正文|No article text was found/);
    expect(await page.locator('[data-testid="reader-title"]').textContent()).toContain(
      '一张“纸”里的45亿元自贸港外贸账',
    );
    expect(new URL((await note.locator('a').getAttribute('href')) ?? '').pathname).toBe(EMPTY_STORY);
    await page.close();
  });

  it('names the missing page in the note and retries from the note', async () => {
    const { page } = await demo.open(MISSING.first);
    await waitReady(page, 'article');
    await openReader(page);
    const notes = (await problems(page)).join(' ');
    expect(notes).toMatch(
      /第\s*A?0*4\s*版不在网站上了（HTTP 404）|Page\s+A?0*4 is not on the site \(HTTP 404\)/,
    );
    const before = demo.server.requests.length;
    await untilMeasured(page, 'stitch', () => page.locator('[data-testid="reader-retry"]').first().click());
    expect(demo.server.requests.length).toBeGreaterThan(before);
    expect((await problems(page)).join(' ')).toBe(notes);
    await page.close();
  });

  it('outlines and numbers every block at rest, the number clear of the block', async () => {
    const { page } = await demo.open(layout0709('001').path);
    await waitReady(page, 'layout');
    await page.mouse.move(0, 0);
    const outlines = await page.locator('[data-testid="block-outline"]').evaluateAll((gs) =>
      gs.map((g) => {
        const poly = g.querySelector('polygon') as SVGGraphicsElement;
        const num = g.querySelector('text') as SVGGraphicsElement;
        const p = poly.getBBox();
        const n = num.getBBox();
        return {
          lit: g.classList.contains('lit'),
          stroke: getComputedStyle(poly).stroke,
          fill: getComputedStyle(num).fill,
          // The number's box ends above the block's top edge (or the page's top, for a block there).
          above: n.y + n.height <= p.y + 2 || p.y < 12,
        };
      }),
    );
    expect(outlines.length).toBeGreaterThan(3);
    for (const o of outlines.filter((x) => !x.lit)) {
      expect(o.stroke).not.toMatch(/transparent|none|rgba\(0, 0, 0, 0\)/);
      expect(o.fill).not.toMatch(/transparent|none|rgba\(0, 0, 0, 0\)/);
      expect(o.above).toBe(true);
    }
    await page.close();
  });
});
