/**
 * A hostile page against the SHIPPING build (.output/chrome-mv3: closed shadow root, the kit behind
 * use_dynamic_url). The page's own script (page.evaluate runs in the page's world, not ours) tries
 * what the security review did: read our shadow root, fire synthetic clicks at every element it can
 * reach and synthetic j/k/Enter/Escape at document and window, and load
 * chrome-extension://<id>/reader-kit.js by fetch, import() and <script src>. Then the test checks,
 * by trusted means (the DevTools protocol sees closed roots, tests/e2e/closed-ui.ts), that nothing
 * opened or moved and that no stitched text is anywhere the page can read; and that the user's own
 * (trusted) click and keys still work, kit and all.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closedUi } from './closed-ui.ts';
import { measures, useDemo, waitReady } from './harness.ts';
import { SHIPPING_EXTENSION_DIR } from './launch.ts';
import { SPLIT, layout0709 } from './stories.ts';

const demo = useDemo({ extensionDir: SHIPPING_EXTENSION_DIR });

/** What the page's script got for its trouble. */
interface Attack {
  shadowRoot: string;
  hostChildren: number;
  clicked: number;
  kit: { fetch: string; import: string; script: string };
}

/** The page's script: every trick, in the page's own world. */
async function attack(page: Page, extensionId: string): Promise<Attack> {
  return page.evaluate(async (id) => {
    const host = document.getElementById('epaper-reader-root');
    // Links and forms must not take the page away while it clicks everything.
    window.addEventListener('click', (e) => e.preventDefault(), true);
    window.addEventListener('submit', (e) => e.preventDefault(), true);
    let clicked = 0;
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        const Ctor = type.startsWith('pointer') ? PointerEvent : MouseEvent;
        el.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, composed: true }));
      }
      (el as HTMLElement).click?.();
      (el as HTMLElement).focus?.();
      clicked++;
    }
    const keys = ['j', 'j', 'k', 'j', 'Enter', ' ', 'Escape', 'j', 'Enter'];
    for (const target of [document, window, document.body, host, document.activeElement]) {
      for (const key of keys) {
        for (const type of ['keydown', 'keypress', 'keyup'])
          target?.dispatchEvent(
            new KeyboardEvent(type, { key, bubbles: true, cancelable: true, composed: true }),
          );
      }
    }
    (document.activeElement as HTMLElement | null)?.blur?.();
    const url = `chrome-extension://${id}/reader-kit.js`;
    const fail = (e: unknown) => `failed: ${String(e)}`;
    const kit = {
      fetch: await fetch(url).then((r) => `loaded ${r.status}`, fail),
      // Through Function: the test's own transform must not rewrite the page's import().
      import: await (new Function('u', 'return import(u)') as (u: string) => Promise<unknown>)(url).then(
        () => 'loaded',
        fail,
      ),
      script: await new Promise<string>((resolve) => {
        const s = document.createElement('script');
        s.src = url;
        s.onload = () => resolve('loaded');
        s.onerror = () => resolve('failed');
        document.head.append(s);
      }),
    };
    return {
      shadowRoot: String(host?.shadowRoot ?? null),
      hostChildren: host?.childNodes.length ?? -1,
      clicked,
      kit,
    };
  }, extensionId);
}

/** Everything the page's world can read: the light DOM's text and markup, and our host's. */
async function pageReadable(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.getElementById('epaper-reader-root');
    return [document.body.innerText, document.documentElement.outerHTML, host?.innerHTML ?? ''].join('\n');
  });
}

/** Texts of at least 12 characters from `paragraphs` that show up in `readable`. */
const leaked = (readable: string, paragraphs: string[]) =>
  paragraphs.map((p) => p.trim().slice(0, 40)).filter((p) => p.length >= 12 && readable.includes(p));

function expectRepelled(got: Attack): void {
  expect(got.shadowRoot).toBe('null');
  expect(got.hostChildren).toBe(0);
  expect(got.clicked).toBeGreaterThan(20);
  expect(got.kit.fetch).toMatch(/^failed/);
  expect(got.kit.import).toMatch(/^failed/);
  expect(got.kit.script).toBe('failed');
}

