/** The popup: the site switch for the current tab and a way into the page-text reader. */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/extension/shared/i18n';
import type { Result } from '../lib/model';
import type { SiteState } from '../lib/extension/shared/site-switch';
import type { ReportResult } from '../lib/extension/pages/report';
import { ReportButton } from './popup/ReportButton';
import { SiteSwitch } from './SiteSwitch';

export interface PopupProps {
  /** The tab's URL ('' when unknown). */
  url: string;
  getState: (url: string) => Promise<SiteState>;
  setState: (url: string, on: boolean) => Promise<Result<SiteState>>;
  openReader: () => void;
  /** Open 「整期目录」 for the tab's e-paper page; absent when the tab is no e-paper page. */
  openIssue?: () => void;
  /** Save the 「这一页读得不对」 report of the tab; no button when absent. */
  reportPage?: () => Promise<ReportResult>;
  /** The library part (components/popup/PopupLibrary), shown under the title. */
  children?: ComponentChildren;
}

/** State is read once on open; a switch press asks, then shows what the browser decided. */
export function Popup(props: PopupProps): JSX.Element {
  const [state, setState] = useState<SiteState>('off');
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState('');
  useEffect(() => {
    void props.getState(props.url).then((s) => {
      setState(s);
      setBusy(false);
    });
  }, [props.url]);
  // The permission covers the whole host (every port), so show the host name only; nothing for chrome:// etc.
  const host = /^https?:/.test(props.url) ? new URL(props.url).hostname : '';
  const change = async (on: boolean): Promise<void> => {
    setBusy(true);
    const r = await props.setState(props.url, on);
    if (r.ok) {
      setState(r.value);
      setError('');
    } else {
      setError(r.error === 'denied' ? t('siteDenied') : r.error);
      setState(await props.getState(props.url));
    }
    setBusy(false);
  };
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {props.children}
      <SiteSwitch host={host} state={state} busy={busy} error={error} onChange={(on) => void change(on)} />
      {props.openIssue && (
        <button type="button" data-testid="open-issue" onClick={props.openIssue}>
          {t('popupIssue')}
        </button>
      )}
      <button type="button" data-testid="open-reader" onClick={props.openReader}>
        {t('openReader')}
      </button>
      {props.reportPage && /^https?:/.test(props.url) && <ReportButton report={props.reportPage} />}
    </main>
  );
}
