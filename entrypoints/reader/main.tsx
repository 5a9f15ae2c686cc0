// reader.html: the page-text mode (paste or drop printed pages). Wiring only.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PasteReader } from '../../components/PasteReader';
import { PAGE_CSS, UI_CSS } from '../../components/styles';
import { t } from '../../lib/extension/shared/i18n';
import { readSheets } from '../../lib/extension/pages/paste';
import { startPasteCapture } from '../../lib/extension/pages/paste-capture';
import { send } from '../../lib/messaging';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  type ReaderSettings,
} from '../../lib/extension/shared/reader-settings';
import { readText } from '../../lib/sites';
import { stitchPages } from '../../lib/stitch';

const capture = startPasteCapture(document, {
  send: (req) => send(browser.runtime, req),
  clipboard: (text) =>
    navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    ),
});

function App({ initial }: { initial: ReaderSettings }) {
  const [settings, setSettings] = useState(initial);
  return (
    <PasteReader
      read={(sheets) => readSheets(sheets, readText, (pages) => stitchPages(pages))}
      settings={settings}
      onShown={capture.shown}
      onSettings={(s) => {
        setSettings(s);
        void saveSettings(browser.storage.local, s);
      }}
    />
  );
}

document.title = t('extName');
document.documentElement.lang = browser.i18n.getUILanguage();
const style = document.createElement('style');
style.textContent = UI_CSS + PAGE_CSS;
document.head.append(style);
document.body.classList.add('ui', 'page');
void loadSettings(browser.storage.local).then((s) =>
  render(<App initial={s ?? DEFAULT_SETTINGS} />, document.getElementById('app')!),
);
