// @vitest-environment happy-dom
/**
 * 「这一页读得不对」 in the popup: reportTab reads the tab's HTML with the same readers as the CLI and
 * saves one file; the button says where it went, or why nothing was saved, in both languages.
 */
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReportButton } from '../../components/popup/ReportButton';
import { Popup } from '../../components/Popup';
import type { ReportFile } from '../../lib/export/report';
import { reportTab, type ReportIo, type ReportResult } from '../../lib/extension/pages/report';
import { docFromHtml } from '../helpers/dom';
import { HAVE_SHARED, NO_SHARED, sharedText } from '../helpers/shared';
import { useLocale } from './helpers';

const tick = () => new Promise((r) => setTimeout(r, 30));
const BJRB_URL = 'http://bjrb.bjd.com.cn/html/2019-01/07/content_571502.htm';

/** A fake browser for the report: the tab's HTML, a happy-dom parser, and a list of saved files. */
function fakeIo(html: string | Error, saveFails = false): ReportIo & { saved: ReportFile[] } {
  const saved: ReportFile[] = [];
  return {
    saved,
    tabHtml: async () => {
      if (html instanceof Error) throw html;
      return html;
    },
    parse: (h, url) => docFromHtml(h, url),
    save: async (file) => {
      if (saveFails) throw new Error('download refused');
      saved.push(file);
    },
    now: () => '2026-12-04T18:30:00.000Z',
    made: 'extension test',
  };
}

describe.skipIf(!HAVE_SHARED)(`reportTab on the 北京日报 page ${HAVE_SHARED ? '' : NO_SHARED}`, () => {
  it('saves one file with the URL, the adapter, how it read, what it read and the HTML', async () => {
    const html = sharedText('real/bjrb-2019/article-2019-01-07-571502.html');
    const io = fakeIo(html);
    const r = await reportTab(BJRB_URL, io);
    expect(r).toEqual({ ok: true, value: { name: 'epaper-report-bjrb.bjd.com.cn-20261204183000.json' } });
    expect(io.saved).toHaveLength(1);
    const report = JSON.parse(io.saved[0].text);
    expect([report.url, report.adapter, report.made, report.trace.kind]).toEqual([
      BJRB_URL,
      'founder-classic',
      'extension test',
      'article (article URL)',
    ]);
    expect([report.read.label, report.read.date, report.read.articles[0].title]).toEqual([
      '14',
      '2019-01-07',
      '2018年理论学术研究观点要览(上)',
    ]);
    expect(report.html).toBe(html);
  });
});

describe('reportTab refuses plainly', () => {
  it.each([
    ['chrome://extensions/', fakeIo('<html></html>'), 'no-page'],
    ['https://x.cn/a.htm', fakeIo(new Error('Cannot access contents of the page')), 'no-access'],
    ['https://x.cn/a.htm', fakeIo(''), 'no-access'],
    ['https://x.cn/a.htm', fakeIo('<html><body><p>正文。</p></body></html>', true), 'not-saved'],
  ])('%s → %s', async (url, io, error) => {
    expect(await reportTab(url, io)).toEqual({ ok: false, error });
    expect(io.saved).toEqual([]);
  });
});

async function press(result: ReportResult, lang: 'zh_CN' | 'en') {
  useLocale(lang);
  const root = document.createElement('div');
  document.body.append(root);
  render(<ReportButton report={async () => result} />, root);
  const button = root.querySelector<HTMLButtonElement>('[data-testid="report-page"]')!;
  const label = button.textContent;
  button.click();
  await tick();
  return { label, said: root.querySelector('[data-testid="report-said"]')?.textContent };
}

describe('the button', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it.each([
    [
      'zh_CN',
      { ok: true, value: { name: 'r.json' } },
      '这一页读得不对',
      '已将 r.json 保存到下载文件夹。请把它附在报告里，并说明哪里读得不对：文件里有页面地址、读出的内容和页面的 HTML。',
    ],
    [
      'en',
      { ok: true, value: { name: 'r.json' } },
      'This page reads wrong',
      "Saved r.json to your downloads. Attach it to your report and say what reads wrong: it holds the page's address, what was read and the page's HTML.",
    ],
    [
      'zh_CN',
      { ok: false, error: 'no-access' },
      '这一页读得不对',
      '读不到这个标签页。请在该页面上重新打开弹出窗口再试。',
    ],
    [
      'en',
      { ok: false, error: 'not-saved' },
      'This page reads wrong',
      'The report could not be saved. Check where the browser saves downloads and retry.',
    ],
    ['en', { ok: false, error: 'no-page' }, 'This page reads wrong', 'Only a web page can be reported.'],
  ] as const)('%s %j', async (lang, result, label, said) => {
    expect(await press(result as ReportResult, lang)).toEqual({ label, said });
  });

  it('the popup shows it for a web page only', async () => {
    useLocale('zh_CN');
    const show = async (url: string) => {
      const root = document.createElement('div');
      document.body.append(root);
      render(
        <Popup
          url={url}
          getState={async () => 'off'}
          setState={async () => ({ ok: true, value: 'off' })}
          openReader={() => undefined}
          reportPage={async () => ({ ok: false, error: 'no-page' })}
        />,
        root,
      );
      await tick();
      return !!root.querySelector('[data-testid="report-page"]');
    };
    expect(await show('http://bjrb.bjd.com.cn/html/2019-01/07/content_571502.htm')).toBe(true);
    expect(await show('chrome://newtab/')).toBe(false);
  });
});
