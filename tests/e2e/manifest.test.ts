/**
 * The built manifest asks for no more than the features need: the content script runs on e-paper URL
 * patterns and known hosts only (no `<all_urls>`), and no host is granted up front (other sites are
 * switched on one origin at a time from the popup, through optional host permissions).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './launch.ts';

const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
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
});
