// issue.html?url=…: 「整期目录」 for the issue that page belongs to. Wiring only.
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { IssuePage, type IssueExport } from '../../components/issue/IssuePage';
import { useIssue } from '../../components/issue/useIssue';
import { ISSUE_CSS } from '../../components/issue/styles';
import { PAGE_CSS, UI_CSS } from '../../components/styles';
import { issueEpub, issueJsonl, issueMarkdownZip, issueTitle } from '../../lib/export/issue';
import { safeFileName } from '../../lib/export/filenames';
import { backgroundFetch, messageCache } from '../../lib/extension/kit/background-io';
import { createPageSource } from '../../lib/extension/kit/page-source';
import { download, pageEnv } from '../../lib/extension/pages/library/download';
import {
  highlightCounts,
  loadReadMarks,
  readMarksKey,
  saveReadMarks,
  sourceFetcher,
} from '../../lib/extension/pages/issue';
import { t } from '../../lib/extension/shared/i18n';
import { htmlToDocument } from '../../lib/extension/shared/parse-html';
import { send } from '../../lib/messaging';
import { readPage } from '../../lib/sites';

const params = new URLSearchParams(location.search);
const url = params.get('url') ?? '';
// The pause between requests: 1 s (lib/issue's polite default) unless the page is opened with
// &delay=MS (the browser test), never below 100 ms.
const delayMs = params.has('delay') ? Math.max(100, Number(params.get('delay')) || 1000) : undefined;
const store = browser.storage.local as unknown as Parameters<typeof loadReadMarks>[0];
const source = createPageSource({
  pageUrl: location.href,
  // An extension page has no newspaper origin of its own: every page comes through the background.
  fetchSameOrigin: async () => ({ ok: false, error: 'no same-origin fetch in an extension page' }),
  fetchOtherOrigin: backgroundFetch(browser.runtime),
  parse: (html, u) => readPage(htmlToDocument(html, u, new DOMParser()), u),
  cache: messageCache(browser.runtime),
});
const fetcher = sourceFetcher(source);
const EXT: Record<IssueExport, [string, string]> = {
  epub: ['epub', 'application/epub+zip'],
  md: ['zip', 'application/zip'],
  jsonl: ['jsonl', 'application/jsonl'],
};

function App() {
  const root = useRef<HTMLDivElement>(null);
  const state = useIssue(url, fetcher, root, { now: () => performance.now(), delayMs });
  const [counts, setCounts] = useState(new Map<string, number>());
  const [read, setRead] = useState(new Set<string>());
  const [open, setOpen] = useState('');
  const toc = state.toc;
  const marksKey = useMemo(() => (toc ? readMarksKey(toc.paper, toc.date) : ''), [toc]);
  useEffect(() => {
    if (!toc) return;
    void loadReadMarks(store, marksKey).then(setRead);
    void highlightCounts(toc.entries, (keys, urls) =>
      send(browser.runtime, { type: 'listForStory', keys, urls }),
    ).then(setCounts);
  }, [toc]);
  const onOpen = (key: string) => {
    setOpen(key);
    if (!key) return;
    // From the latest marks, not this render's: keys may open several articles between renders.
    setRead((prev) => {
      if (prev.has(key)) return prev;
      const next = new Set(prev).add(key);
      void saveReadMarks(store, marksKey, next);
      return next;
    });
  };
  const onExport = (format: IssueExport) => {
    if (!toc) return;
    const today = new Date().toISOString();
    const data =
      format === 'epub'
        ? issueEpub(toc, { modified: today, accessed: today.slice(0, 10) })
        : format === 'md'
          ? issueMarkdownZip(toc, { accessed: today.slice(0, 10), mtime: new Date() })
          : issueJsonl(toc);
    download(pageEnv(), safeFileName(issueTitle(toc), EXT[format][0]), data, EXT[format][1]);
  };
  return (
    <div ref={root}>
      <IssuePage state={state} counts={counts} read={read} open={open} onOpen={onOpen} onExport={onExport} />
    </div>
  );
}

document.title = t('issueHeading');
document.documentElement.lang = browser.i18n.getUILanguage();
const style = document.createElement('style');
style.textContent = UI_CSS + PAGE_CSS + ISSUE_CSS;
document.head.append(style);
document.body.classList.add('ui', 'page');
render(<App />, document.getElementById('app')!);