describe('a page script against the shipping build', () => {
  it('the shipping build is what runs here: its shadow root is closed', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    expect(await (await closedUi(page)).mode()).toBe('closed');
    await page.close();
  });

  it('cannot open the reader on an article page or read the stitched text; the user can', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    const ui = await closedUi(page);
    expectRepelled(await attack(page, demo.browser.extensionId));
    // Give an opened reader time to load the kit and stitch (≈ 0.1–0.3 s here).
    await page.waitForTimeout(1500);
    expect(await ui.find('reader')).toEqual([]);
    expect(await measures(page, 'stitch')).toEqual([]);
    expect(await ui.find('read-whole')).toHaveLength(1);
    expect(leaked(await pageReadable(page), SPLIT.secondParagraphs)).toEqual([]);

    // The user's own click opens it: the kit loads (through its dynamic URL) and part 2 is there…
    await ui.click('read-whole');
    const last = SPLIT.secondParagraphs.at(-1)!.slice(0, 20);
    const shown = await ui.until('reader-paragraph', (ps) => ps.some((p) => p.text.includes(last)));
    expect(shown.some((p) => p.text.includes(last))).toBe(true);
    expect(await measures(page, 'stitch')).toHaveLength(1);
    // …and still nowhere the page's world can read.
    expect(leaked(await pageReadable(page), SPLIT.secondParagraphs)).toEqual([]);
    expect(await page.evaluate(() => String(document.getElementById('epaper-reader-root')?.shadowRoot))).toBe(
      'null',
    );
    // The user highlights a part-2 sentence in the reader: its range must not reach the page through
    // the document's CSS.highlights (the reader draws its own boxes instead).
    const at = shown.findIndex((p) => p.text.includes(SPLIT.secondParagraphs[1].slice(0, 12)));
    expect(at).toBeGreaterThanOrEqual(0);
    const box = await ui.box('reader-paragraph', at);
    await page.mouse.move(box.x + 40, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + 160, box.y + 12, { steps: 4 });
    await page.mouse.move(box.x + 300, box.y + 12, { steps: 4 });
    await page.mouse.up();
    await ui.until('capture-toolbar', (t) => t.length === 1, 5000);
    await ui.click('hl-color-yellow');
    await ui.until('capture-status', (t) => t.length === 1, 10_000);
    const registry = await page.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const ranges = [...reg.values()].flatMap((h) => [...h]);
      return {
        inShadow: ranges.filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).length,
        texts: ranges.map((r) => r.toString()),
      };
    });
    expect(registry.inShadow).toBe(0);
    expect(leaked(registry.texts.join('\n'), SPLIT.secondParagraphs)).toEqual([]);
    expect(leaked(await pageReadable(page), SPLIT.secondParagraphs)).toEqual([]);

    // A synthetic Escape does not close it; the user's does.
    await page.evaluate(() =>
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(await ui.find('reader')).toHaveLength(1);
    expect(await ui.find('capture-toolbar')).toHaveLength(1);
    // The user's first Escape closes the innermost thing (the toolbar, which stays after a highlight),
    // the second the reader.
    await page.keyboard.press('Escape');
    expect(await ui.until('capture-toolbar', (t) => t.length === 0, 5000)).toEqual([]);
    expect(await ui.find('reader')).toHaveLength(1);
    await page.keyboard.press('Escape');
    expect(await ui.until('reader', (r) => r.length === 0, 5000)).toEqual([]);
    await page.close();
  });

  it('cannot move or open a block on a layout page; the user’s j and Enter do', async () => {
    const front = layout0709('001');
    const { page } = await demo.open(front.path);
    await waitReady(page, 'layout');
    const ui = await closedUi(page);
    const items = await ui.find('block-item');
    expect(items).toHaveLength(front.titles.length);
    expectRepelled(await attack(page, demo.browser.extensionId));
    await page.waitForTimeout(1500);
    const after = await ui.find('block-item');
    expect(after.map((i) => i.attributes['aria-current'] ?? null)).toEqual(items.map(() => null));
    expect(after.map((i) => i.attributes.class)).toEqual(items.map((i) => i.attributes.class));
    expect(await ui.find('reader')).toEqual([]);
    expect(await measures(page, 'stitch')).toEqual([]);

    // Trusted keys: j lights the first block, Enter opens it in the reader.
    await page.keyboard.press('j');
    const lit = await ui.until('block-item', (is) => is[0]?.attributes['aria-current'] === 'true', 5000);
    expect(lit[0].attributes['aria-current']).toBe('true');
    await page.keyboard.press('Enter');
    const paras = await ui.until('reader-paragraph', (ps) => ps.length > 0);
    expect(paras.length).toBeGreaterThan(0);
    expect(
      leaked(
        await pageReadable(page),
        paras.map((p) => p.text),
      ),
    ).toEqual([]);
    await page.close();
  });
});
