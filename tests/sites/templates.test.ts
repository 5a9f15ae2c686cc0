/**
 * Article pages of the classic and nbs templates, and the generic fallback. No saved article page of
 * these templates is in the fixtures (the 海南日报 crawler kept only text), so each page below is the
 * template's markup written by hand around text as printed: the 海南日报 continuation's real text
 * (issue-items/2026-07-13/hndaily-20260713-58465-19697268.json), and short strings in the forms
 * domain.md quotes. Markup details follow the published templates (see each adapter's header).
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/sites';
import { docFromHtml, fixtureText } from '../helpers/dom';

const HN_URL = 'http://news.hndaily.cn/html/2026-07/13/content_58465_19697268.htm';

/** The real continuation text, as the crawler saved it: paragraphs separated by blank lines. */
function hainanParagraphs(): string[] {
  const item = JSON.parse(
    fixtureText('real/hainan-daily/issue-items/2026-07-13/hndaily-20260713-58465-19697268.json'),
  );
  return (item.block.content as string).split('\n\n');
}

function classicArticle(paragraphs: string[], extra = ''): string {
  const body = paragraphs.map((p) => `<P>　　${p}</P>`).join('\n');
  return `<html><head><title>海南日报数字报-一枚“海南芯”，让“意念控制”照进现实</title></head><body>
<table><tr><td class="font02"><founder-introtitle></founder-introtitle></td></tr>
<tr><td class="font01"><founder-title>一枚“海南芯”，让“意念控制”照进现实</founder-title></td></tr>
<tr><td class="font02"><founder-subtitle></founder-subtitle></td></tr></table>
<a id=pageLink href=node_58464.htm>第001版：头版</a><a id=pageLink href=node_58465.htm>第002版：要闻</a>
<div id="ozoom"><founder-content>${extra}${body}</founder-content></div>
<a id=pageLink href=node_58464.htm>第001版：头版</a>
</body></html>
<!--enpproperty <founder-date>2026-07-13</founder-date><founder-pagenum>002</founder-pagenum><founder-papername>海南日报</founder-papername><founder-type>1</founder-type> /enpproperty-->`;
}

describe('Founder classic article page (海南日报 template, real text)', () => {
  const paragraphs = hainanParagraphs();
  const page = readPage(docFromHtml(classicArticle(paragraphs), HN_URL), HN_URL);
  const a = page.articles[0];

  it('reads title, paper, date, page and key', () => {
    expect(page.adapter).toBe('founder-classic');
    expect(page.kind).toBe('article');
    expect(a.title).toBe('一枚“海南芯”，让“意念控制”照进现实');
    expect([a.paper, a.date, a.pages]).toEqual(['海南日报', '2026-07-13', ['2']]);
    expect(a.key).toBe('news.hndaily.cn/content_58465_19697268');
    expect(page.pageLinks.map((l) => [l.label, l.name])).toEqual([
      ['1', '头版'],
      ['2', '要闻'],
    ]);
  });

  it('takes the ◀上接A01版 marker out as continuedFrom A1', () => {
    expect(a.continuedFrom).toBe('A1');
    expect(a.continuesTo).toBe('');
    expect(a.paragraphs[0].text).toBe(paragraphs[1]);
    expect(a.paragraphs.some((p) => p.text.includes('上接'))).toBe(false);
  });

  it('keeps every other paragraph as printed: each <P> stays one paragraph, none joined', () => {
    expect(a.paragraphs.map((p) => p.text)).toEqual(paragraphs.slice(1));
    // 「三款芯片，一条链路」 is a crosshead printed as a plain <P> without a full stop; lib/text's
    // form rules do not take a line with 「，」 for a crosshead, so it stays text, but it stays apart.
    expect(a.paragraphs.find((p) => p.text === '三款芯片，一条链路')).toBeDefined();
  });
});

describe('Founder classic article page: bylines, 下转 marker, <br> lines, photo with caption row', () => {
  const html = classicArticle(
    ['本报海口7月12日讯 技术团队一头扎进实验室。', '从实验室到产业圈，这一步跨得并不容易。', '（下转A4版）'],
    `<P>　　■ 海南日报全媒体记者 黄媛艳</P><P>　　通讯员 陈宏</P>
     <table><tr><td><img src="../../../res/1/20260713/chip.jpg"></td></tr><tr><td>128通道采集芯片。 海南日报全媒体记者 王程龙 摄</td></tr></table>
     <P>　　第一行没有结束<br>第二行。<br>　　第三行是新的一段。</P>`,
  );
  const a = readPage(docFromHtml(html, HN_URL), HN_URL).articles[0];

  it('moves leading byline paragraphs into bylines, without their decoration', () => {
    expect(a.bylines).toEqual(['海南日报全媒体记者 黄媛艳', '通讯员 陈宏']);
    expect(a.paragraphs.some((p) => p.text.includes('黄媛艳'))).toBe(false);
  });

  it('reads 「（下转A4版）」 as continuesTo A4 and drops it', () => {
    expect(a.continuesTo).toBe('A4');
    expect(a.paragraphs.at(-1)?.text).toBe('从实验室到产业圈，这一步跨得并不容易。');
  });

  it('joins a hard-wrapped <br> line, starts a new paragraph at an indented one', () => {
    expect(a.paragraphs.slice(0, 2)).toEqual([
      { text: '第一行没有结束第二行。', kind: 'text' },
      { text: '第三行是新的一段。', kind: 'text' },
    ]);
  });

  it('takes the photo caption from the next table row', () => {
    expect(a.images).toEqual([
      {
        src: 'http://news.hndaily.cn/res/1/20260713/chip.jpg',
        caption: '128通道采集芯片。 海南日报全媒体记者 王程龙 摄',
      },
    ]);
  });
});

