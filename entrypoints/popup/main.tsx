// popup.html: wiring only. The tab's URL comes from activeTab (or ?url=… when opened as a page, e.g. in tests).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { PAGE_CSS, UI_CSS } from '../../components/styles';
import { t } from '../../lib/extension/i18n';
import { siteState, switchSite, type SwitchApi } from '../../lib/extension/site-switch';

async function tabUrl(): Promise<string> {
  const fromQuery = new URLSearchParams(location.search).get('url');
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.url ?? '';
}

const api = browser as unknown as SwitchApi;
document.title = t('extName');
document.documentElement.lang = browser.i18n.getUILanguage();
const style = document.createElement('style');
style.textContent = UI_CSS + PAGE_CSS;
document.head.append(style);
document.body.classList.add('ui');
void tabUrl().then((url) =>
  render(
    <Popup
      url={url}
      getState={(u) => siteState(api, u)}
      setState={(u, on) => switchSite(api, u, on)}
      openReader={() => void browser.tabs.create({ url: browser.runtime.getURL('/reader.html') })}
    />,
    document.getElementById('app')!,
  ),
);
