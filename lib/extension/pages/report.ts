/**
 * 「这一页读得不对」 from the popup: the active tab's HTML (asked of the tab under `activeTab`, since the
 * content script has no bytes to spare), read here in the extension page by the same readers as the
 * CLI (readPageTraced), and saved as the one report file of lib/export/report.ts. The browser
 * services come in as `io`, so the flow is tested without a browser.
 */
import { pageReport, type ReportFile } from '../../export/report';
import { readPageTraced } from '../../sites/full';

/** Why no report was saved: each has a message in _locales (reportNoPage, reportNoAccess, reportNotSaved). */
export type ReportError = 'no-page' | 'no-access' | 'not-saved';

/** The saved file's name, or why nothing was saved. */
export type ReportResult = { ok: true; value: { name: string } } | { ok: false; error: ReportError };

/** What the report flow needs from the browser. */
export interface ReportIo {
  /** The tab's HTML as it is now (scripting.executeScript in the tab). */
  tabHtml(): Promise<string>;
  /** HTML → an inert Document (DOMParser in the popup). */
  parse(html: string, url: string): Document;
  /** Save the file where the user keeps downloads. */
  save(file: ReportFile): Promise<void>;
  /** ISO time now. */
  now(): string;
  /** 'extension 0.1.0 (chrome)'. */
  made: string;
}

/** Read the tab's page and save its report; the file's name, or why not. Never throws. */
export async function reportTab(url: string, io: ReportIo): Promise<ReportResult> {
  if (!/^https?:\/\//i.test(url)) return { ok: false, error: 'no-page' };
  let html: string;
  try {
    html = await io.tabHtml();
  } catch {
    return { ok: false, error: 'no-access' };
  }
  if (!html) return { ok: false, error: 'no-access' };
  const { page, trace } = readPageTraced(io.parse(html, url), url);
  const file = pageReport({ url, html, page, trace: { ...trace }, made: io.made, now: io.now() });
  try {
    await io.save(file);
  } catch {
    return { ok: false, error: 'not-saved' };
  }
  return { ok: true, value: { name: file.name } };
}

/** The page's HTML with its doctype, as the tab holds it; runs in the tab, so it uses nothing outside. */
export function documentHtml(): string {
  const d = document.doctype;
  return (d ? `<!DOCTYPE ${d.name}>\n` : '') + document.documentElement.outerHTML;
}
