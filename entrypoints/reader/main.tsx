// reader.html: the page-text mode (paste or drop printed pages) and the PDF mode. Wiring only.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PasteReader } from '../../components/PasteReader';
import { PdfReader } from '../../components/pdf/PdfReader';
import { backgroundFetch, messageCache } from '../../lib/extension/kit/background-io';
import { createPageSource } from '../../lib/extension/kit/page-source';
import { sourceFetcher } from '../../lib/extension/pages/issue';
import { browserPdfJs, fetchLinkedPdf, PDF_WORKER_PATH, readPdfFiles } from '../../lib/extension/pages/pdf';
import { linkedPdf } from '../../lib/extension/pages/pdf-layout';
import { htmlToDocument } from '../../lib/extension/shared/parse-html';
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
import { readPage, readText } from '../../lib/sites';
import { stitchPages } from '../../lib/stitch';

// WXT types getURL over public/ only; pdf.js's worker and CMaps are copied in at build time (wxt.config.ts).
const extensionUrl = browser.runtime.getURL as (path: string) => string;

// ?page=LAYOUT_URL (the layout page a PDF was opened from) comes as issue.html's pages do: the page
// cache, else the background's fetchPage for the site's granted origin.
const layouts = sourceFetcher(
  createPageSource({
    pageUrl: location.href,
    fetchSameOrigin: async () => ({ ok: false, error: 'no same-origin fetch in an extension page' }),
    fetchOtherOrigin: backgroundFetch(browser.runtime),
    parse: (html, u) => readPage(htmlToDocument(html, u, new DOMParser()), u),
    cache: messageCache(browser.runtime),
  }),
);

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
  const onSettings = (s: ReaderSettings) => {
    setSettings(s);
    void saveSettings(browser.storage.local, s);
  };
  const params = new URLSearchParams(location.search);
  const linked = params.get('pdf');
  const layoutUrl = params.get('page') ?? '';
  const pdfjs = () => browserPdfJs(extensionUrl(PDF_WORKER_PATH));
  return (
    <>
      <PasteReader
        read={(sheets) => readSheets(sheets, readText, (pages) => stitchPages(pages))}
        settings={settings}
        onSettings={onSettings}
        onShown={capture.shown}
      />
      <PdfReader
        read={(files) =>
          readPdfFiles(files, {
            pdfjs,
            assetUrl: extensionUrl,
            stitch: (pages) => stitchPages(pages),
          })
        }
        initial={
          linked
            ? () => linkedPdf(linked, layoutUrl, { fetchPdf: (u) => fetchLinkedPdf(u), load: layouts.load })
            : undefined
        }
        settings={settings}
        onSettings={onSettings}
        warm={pdfjs}
      />
    </>
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
