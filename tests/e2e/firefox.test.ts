/**
 * The extension in Firefox (Debian's firefox-esr over WebDriver BiDi, tests/e2e/firefox.ts): the
 * Firefox build loads, the overlay lists a layout page's blocks, and 「阅读全文」 stitches a split
 * story. These found a bug no Chromium test could: in a Firefox content script a URL's
 * searchParams iterator is not iterable (Xray), so every layout page read as nothing.
 * Needs firefox-esr (`.ci/run` installs it); without it the file fails with that sentence, so a
 * machine without Firefox cannot pass silently.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import {
  buildFirefox,
  FIREFOX_SHIPPING_DIR,
  launchFirefox,
  requireFirefox,
  until,
  type FirefoxSession,
} from './firefox.ts';
import { MARKER_WORDS, SPLIT, layout0709, occurrences } from './stories.ts';

let server: DemoServer;
let ff: FirefoxSession;

beforeAll(async () => {
  requireFirefox();
  // What ships (checked below) and the inspect build the journeys install (open shadow root).
  buildFirefox('shipping');
  buildFirefox();
  server = await startDemoServer();
  ff = await launchFirefox();
}, 180_000);
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** Poll `expression` in the page until `done(value)` or the time is up; the last value. */
const untilInPage = <T>(expression: string, done: (v: T) => boolean, ms = 20_000): Promise<T> =>
  until<T>(ff, expression, done, ms);

/** Texts of the elements matching `selector` inside the extension's shadow root. */
const inUi = (selector: string) =>
  `[...(document.getElementById('epaper-reader-root')?.shadowRoot?.querySelectorAll(${JSON.stringify(selector)}) ?? [])].map((e) => e.textContent)`;

describe('the extension in Firefox', () => {
  it('installs the Firefox build under its gecko id', () => {
    expect(ff.extensionId).toBe('epaper-reader@example.org');
  });

  it('ships a closed shadow root, and no Chrome-only use_dynamic_url (its moz-extension UUID is per install)', () => {
    const js = readFileSync(`${FIREFOX_SHIPPING_DIR}/content-scripts/content.js`, 'utf8');
    expect([...js.matchAll(/attachShadow\(\{mode:\s*[`'"](\w+)[`'"]\}\)/g)].map((m) => m[1])).toEqual([
      'closed',
    ]);
    const manifest = JSON.parse(readFileSync(`${FIREFOX_SHIPPING_DIR}/manifest.json`, 'utf8'));
    expect(manifest.web_accessible_resources[0].use_dynamic_url).toBeUndefined();
  });

  it('lists every block of a layout page (2026-07-09 第001版) in page order', async () => {
    const front = layout0709('001');
    await ff.goto(new URL(front.path, server.url).href);
    const ready = await untilInPage<string | null>(
      `document.getElementById('epaper-reader-root')?.getAttribute('data-ready') ?? null`,
      (v) => v !== null,
    );
    expect(ready).toBe('layout');
    const items = await untilInPage<string[]>(inUi('[data-testid="block-item"]'), (v) => v.length > 0);
    expect(items).toHaveLength(front.titles.length);
    items.forEach((text, i) => expect(text).toContain(front.titles[i]));
  });

  it('opens a split story (001 下转 → 002 上接) as one article, each part once', async () => {
    await ff.goto(new URL(SPLIT.first, server.url).href);
    await untilInPage<string | null>(
      `document.getElementById('epaper-reader-root')?.getAttribute('data-ready') ?? null`,
      (v) => v === 'article',
    );
    // A click from the page's script is ignored (not trusted); the user's click opens the reader.
    const button = `document.getElementById('epaper-reader-root').shadowRoot.querySelector('[data-testid="read-whole"]')`;
    await ff.evaluate(`${button}.click()`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await ff.evaluate<string[]>(inUi('[data-testid="reader"]'))).toEqual([]);
    const box = await ff.evaluate<{ x: number; y: number }>(
      `(() => { const r = ${button}.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
    );
    await ff.click(box.x, box.y);
    const shown = await untilInPage<string[]>(inUi('[data-testid="reader-paragraph"]'), (v) =>
      v.some((p) => p.includes(SPLIT.secondParagraphs.at(-1) ?? '\u0000')),
    );
    const joined = shown.join('\n');
    for (const p of shown) expect(p).not.toMatch(MARKER_WORDS);
    const tail = SPLIT.secondParagraphs.filter((p) => !MARKER_WORDS.test(p) && !p.startsWith('■'));
    for (const p of tail) expect(occurrences(joined, p), p).toBe(1);
    expect(await ff.evaluate<string[]>(inUi('[data-testid="seam"]'))).toHaveLength(1);
  });
});
