/**
 * The stated orders of trust (lib/sites/common/facts.ts, address.ts, kind.ts), row by row over the
 * exact strings real pages print, and the order itself: a more trusted place wins when both speak.
 */
import { describe, expect, it } from 'vitest';
import { pageAddress } from '../../lib/sites/common/address';
import {
  DATE_ROWS,
  firstFact,
  LABEL_ROWS,
  NAME_ROWS,
  PAPER_ROWS,
  type FactContext,
} from '../../lib/sites/common/facts';
import { pageKind } from '../../lib/sites/common/kind';
import { readTrailer } from '../../lib/sites/common/trailer';
import { readPageFull, readPageTraced } from '../../lib/sites/full';
import { FOUNDER_CLASSIC_URLS } from '../../lib/sites/urls';
import { docFromHtml } from '../helpers/dom';

const GMRB_TITLE =
  '2018年01月04日 星期四_光明日报_第06版:学习贯彻习近平新时代中国特色社会主义思想特刊·第四十七期_光明网';
const BJRB_SOURCE = '来源： 北京日报 2019年01月07日 版次： 14 作者：';

/** A context with nothing in it but what the row under test reads. */
function ctx(over: Partial<FactContext> = {}): FactContext {
  return {
    url: 'file:///home/reader/page.html',
    trailer: new Map(),
    pageLinks: [],
    self: undefined,
    heading: '',
    source: '',
    dateLine: '',
    title: '',
    description: '',
    label: '',
    ...over,
  };
}

describe('page label (版次)', () => {
  it.each([
    ['<title>', { title: GMRB_TITLE }, '6'],
    [
      'meta description',
      { description: '光明日报_第06版:学习贯彻习近平新时代中国特色社会主义思想特刊·第四十七期' },
      '6',
    ],
    ['source line', { source: BJRB_SOURCE }, '14'],
    ['source line', { source: '《 人民日报 》（ 2017年10月16日 01 版）' }, '1'],
    ['page heading', { heading: '第06版:学习贯彻习近平新时代中国特色社会主义思想特刊·第四十七期' }, '6'],
    ['trailer', { trailer: new Map([['pagenum', 'A01']]) }, 'A1'],
    ['URL', { url: 'http://epaper.gmw.cn/gmrb/html/2018-01/04/nbs.D110000gmrb_06.htm' }, '6'],
    ['URL', { url: 'http://epaper.gmw.cn/gmrb/html/2018-01/04/nw.D110000gmrb_20180104_2-06.htm' }, '6'],
  ])('%s: %j → %s', (from, over, label) => {
    expect(firstFact(LABEL_ROWS, ctx(over))).toEqual({ value: label, from });
  });

  it('the trailer beats the title, the title beats the URL', () => {
    const c = ctx({
      trailer: new Map([['pagenum', '11']]),
      title: GMRB_TITLE,
      url: 'http://x.cn/html/2018-01/04/nbs.D110000gmrb_03.htm',
    });
    expect(firstFact(LABEL_ROWS, c).value).toBe('11');
    expect(firstFact(LABEL_ROWS, { ...c, trailer: new Map() }).value).toBe('6');
  });
});

describe('page name (版名)', () => {
  it.each([
    ['<title>', { title: GMRB_TITLE }, '学习贯彻习近平新时代中国特色社会主义思想特刊·第四十七期'],
    ['page heading', { heading: '第02版：综 合' }, '综合'],
    [
      'the one page list entry of this page label',
      { label: '11', pageLinks: [{ label: '11', name: '理论周刊', href: 'http://paper.ce.cn/node_12.htm' }] },
      '理论周刊',
    ],
  ])('%s → %s', (from, over, name) => {
    expect(firstFact(NAME_ROWS, ctx(over as Partial<FactContext>))).toEqual({ value: name, from });
  });

  it('two list entries with the same label name no page', () => {
    const links = [
      { label: '1', name: '要闻', href: 'http://a/node_1.htm' },
      { label: '1', name: '今日关注', href: 'http://a/node_9.htm' },
    ];
    expect(firstFact(NAME_ROWS, ctx({ label: '1', pageLinks: links })).value).toBe('');
  });
});

describe('date and paper', () => {
  it.each([
    ['trailer', { trailer: new Map([['date', '2012-01-06 23:59:49']]) }, '2012-01-06'],
    ['source line', { source: BJRB_SOURCE }, '2019-01-07'],
    ['page date line', { dateLine: '2018年01月04日 星期四' }, '2018-01-04'],
    ['<title>', { title: GMRB_TITLE }, '2018-01-04'],
    ['URL', { url: 'http://bjrb.bjd.com.cn/html/2019-01/07/content_571502.htm' }, '2019-01-07'],
  ])('date from %s', (from, over, date) => {
    expect(firstFact(DATE_ROWS, ctx(over))).toEqual({ value: date, from });
  });

  it.each([
    ['trailer', { trailer: new Map([['papername', '经济日报']]) }, '经济日报'],
    ['source line', { source: BJRB_SOURCE }, '北京日报'],
    ['<title>', { title: GMRB_TITLE }, '光明日报'],
  ])('paper from %s', (from, over, paper) => {
    expect(firstFact(PAPER_ROWS, ctx(over))).toEqual({ value: paper, from });
  });
});

