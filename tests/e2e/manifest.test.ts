/**
 * What ships (.output/chrome-mv3, the shipping build): the manifest asks for no more than the
 * features need: the content script runs on e-paper URL patterns and known hosts only (no
 * `<all_urls>`), and no host is granted up front (other sites are switched on one origin at a time
 * from the popup, through optional host permissions); the reader kit is reachable only through its
 * dynamic URL; the content script's shadow root is closed, and only the e2e inspect build's is open.
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, SHIPPING_EXTENSION_DIR } from './launch.ts';

const manifest = JSON.parse(readFileSync(`${SHIPPING_EXTENSION_DIR}/manifest.json`, 'utf8'));
const contentJs = (dir: string) => readFileSync(`${dir}/content-scripts/content.js`, 'utf8');
/** `attachShadow({mode:…})` calls in a minified bundle, whatever quotes the minifier chose. */
const shadowModes = (js: string) =>
  [...js.matchAll(/attachShadow\(\{mode:\s*[`'"](\w+)[`'"]\}\)/g)].map((m) => m[1]);
const BLANKET = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', '*://*/'];

describe('built manifest (.output/chrome-mv3)', () => {
  it('runs the content script on e-paper patterns only, never on every site', () => {
    const matches: string[] = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(BLANKET).not.toContain(m);
    // The demo's Founder classic paths are among them (node_58464.htm, content_58464_19697256.htm).
    expect(matches).toContain('*://*/*/node_*.htm*');
    expect(matches).toContain('*://*/*/content_*.htm*');
  });

  it('grants no host up front: host access is optional, asked per origin', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    for (const p of manifest.permissions ?? []) expect(BLANKET).not.toContain(p);
  });

  it('exposes the reader kit to pages only through its per-session dynamic URL', () => {
    const kit = manifest.web_accessible_resources.find((w: { resources: string[] }) =>
      w.resources.includes('reader-kit.js'),
    );
    expect(kit.use_dynamic_url).toBe(true);
  });
});

describe('the content script as shipped', () => {
  it('attaches a closed shadow root, and only the e2e inspect build an open one', () => {
    expect(shadowModes(contentJs(SHIPPING_EXTENSION_DIR))).toEqual(['closed']);
    expect(shadowModes(contentJs(EXTENSION_DIR))).toEqual(['open']);
  });

  it('writes no timing attributes and finds none of its UI by test id (content script and kit)', () => {
    const js =
      contentJs(SHIPPING_EXTENSION_DIR) + readFileSync(`${SHIPPING_EXTENSION_DIR}/reader-kit.js`, 'utf8');
    expect(js).not.toMatch(/data-[a-z-]*-ms|overlayMs|stitchMs|\[data-testid=/);
  });

  it('stays under 60 KB (61440 bytes)', () => {
    expect(statSync(`${SHIPPING_EXTENSION_DIR}/content-scripts/content.js`).size).toBeLessThan(61440);
  });
});
