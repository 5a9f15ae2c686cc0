/**
 * The handoff in an extension page (library, popup): the page's fetch, the one host permission,
 * storage.local, the clipboard, the obsidian:// link, and Chromium's folder picker where it exists.
 */
import { browser } from 'wxt/browser';
import { ZOTERO_PERMISSION } from '../../../handoff/zotero-client.ts';
import { copyText } from '../library/download.ts';
import type { DirHandle } from './folder.ts';
import { makeHandoff, type Handoff } from './handoff.ts';
import type { LocalArea } from './stores.ts';

type Picker = (opts: { id?: string; mode?: 'readwrite' }) => Promise<DirHandle>;

/** storage.local as the stores read it. */
export function localArea(): LocalArea {
  return browser.storage.local as unknown as LocalArea;
}

/** The handoff for this page. */
export function pageHandoff(): Handoff {
  const picker = (globalThis as { showDirectoryPicker?: Picker }).showDirectoryPicker;
  return makeHandoff({
    fetch: (input, init) => fetch(input, init),
    requestPermission: () => browser.permissions.request({ origins: [ZOTERO_PERMISSION] }),
    area: localArea(),
    copy: (text) => copyText(navigator.clipboard, text),
    // An <a> click hands the custom scheme to the OS (Chromium asks once whether to open Obsidian).
    openUri: (uri) => {
      const a = document.createElement('a');
      a.href = uri;
      a.style.display = 'none';
      document.body.append(a);
      a.click();
      a.remove();
    },
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    // `id` makes Chromium start in the folder chosen last time.
    pickFolder: picker ? () => picker({ id: 'epaper-obsidian', mode: 'readwrite' }) : undefined,
  });
}
