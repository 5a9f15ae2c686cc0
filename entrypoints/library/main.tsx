// library.html: wiring only. Reads use the page's own connection to the library database (same
// extension origin; no 50,000-row answers through messages), edits go to the background as
// messages so every open view hears them, backup and restore read/write the database directly.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HandoffBar } from '../../components/handoff/HandoffBar';
import { HANDOFF_CSS } from '../../components/handoff/styles';
import { LibraryPage } from '../../components/library/LibraryPage';
import { LIBRARY_CSS } from '../../components/library/styles';
import { PAGE_CSS, UI_CSS } from '../../components/styles';
import { openLibrary } from '../../lib/db';
import { t } from '../../lib/extension/shared/i18n';
import { DEFAULT_OBSIDIAN, type ObsidianSettings } from '../../lib/handoff/obsidian';
import { selectionLoader } from '../../lib/extension/pages/handoff/loaders';
import { localArea, pageHandoff } from '../../lib/extension/pages/handoff/page';
import { loadObsidianSettings, saveObsidianSettings } from '../../lib/extension/pages/handoff/stores';
import { makeActions } from '../../lib/extension/pages/library/actions';
import { copyText, download, pageEnv } from '../../lib/extension/pages/library/download';
import { DEFAULT_EXPORT, type ExportSettings } from '../../lib/extension/pages/library/exporting';
import { afterNextPaint, LibraryService } from '../../lib/extension/pages/library/listing';
import { loadExportSettings, saveExportSettings } from '../../lib/extension/pages/library/export-settings';
import { makeWriter, type Post } from '../../lib/extension/pages/library/writer';
import { handoffFromQuery } from '../../lib/extension/shared/handoff-link';
import { createHandler, fromOrigin, send } from '../../lib/messaging';
import { SyncSection } from '../../components/library/sync/SyncSection';
import { loadSyncView, syncActions } from '../../lib/extension/pages/library/sync';
import { requestSync, SYNC_KEYS } from '../../lib/extension/shared/sync-settings';

const library = openLibrary();
// The full listing starts after the first screen is painted (lib/extension/pages/library/listing.ts).
const service = new LibraryService(library, undefined, () => afterNextPaint());
const post: Post = (req) => send(browser.runtime, req);
const env = pageEnv();
const actions = makeActions({
  // The page already holds every clip and highlight once listed: read only the articles (lib/extension/pages/library/listing.ts).
  dump: () => service.dump(),
  restore: (data) => library.restore(data),
  download: (name, data, type) => download(env, name, data, type),
  copy: (text) => copyText(navigator.clipboard, text),
  now: () => new Date(),
});
/** Change notices from the background (an edit in the popup or on a page). */
function subscribe(onChange: () => void): () => void {
  const listener = createHandler(
    {
      libraryChanged: () => {
        onChange();
        return { ok: true, value: null };
      },
    },
    { answerUnknown: false, accept: fromOrigin(location.origin) },
  ) as Parameters<typeof browser.runtime.onMessage.addListener>[0];
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

// Sync (docs/sync.md): the background syncs when this page opens; the panel follows its status.
const syncSection = (
  <SyncSection
    {...syncActions({
      storage: browser.storage.local,
      permissions: browser.permissions,
      fetch: (u, i) => fetch(u, i),
      t,
    })}
    load={() => loadSyncView(browser.storage.local)}
    subscribe={(onChange) => {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && (SYNC_KEYS.status in changes || SYNC_KEYS.settings in changes)) onChange();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    }}
  />
);
void requestSync(browser.storage.local);

/** Space above the list: title and search, filters, export bar, handoff bar, bulk bar. */
const CHROME_PX = 226;

const handoff = pageHandoff();

function App({ initial, obsidian }: { initial: ExportSettings; obsidian: ObsidianSettings }) {
  const [settings, setSettings] = useState(initial);
  const [vault, setVault] = useState(obsidian);
  const [height, setHeight] = useState(Math.max(240, innerHeight - CHROME_PX));
  useEffect(() => {
    const resize = () => setHeight(Math.max(240, innerHeight - CHROME_PX));
    addEventListener('resize', resize);
    return () => removeEventListener('resize', resize);
  }, []);
  const params = new URLSearchParams(location.search);
  const { article, focus } = handoffFromQuery(location.search);
  return (
    <LibraryPage
      reader={service}
      writer={makeWriter(post)}
      actions={actions}
      settings={settings}
      onSettings={(s) => {
        setSettings(s);
        void saveExportSettings(browser.storage.local, s);
      }}
      listHeight={height}
      initial={{ query: params.get('q') ?? '', filters: article ? { articleKey: article } : {} }}
      subscribe={subscribe}
      handoff={(keys, articleKey) => (
        <HandoffBar
          handoff={handoff}
          load={selectionLoader(() => service.dump(), keys, articleKey)}
          focus={focus === 'zotero' && articleKey === article ? 'zotero' : undefined}
          settings={vault}
          onSettings={(s) => {
            setVault(s);
            void saveObsidianSettings(localArea(), s);
          }}
        />
      )}
      sync={syncSection}
    />
  );
}

document.title = `${t('libraryTitle')} · ${t('extName')}`;
document.documentElement.lang = browser.i18n.getUILanguage();
const style = document.createElement('style');
style.textContent = UI_CSS + PAGE_CSS + LIBRARY_CSS + HANDOFF_CSS;
document.head.append(style);
document.body.classList.add('ui', 'page');
void Promise.all([
  loadExportSettings(browser.storage.local),
  loadObsidianSettings(localArea()).catch(() => DEFAULT_OBSIDIAN),
]).then(([s, o]) =>
  render(<App initial={s ?? DEFAULT_EXPORT} obsidian={o} />, document.getElementById('app')!),
);
