// popup.html: wiring only. The tab's URL comes from activeTab (or ?url=… when opened as a page, e.g. in tests).
// The library part reads the database directly (extension origin) and edits through the background.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { PdfLink } from '../../components/pdf/PdfLink';
import { pagePdf, pdfLinksInPage, readerPdfPath } from '../../lib/extension/pages/pdf-link';
import { PopupHandoff } from '../../components/handoff/PopupHandoff';
import { HANDOFF_CSS } from '../../components/handoff/styles';
import { POPUP_LIBRARY_CSS } from '../../components/library/styles';
import { PopupLibrary, RECENT } from '../../components/popup/PopupLibrary';
import { PAGE_CSS, UI_CSS } from '../../components/styles';
import { openLibrary } from '../../lib/db';
import { t } from '../../lib/extension/shared/i18n';
import { DEFAULT_OBSIDIAN } from '../../lib/handoff/obsidian';
import { localArea, pageHandoff } from '../../lib/extension/pages/handoff/page';
import { loadObsidianSettings, saveObsidianSettings } from '../../lib/extension/pages/handoff/stores';
import { makeWriter } from '../../lib/extension/pages/library/writer';
import { documentHtml, reportTab } from '../../lib/extension/pages/report';
import { htmlToDocument } from '../../lib/extension/shared/parse-html';
import { CONTENT_JS, siteState, switchSite, type SwitchApi } from '../../lib/extension/shared/site-switch';
import { isContentUrl } from '../../lib/extension/shared/site-patterns';
import { createHandler, fromOrigin, send, sendToTab } from '../../lib/messaging';
import { requestSync } from '../../lib/extension/shared/sync-settings';

async function currentTab(): Promise<{ url: string; id?: number }> {
  const params = new URLSearchParams(location.search);
  const fromQuery = params.get('url');
  if (fromQuery) return { url: fromQuery, id: params.has('tab') ? Number(params.get('tab')) : undefined };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return { url: tab?.url ?? '', id: tab?.id };
}

/** The report's browser services: the tab's HTML under activeTab, DOMParser, a download link. */
function reportIo(tabId: number | undefined) {
  return {
    tabHtml: async () => {
      if (tabId === undefined) return '';
      const [result] = await browser.scripting.executeScript({ target: { tabId }, func: documentHtml });
      return typeof result?.result === 'string' ? result.result : '';
    },
    parse: (html: string, u: string) => htmlToDocument(html, u, new DOMParser()),
    save: async (file: { name: string; text: string }) => {
      const href = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
      const a = Object.assign(document.createElement('a'), { href, download: file.name });
      a.click();
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    },
    now: () => new Date().toISOString(),
    made: `extension ${browser.runtime.getManifest().version}`,
  };
}

function subscribe(onChange: () => void): () => void {
  const listener = createHandler(
    { libraryChanged: () => (onChange(), { ok: true, value: null }) },
    { answerUnknown: false, accept: fromOrigin(location.origin) },
  ) as Parameters<typeof browser.runtime.onMessage.addListener>[0];
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

const api = browser as unknown as SwitchApi;
const library = openLibrary();
// Opens the database and reads the recent clips while the tab is looked up and the page set up.
const recentStarted = library.recentClips(RECENT);
const writer = makeWriter((req) => send(browser.runtime, req));
// Opening the popup asks the background for a sync (docs/sync.md); nothing here waits for it.
void requestSync(browser.storage.local);
document.title = t('extName');
document.documentElement.lang = browser.i18n.getUILanguage();
const style = document.createElement('style');
style.textContent = UI_CSS + PAGE_CSS + POPUP_LIBRARY_CSS + HANDOFF_CSS;
document.head.append(style);
document.body.classList.add('ui');
void currentTab().then(({ url, id }) =>
  render(
    <Popup
      url={url}
      getState={(u) => siteState(api, u)}
      setState={async (u, on) => {
        const r = await switchSite(api, u, on);
        // Switched on: read the open page now too (later loads get the registered script).
        if (r.ok && r.value === 'on' && id !== undefined) {
          await browser.scripting
            .executeScript({
              target: { tabId: id },
              files: [`/${CONTENT_JS}` as '/content-scripts/content.js'],
            })
            .catch(() => undefined);
        }
        return r;
      }}
      openReader={() => void browser.tabs.create({ url: browser.runtime.getURL('/reader.html') })}
      openIssue={
        isContentUrl(url)
          ? () =>
              void browser.tabs.create({
                url:
                  (browser.runtime.getURL as (path: string) => string)('/issue.html') +
                  `?url=${encodeURIComponent(url)}`,
              })
          : undefined
      }
      reportPage={() => reportTab(url, reportIo(id))}
    >
      <PdfLink
        find={async () =>
          id === undefined
            ? ''
            : pagePdf(
                (await browser.scripting.executeScript({ target: { tabId: id }, func: pdfLinksInPage }))[0]
                  ?.result,
              )
        }
        open={(pdf) => {
          // reader.html fetches the PDF and this layout page (its image map cuts the PDF): ask for
          // their sites now, in the click (a user gesture).
          const page = /^https?:\/\//i.test(url) ? url : '';
          const origins = [...new Set([pdf, page].filter(Boolean).map((u) => `${new URL(u).origin}/*`))];
          void browser.permissions
            .request({ origins })
            .catch(() => false)
            .finally(() =>
              browser.tabs.create({
                url: (browser.runtime.getURL as (p: string) => string)(readerPdfPath(pdf, page)),
              }),
            );
        }}
      />
      <PopupLibrary
        url={url}
        reader={library}
        writer={writer}
        jump={(hid) =>
          id === undefined
            ? Promise.resolve({ ok: false, error: 'no tab' })
            : sendToTab(browser.tabs, id, { type: 'jumpToHighlight', id: hid })
        }
        openLibrary={(key) =>
          void browser.tabs.create({
            url:
              (browser.runtime.getURL as (path: string) => string)('/library.html') +
              (key ? `?article=${encodeURIComponent(key)}` : ''),
          })
        }
        subscribe={subscribe}
        recentStarted={recentStarted}
      />
      <PopupHandoff
        url={url}
        handoff={pageHandoff()}
        findArticleByUrl={(u) => library.findArticleByUrl(u)}
        listForArticle={(k) => library.listForArticle(k)}
        loadSettings={() => loadObsidianSettings(localArea()).catch(() => DEFAULT_OBSIDIAN)}
        saveSettings={(s) => void saveObsidianSettings(localArea(), s)}
      />
    </Popup>,
    document.getElementById('app')!,
  ),
);
