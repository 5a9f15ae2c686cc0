/** The background's share: context-menu entries and keyboard commands become captureSelection messages; notices reach every tab. */
import { describe, expect, it } from 'vitest';
import {
  COMMAND_ACTIONS,
  MENU_ITEMS,
  setMenuSites,
  setUpCaptureBackground,
  type CaptureBackgroundApi,
} from '../../../lib/extension/background/capture-menus';
import { CONTENT_MATCHES } from '../../../lib/extension/shared/site-patterns';

function fakeApi(tabIds: number[] = [7]) {
  const sentTo: Array<[number, unknown]> = [];
  const menus: Array<Record<string, unknown>> = [];
  const on: Record<string, (...a: never[]) => void> = {};
  const api: CaptureBackgroundApi = {
    tabs: {
      query: async () => tabIds.map((id) => ({ id })),
      sendMessage: async (id, m) => {
        sentTo.push([id, m]);
        // Tab 9 has no content script: Chromium rejects.
        if (id === 9) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, value: null };
      },
    },
    contextMenus: {
      removeAll: async () => void menus.splice(0),
      create: (p) => menus.push(p),
      update: async (id, p) => {
        const m = menus.find((x) => x.id === id);
        if (!m) throw new Error(`Cannot find menu item with id ${id}`);
        Object.assign(m, p);
      },
      onClicked: { addListener: (fn) => (on.menu = fn as never) },
    },
    commands: { onCommand: { addListener: (fn) => (on.command = fn as never) } },
    runtime: { onInstalled: { addListener: (fn) => (on.installed = fn as never) } },
  };
  return { api, sentTo, menus, on };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('capture in the background', () => {
  it('creates the two selection entries on install, on e-paper pages only, with translated titles', async () => {
    const { api, menus, on } = fakeApi();
    setUpCaptureBackground(api, (k) => `«${k}»`);
    (on.installed as () => void)();
    await flush();
    expect(menus.map((m) => [m.id, m.title, m.contexts])).toEqual([
      ['epaper-highlight', '«ctxHighlight»', ['selection']],
      ['epaper-clip', '«ctxClip»', ['selection']],
    ]);
    expect(menus[0].documentUrlPatterns).toEqual([...CONTENT_MATCHES]);
  });

  it('also shows them on sites switched on, at install and whenever a site is switched on or off', async () => {
    const { api, menus, on } = fakeApi();
    const site = 'https://epaper.example.cn/*';
    setUpCaptureBackground(
      api,
      (k) => k,
      async () => [site],
    );
    await setMenuSites(api, ['https://other.example/*']); // before install: nothing to update, no throw
    (on.installed as () => void)();
    await flush();
    expect(menus.map((m) => m.documentUrlPatterns)).toEqual([
      [...CONTENT_MATCHES, site],
      [...CONTENT_MATCHES, site],
    ]);
    await setMenuSites(api, []);
    expect(menus.map((m) => m.documentUrlPatterns)).toEqual([[...CONTENT_MATCHES], [...CONTENT_MATCHES]]);
  });

  it.each(MENU_ITEMS.map((m) => [m.id, m.action] as const))(
    'menu %s asks the tab to %s',
    async (id, action) => {
      const { api, sentTo, on } = fakeApi();
      setUpCaptureBackground(api, (k) => k);
      (on.menu as (i: unknown, t: unknown) => void)({ menuItemId: id }, { id: 42 });
      await flush();
      expect(sentTo).toEqual([[42, { type: 'captureSelection', action }]]);
    },
  );

  it.each(Object.entries(COMMAND_ACTIONS))(
    'command %s asks the active tab to %s',
    async (command, action) => {
      const { api, sentTo, on } = fakeApi([5]);
      setUpCaptureBackground(api, (k) => k);
      (on.command as (c: string, t?: unknown) => void)(command); // no tab given: the active one
      await flush();
      expect(sentTo).toEqual([[5, { type: 'captureSelection', action }]]);
    },
  );
});
