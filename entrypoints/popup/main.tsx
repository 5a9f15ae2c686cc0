// popup.html: wiring only. The tab's URL comes from activeTab (or ?url=… when opened as a page, e.g. in tests).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { PAGE_CSS, UI_CSS } from '../../components/styles';
import { t } from '../../lib/extension/i18n';
import { CONTENT_JS, siteState, switchSite, type SwitchApi } from '../../lib/extension/site-switch';

async function currentTab(): Promise<{ url: string; id?: number }> {
  const fromQuery = new URLSearchParams(location.search).get('url');
  if (fromQuery) return { url: fromQuery };
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return { url: tab?.url ?? '', id: tab?.id };
}

const api = browser as unknown as SwitchApi;
document.title = t('extName');
document.documentElement.lang = browser.i18n.getUILanguage();
const style = document.createElement('style');
style.textContent = UI_CSS + PAGE_CSS;
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
    />,
    document.getElementById('app')!,
  ),
);