describe('the address of a saved page', () => {
  const NW = 'http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm';
  it.each([
    ['saved from url', `<!-- saved from url=(0070)${NW} --><html><head></head></html>`],
    ['trailer <url>', `<html><body><!--enpproperty <url>${NW}</url>/enpproperty--></body></html>`],
    ['link rel=canonical', `<html><head><link rel="canonical" href="${NW}"></head></html>`],
    ['og:url', `<html><head><meta property="og:url" content="${NW}"></head></html>`],
  ])('%s', (from, html) => {
    expect(pageAddress(docFromHtml(html, 'file:///tmp/a.html'))).toEqual({ url: NW, from });
  });

  it('the browser’s mark beats what the page says of itself', () => {
    const html = `<!-- saved from url=(0070)${NW} --><html><head><link rel="canonical" href="http://other.cn/a.htm"></head></html>`;
    expect(pageAddress(docFromHtml(html, 'file:///tmp/a.html')).url).toBe(NW);
  });

  it.each(['javascript:alert(1)', 'ftp://x.cn/a.htm', '', '   '])('%j is no address', (href) => {
    const doc = docFromHtml(
      `<html><head><link rel="canonical" href="${href}"></head></html>`,
      'file:///tmp/a.html',
    );
    expect(pageAddress(doc)).toEqual({ url: '', from: '' });
  });

  it('a saved page is read under its address: URL, article URL and date', () => {
    const html = `<html><head><link rel="canonical" href="${NW}"></head><body><div class="text_c"><h1>标题</h1>
      <div id="ozoom"><founder-content><p>　　正文第一段，说了一件事。</p></founder-content></div></div></body></html>`;
    const page = readPageFull(docFromHtml(html, 'file:///tmp/a.html'), 'file:///tmp/a.html');
    expect([page.url, page.adapter, page.kind, page.date, page.label]).toEqual([
      NW,
      'founder-nbs',
      'article',
      '2017-10-16',
      '1',
    ]);
    expect(page.articles[0].urls).toEqual([NW]);
  });

  it('a page’s own web URL is never replaced', () => {
    const url = 'http://x.cn/html/2017-10/16/content_1.htm';
    const html = `<html><head><link rel="canonical" href="${NW}"></head><body><founder-content><p>　　正文。</p></founder-content></body></html>`;
    expect(readPageFull(docFromHtml(html, url), url).url).toBe(url);
  });
});

describe('kind of page', () => {
  const kindOf = (html: string, path = '/tmp/page.html') => {
    const doc = docFromHtml(html, `file://${path}`);
    return pageKind({ path, urls: FOUNDER_CLASSIC_URLS, trailer: readTrailer(doc), doc });
  };
  const MAP = '<map name="PagePicMap"><area shape="rect" coords="1,1,9,9" href="content_1.htm"></map>';
  const BODY = `<founder-content><p>　　${'正文很长，'.repeat(30)}</p></founder-content>`;
  it.each([
    ['layout URL', MAP + BODY, '/html/2019-01/07/node_106.htm', 'layout'],
    ['article URL', MAP, '/html/2019-01/07/content_571502.htm', 'article'],
    [
      'trailer type',
      `${MAP}<!--enpproperty <founder-type>1</founder-type>/enpproperty-->`,
      undefined,
      'article',
    ],
    [
      'trailer type',
      `${BODY}<!--enpproperty <founder-type>2</founder-type>/enpproperty-->`,
      undefined,
      'layout',
    ],
    ['article body', MAP + BODY, undefined, 'article'],
    ['image map or page list', MAP + '<founder-content></founder-content>', undefined, 'layout'],
    [
      'image map or page list',
      `${MAP}<div id="titleList"><ul><li><a href="content_1.htm">标题</a><p>${'摘要很长，'.repeat(30)}</p></li></ul></div>`,
      undefined,
      'layout',
    ],
    ['default', '<p>短文。</p>', undefined, 'article'],
  ])('%s', (rule, html, path, kind) => {
    expect(kindOf(`<html><body>${html}</body></html>`, path)).toEqual({ kind, rule });
  });

  it('a Founder article page without <founder-content> and without its URL is read by Founder classic', () => {
    const html = `<html><body><map name="newbook"><area coords="1,1,9,1,9,9" shape="polygon" href="./content_571502.htm"></map>
      <div class="article"><h1> 标题 </h1><div class="info"><span>来源： 北京日报 </span><span> 2019年01月07日 </span><span>版次： 14 </span></div>
      <div class="text"><p>&nbsp;&nbsp;&nbsp;&nbsp;${'正文很长，'.repeat(30)}。</p></div></div>
      <!--enpproperty <founder-type>1</founder-type><founder-title>标题</founder-title>/enpproperty--></body></html>`;
    const { page, trace } = readPageTraced(docFromHtml(html, 'file:///tmp/p.html'), 'file:///tmp/p.html');
    expect([page.adapter, page.kind, page.paper, page.date, page.label]).toEqual([
      'founder-classic',
      'article',
      '北京日报',
      '2019-01-07',
      '14',
    ]);
    expect(trace.date).toBe('source line');
    expect(page.articles[0].paragraphs.length).toBe(1);
  });
});
