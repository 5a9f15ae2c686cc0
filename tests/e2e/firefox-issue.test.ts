/**
 * 「整期目录」 in Firefox (Debian's firefox-esr over WebDriver BiDi, tests/e2e/firefox.ts): issue.html
 * opens at moz-extension://<EXTENSION_UUID>/issue.html?url=<the demo's 07-09 front page>, walks the
 * issue through the background's fetchPage and lists every article once (the story continued on
 * page 6 under page 1 with both pages), opens again from the IndexedDB page cache without asking the
 * site, and the background's fetchImage gives the front page's image (the EPUB's cover) for the
 * page the walk read, and refuses another address. Needs firefox-esr (`.ci/run` installs it);
 * without it the file fails with that sentence, like firefox-pages.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATHS } from '../../demo/render';
import { startDemoServer, type DemoServer } from '../../demo/server.ts';
import { launchFirefoxForPages, until, type FirefoxSession } from './firefox.ts';

const FRONT = DEMO_PATHS.front['2026-07-09'];

let server: DemoServer;
let ff: FirefoxSession;

beforeAll(async () => {
  ff = await launchFirefoxForPages();
  server = await startDemoServer();
}, 180_000);
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

/** What issue.html shows: the page's figure, each entry's title, failures, the page-6 story's pages. */
const shown = `(() => {
  const root = document.querySelector('[data-toc-ms]');
  const entries = [...document.querySelectorAll('[data-testid="issue-entry"]')];
  return {
    done: root !== null,
    entries: entries.length,
    keys: new Set(entries.map((e) => e.getAttribute('data-key'))).size,
    failures: document.querySelectorAll('[data-testid="issue-failures"] li').length,
    story: entries.filter((e) => e.textContent.includes('一张“纸”里的45亿元自贸港外贸账')).map((e) => e.textContent),
    continuedOn6: document.querySelectorAll('[data-testid="issue-page"][data-label="6"] .continued').length,
    error: document.querySelector('[data-testid="issue-error"]')?.textContent ?? '',
  };
})()`;
type Shown = {
  done: boolean;
  entries: number;
  keys: number;
  failures: number;
  story: string[];
  continuedOn6: number;
  error: string;
};

describe('issue.html in Firefox', () => {
  it('walks the demo issue and lists every article once, then opens again from the cache', async () => {
    const front = new URL(FRONT, server.url).href;
    const address = ff.extensionUrl(`issue.html?url=${encodeURIComponent(front)}&delay=200`);
    server.requests.length = 0;
    await ff.goto(address);
    const cold = await until<Shown>(ff, shown, (s) => s.done || s.error !== '', 90_000);
    expect(cold.error).toBe('');
    expect(cold).toMatchObject({ done: true, entries: 27, keys: 27, failures: 0, continuedOn6: 1 });
    expect(cold.story).toHaveLength(1);
    expect(cold.story[0]).toMatch(/1、6|1, 6/);
    const issuePages = server.requests.filter((r) => r.startsWith('/html/2026-07/09/'));
    expect(new Set(issuePages).size, issuePages.join(' ')).toBe(35);

    server.requests.length = 0;
    await ff.goto(address);
    const cached = await until<Shown>(ff, shown, (s) => s.done || s.error !== '', 30_000);
    expect(cached).toMatchObject({ done: true, entries: 27, failures: 0 });
    expect(server.requests).toEqual([]);
  }, 150_000);

  it("the background's fetchImage gives the front page's image for the page the walk read, nothing else", async () => {
    const front = new URL(FRONT, server.url).href;
    const image = new URL('/images/2026-07/09/page_001.svg', server.url).href;
    const ask = (message: object) =>
      ff.evaluate<{ ok: boolean; value?: { contentType: string; bytesBase64: string }; error?: string }>(
        `browser.runtime.sendMessage(${JSON.stringify(message)})`,
      );
    const got = await ask({ type: 'fetchImage', url: image, pageUrl: front });
    expect(got.error).toBeUndefined();
    expect(got.value?.contentType).toBe('image/svg+xml');
    expect(atob(got.value!.bytesBase64)).toContain('<svg');
    // Another origin (the same server under localhost) and a page the walk never read: refused.
    const other = image.replace('127.0.0.1', 'localhost');
    expect((await ask({ type: 'fetchImage', url: other, pageUrl: front })).ok).toBe(false);
    const unread = new URL('/html/2026-07/09/node_9999.htm', server.url).href;
    expect((await ask({ type: 'fetchImage', url: image, pageUrl: unread })).ok).toBe(false);
  });
});
