import { beforeEach, describe, expect, it } from 'vitest';
import {
  isSwitchedOn,
  SITE_SCRIPT_ID,
  siteState,
  sitePatterns,
  switchSite,
  syncSiteScripts,
  type SwitchApi,
} from '../../lib/extension/shared/site-switch';

/** A fake of the permission and scripting APIs: the user's answer to a prompt is `answer`. */
function fakeApi(answer = true) {
  const granted = new Set<string>(['*://*/*/node_*.htm*', '*://paper.people.com.cn/*']);
  const scripts = new Map<string, { id: string; matches?: string[] }>();
  const api: SwitchApi = {
    permissions: {
      request: async ({ origins }) => (answer ? (origins.forEach((o) => granted.add(o)), true) : false),
      remove: async ({ origins }) => (origins.forEach((o) => granted.delete(o)), true),
      contains: async ({ origins }) => origins.every((o) => granted.has(o)),
      getAll: async () => ({ origins: [...granted] }),
    },
    scripting: {
      getRegisteredContentScripts: async (f) =>
        [...scripts.values()].filter((s) => !f?.ids || f.ids.includes(s.id)),
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
      updateContentScripts: async (list) => list.forEach((s) => scripts.set(s.id, s)),
      unregisterContentScripts: async (f) => f?.ids?.forEach((id) => scripts.delete(id)),
    },
  };
  return { api, granted, scripts };
}

const SITE = 'https://epaper.example.cn/html/2026-07/09/index.htm';

describe('the popup site switch', () => {
  let fake: ReturnType<typeof fakeApi>;
  beforeEach(() => (fake = fakeApi()));

  it('asks for that one origin, registers the content script there, and undoes both when off', async () => {
    expect(await siteState(fake.api, SITE)).toBe('off');
    expect(await switchSite(fake.api, SITE, true)).toEqual({ ok: true, value: 'on' });
    expect(fake.granted.has('https://epaper.example.cn/*')).toBe(true);
    expect(fake.scripts.get(SITE_SCRIPT_ID)?.matches).toEqual(['https://epaper.example.cn/*']);
    expect(await siteState(fake.api, SITE)).toBe('on');

    expect(await switchSite(fake.api, SITE, false)).toEqual({ ok: true, value: 'off' });
    expect(fake.granted.has('https://epaper.example.cn/*')).toBe(false);
    expect(fake.scripts.has(SITE_SCRIPT_ID)).toBe(false);
  });

  it('keeps one registration listing every switched-on site (sync is idempotent)', async () => {
    await switchSite(fake.api, SITE, true);
    await switchSite(fake.api, 'http://szb.example.com/', true);
    expect(await syncSiteScripts(fake.api)).toEqual({
      ok: true,
      value: ['http://szb.example.com/*', 'https://epaper.example.cn/*'],
    });
    expect(fake.scripts.size).toBe(1);
  });

  it('reports a refused prompt and registers nothing', async () => {
    const refused = fakeApi(false);
    expect(await switchSite(refused.api, SITE, true)).toEqual({ ok: false, error: 'denied' });
    expect(refused.scripts.size).toBe(0);
  });

  it.each([
    ['http://paper.people.com.cn/rmrb/', 'builtin'],
    ['chrome://extensions/', 'unsupported'],
    ['', 'unsupported'],
  ])('%s is %s and needs no prompt', async (url, state) => {
    expect(await siteState(fake.api, url)).toBe(state);
    expect(await switchSite(fake.api, url, true)).toEqual({ ok: true, value: state });
  });

  it('counts only whole-origin grants outside the built-in list as switched-on sites', () => {
    expect(
      sitePatterns([
        '*://*/*/node_*.htm*',
        '*://paper.people.com.cn/*',
        'https://paper.people.com.cn/*',
        'https://a.cn/*',
        'https://a.cn/x/*',
      ]),
    ).toEqual(['https://a.cn/*']);
  });
});

describe('switched on means the exact origin grant', () => {
  // Firefox: the manifest's family patterns become the host permission *://*/*, so `contains`
  // answers true for every origin; only the exact https://host/* grant is the user's switch.
  const firefoxLike = (origins: string[]) => ({
    permissions: { getAll: async () => ({ origins }), contains: async () => true },
  });
  it.each([
    [['*://*/*'], 'https://epaper.example.cn/a/node_1.htm', false],
    [['*://*/*', 'https://epaper.example.cn/*'], 'https://epaper.example.cn/a/node_1.htm', true],
    [['https://epaper.example.cn/*'], 'http://epaper.example.cn/a/node_1.htm', false],
    [['https://epaper.example.cn/*'], 'https://other.example.cn/a/node_1.htm', false],
    [['https://epaper.example.cn/*'], 'not a url', false],
  ])('granted %j: %s → %s', async (origins, url, on) => {
    expect(await isSwitchedOn(firefoxLike(origins) as never, url)).toBe(on);
  });
});
