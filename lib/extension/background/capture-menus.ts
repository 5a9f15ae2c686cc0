/**
 * The background's share of capture: the context-menu entries on a selection (「高亮所选文字」,
 * 「摘录所选段落」), the keyboard commands (Alt+Shift+H, Alt+Shift+C), both turned into a
 * `captureSelection` message to the tab. (The `libraryChanged` notices that make open pages redraw
 * go only to tabs of that article's site: lib/extension/background/notices.ts.)
 */
import { sendToTab, type CaptureAction, type TabsLike } from '../../messaging';
import { CONTENT_MATCHES } from '../shared/site-patterns';

/** Context-menu entries: id → action and the message key of its title. */
export const MENU_ITEMS: ReadonlyArray<{ id: string; action: CaptureAction; title: string }> = [
  { id: 'epaper-highlight', action: 'highlight', title: 'ctxHighlight' },
  { id: 'epaper-clip', action: 'clip', title: 'ctxClip' },
];

/** Manifest command names → action (wxt.config.ts declares the keys). */
export const COMMAND_ACTIONS: Readonly<Record<string, CaptureAction>> = {
  'highlight-selection': 'highlight',
  'clip-selection': 'clip',
};

type Tab = { id?: number };
type Listen<F> = { addListener(fn: F): void };

/** The parts of the `browser` namespace used here (the fake browser in tests). */
export interface CaptureBackgroundApi {
  tabs: TabsLike & { query(q: { active?: boolean; currentWindow?: boolean }): Promise<Tab[]> };
  contextMenus?: {
    removeAll(): Promise<void> | void;
    create(props: { id: string; title: string; contexts: string[]; documentUrlPatterns?: string[] }): unknown;
    update(id: string, props: { documentUrlPatterns: string[] }): Promise<void> | void;
    onClicked: Listen<(info: { menuItemId: string | number; frameId?: number }, tab?: Tab) => void>;
  };
  commands?: { onCommand: Listen<(command: string, tab?: Tab) => void> };
  runtime: { onInstalled: Listen<() => void> };
}

/**
 * Wire menus and commands; `label` translates a message key (browser.i18n); `sites` gives the
 * origin patterns of the sites switched on in the popup, where the content script also runs.
 */
export function setUpCaptureBackground(
  api: CaptureBackgroundApi,
  label: (key: string) => string,
  sites: () => Promise<string[]> = async () => [],
): void {
  const ask = async (tab: Tab | undefined, action: CaptureAction): Promise<void> => {
    const id = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await sendToTab(api.tabs, id, { type: 'captureSelection', action });
  };
  api.runtime.onInstalled.addListener(() => {
    const menus = api.contextMenus;
    if (!menus) return;
    void Promise.all([menus.removeAll(), sites().catch(() => [])]).then(([, on]) => {
      for (const item of MENU_ITEMS)
        menus.create({
          id: item.id,
          title: label(item.title),
          contexts: ['selection'],
          // Only where the content script runs: the built-in e-paper sites and those switched on.
          documentUrlPatterns: [...CONTENT_MATCHES, ...on],
        });
    });
  });
  api.contextMenus?.onClicked.addListener((info, tab) => {
    const item = MENU_ITEMS.find((m) => m.id === info.menuItemId);
    if (item) void ask(tab, item.action);
  });
  api.commands?.onCommand.addListener((command, tab) => {
    const action = COMMAND_ACTIONS[command];
    if (action) void ask(tab, action);
  });
}

/**
 * After a site is switched on or off: the entries show on exactly the pages the content script
 * runs on. An update before the entries exist (first install) fails harmlessly: they are then
 * created with the same patterns.
 */
export async function setMenuSites(api: CaptureBackgroundApi, sites: readonly string[]): Promise<void> {
  const menus = api.contextMenus;
  if (!menus) return;
  await Promise.all(
    MENU_ITEMS.map(async (item) => {
      try {
        await menus.update(item.id, { documentUrlPatterns: [...CONTENT_MATCHES, ...sites] });
      } catch {
        // not created yet
      }
    }),
  );
}