describe('Founder nbs article page (人民日报 2017 template)', () => {
  const url = 'http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_2-01.htm';
  const html = `<html><head><title>人民日报-人民网</title></head><body>
<div id="riqi_">人民日报 2017年10月16日 星期一</div>
<a id=pageLink href=./nbs.D110000renmrb_01.htm>第01版：要闻</a><a id=pageLink href=nbs.D110000renmrb_02.htm>第02版：要闻</a>
<div class="text_c">
  <h3></h3>
  <h1>中共中央召开党外人士座谈会<br>征求对中共十九大报告的意见</h1>
  <h2></h2>
  <h4>本报记者 张三</h4>
  <div class="lai"><span>《 人民日报 》（ 2017年10月16日 01 版）</span></div>
  <div class="c_c"><div id="ozoom"><!--enpcontent--><P>　　第一段。</P><P>　　第二段。</P><P>　　（下转第二版）</P><!--/enpcontent--></div></div>
</div></body></html>`;
  const page = readPage(docFromHtml(html, url), url);
  const a = page.articles[0];

  it('reads title (two lines joined by a space), byline, page 1 and date', () => {
    expect(page.adapter).toBe('founder-nbs');
    expect(a.title).toBe('中共中央召开党外人士座谈会 征求对中共十九大报告的意见');
    expect(a.bylines).toEqual(['本报记者 张三']);
    expect([a.paper, a.date, a.pages, a.order]).toEqual(['人民日报', '2017-10-16', ['1'], 1]);
    expect(a.key).toBe('paper.people.com.cn/nw.D110000renmrb_20171016_2-01');
  });

  it('reads the body and 「（下转第二版）」', () => {
    expect(a.paragraphs.map((p) => p.text)).toEqual(['第一段。', '第二段。']);
    expect(a.continuesTo).toBe('2');
  });
});

describe('Founder pc article page (人民日报 since 2024-12 template)', () => {
  const url = 'http://paper.people.com.cn/rmrb/pc/content/202412/25/content_30048056.html';
  const html = `<html><head><title>李强主持召开国务院常务会议</title><META name="publishdate" content="2024-12-25"></head><body>
<div class="article"><h3></h3><h1>李强主持召开国务院常务会议</h1><h2></h2>
<p class="sec">新华社记者 <span class="date">《人民日报》（2024年12月25日 第 01 版）</span></p>
<div id="ozoom"><founder-content><p>　　新华社北京12月24日电 第一段。</p></founder-content></div></div>
</body></html>`;
  const a = readPage(docFromHtml(html, url), url).articles[0];

  it('reads 「（2024年12月25日 第 01 版）」 as page 1 and the date', () => {
    expect([a.title, a.date, a.pages]).toEqual(['李强主持召开国务院常务会议', '2024-12-25', ['1']]);
    expect(a.paper).toBe('人民日报');
    expect(a.bylines).toEqual(['新华社记者', '新华社北京12月24日电']);
  });
});

describe('generic fallback', () => {
  it('a blog page with no article: an empty page that says so', () => {
    const html = `<html><head><title>我的博客</title></head><body><nav><a href="/">首页</a></nav><h1>归档</h1><ul><li><a href="/a">一篇文章</a></li></ul></body></html>`;
    const page = readPage(
      docFromHtml(html, 'https://blog.example.com/archive'),
      'https://blog.example.com/archive',
    );
    expect(page.adapter).toBe('generic');
    expect(page.articles).toEqual([]);
    expect(page.problems).toEqual([
      'Not an e-paper page: no article text found (no known e-paper layout, no main text).',
    ]);
  });

  it('a news page of an unknown system: headline and paragraphs of the main block', () => {
    const text = '春节期间，全市公安机关坚持守护平安，街头巡逻，服务群众，没有一刻放松，群众安全感持续提升。';
    const html = `<html><head><title>厦门日报</title></head><body><div class="nav"><p>导航</p></div>
<article><h1>春节假期平安有序</h1>${`<p>　　${text}</p>`.repeat(4)}</article></body></html>`;
    const url = 'https://epaper.example.cn/xmrb/20260214/news-1.html';
    const page = readPage(docFromHtml(html, url), url);
    expect(page.adapter).toBe('generic');
    expect(page.articles[0].title).toBe('春节假期平安有序');
    expect(page.articles[0].paragraphs).toHaveLength(4);
    expect(page.articles[0].date).toBe('2026-02-14');
    expect(page.problems[0]).toMatch(/generic reader/);
  });
});
