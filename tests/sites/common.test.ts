/** The shared building blocks: coords, page-list entries, trailers, titles, keys, URL patterns. */
import { describe, expect, it } from 'vitest';
import { isEpaperUrl, adapterFor } from '../../lib/sites';
import { articlePath } from '../../lib/sites/common/dom';
import { areaPolygon, parseCoords, readImageMap, scalePolygons } from '../../lib/sites/common/imagemap';
import { articleKey, siteArticleId } from '../../lib/model/article-key';
import { paperFromText } from '../../lib/sites/common/meta';
import { parsePageEntry } from '../../lib/sites/common/page-list';
import { anchorTitle } from '../../lib/sites/common/titles';
import { parseTrailerText, trailerDate } from '../../lib/sites/common/trailer';
import { walkAll, withReadScope } from '../../lib/sites/common/select';
import { docFromHtml } from '../helpers/dom';
import { caseDoc, HTML_CASES } from './cases';

describe('image map coords', () => {
  it.each([
    ['2,98,225,98,225,366,2,366', 8],
    ['1.617284,23.4199 398.66,23.4199,398.66,197.858', 6],
    ['  ', 0],
    ['1,a,2', 2],
  ])('parseCoords(%j) has %i numbers', (coords, n) => {
    expect(parseCoords(coords)).toHaveLength(n);
  });

  it('rect → 4 corners, circle → 16-gon, short polygon → nothing', () => {
    expect(areaPolygon('rect', [1, 2, 3, 4])).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 2 },
      { x: 3, y: 4 },
      { x: 1, y: 4 },
    ]);
    const circle = areaPolygon('circle', [10, 10, 5]);
    expect(circle).toHaveLength(16);
    expect(circle[0]).toEqual({ x: 15, y: 10 });
    expect(areaPolygon('polygon', [1, 2, 3, 4])).toEqual([]);
  });

  it('scalePolygons maps one space onto another', () => {
    expect(
      scalePolygons([[{ x: 200, y: 100 }]], { width: 800, height: 1150 }, { width: 400, height: 575 }),
    ).toEqual([[{ x: 100, y: 50 }]]);
  });

  const html = (img: string) =>
    `<map name="PagePicMap"><area shape="polygon" coords="0,0,800,0,800,1150,0,1150" href="content_1.htm"></map>${img}`;

  it('keeps coords as printed when they fit the img width/height attributes', () => {
    const doc = docFromHtml(
      html('<img src="p.jpg" width="800" height="1150" usemap="#PagePicMap">'),
      'http://x.cn/a/',
    );
    const map = readImageMap(doc, 'http://x.cn/a/');
    expect(map.image).toEqual({ src: 'http://x.cn/a/p.jpg', width: 800, height: 1150 });
    expect(map.areas[0].polygon[2]).toEqual({ x: 800, y: 1150 });
  });

  it('scales coords written for the natural size when the img is shown smaller (browser knows naturalWidth)', () => {
    const doc = docFromHtml(
      html('<img src="p.jpg" width="400" height="575" usemap="#pagepicmap">'),
      'http://x.cn/a/',
    );
    const img = doc.querySelector('img')!;
    Object.defineProperty(img, 'naturalWidth', { value: 800 });
    Object.defineProperty(img, 'naturalHeight', { value: 1150 });
    const map = readImageMap(doc, 'http://x.cn/a/');
    expect(map.image).toMatchObject({ width: 400, height: 575 });
    expect(map.areas[0].polygon[2]).toEqual({ x: 400, y: 575 });
  });

  it('without size attributes or natural size, the image size is the coords bounding box', () => {
    const doc = docFromHtml(html('<img src="p.jpg" usemap="#PagePicMap">'), 'http://x.cn/a/');
    expect(readImageMap(doc, 'http://x.cn/a/').image).toMatchObject({ width: 800, height: 1150 });
  });
});

describe('article paths (block identity)', () => {
  it.each([
    ['content_306597.htm?div=0', 'http://x.cn/html/2017-10/13/content_306597.htm'],
    ['content_306597.htm?div=-1#top', 'http://x.cn/html/2017-10/13/content_306597.htm'],
    ['show.aspx?id=12&div=0', 'http://x.cn/html/2017-10/13/show.aspx?id=12'],
    ['show.aspx?id=13', 'http://x.cn/html/2017-10/13/show.aspx?id=13'],
    ['javascript:void(0)', ''],
  ])('%s → %s', (href, path) => {
    expect(articlePath(href, 'http://x.cn/html/2017-10/13/node_1.htm')).toBe(path);
  });
});

describe('page list entries', () => {
  it.each([
    ['第01版：要闻', '1', '要闻'],
    ['第A01版：头版', 'A1', '头版'],
    ['A01： 头版', 'A1', '头版'],
    ['06版：冰点周刊', '6', '冰点周刊'],
    ['第02版：综 合', '2', '综合'],
    ['01版:要闻', '1', '要闻'],
    ['第001版：头版', '1', '头版'],
  ])('「%s」 → %s %s', (text, label, name) => {
    expect(parsePageEntry(text)).toEqual({ label, name });
  });

  it.each(['上一版', 'PDF下载', '第一次', ''])('「%s」 is no page entry', (text) => {
    expect(parsePageEntry(text)).toBeNull();
  });
});

describe('enpproperty trailers', () => {
  it('reads founder- and plain fields, first non-empty value wins', () => {
    const t = parseTrailerText(
      'enpproperty <founder-date>2017-07-22 23:59:59</founder-date><founder-pagenum>1</founder-pagenum>' +
        '<founder-papername>中国纪检监察报</founder-papername><papername></papername><title>谁的房子谁的家</title> /enpproperty',
    );
    expect(t.get('pagenum')).toBe('1');
    expect(t.get('papername')).toBe('中国纪检监察报');
    expect(t.get('title')).toBe('谁的房子谁的家');
    expect(trailerDate(t)).toBe('2017-07-22');
  });

  it.each([
    ['<date>2026-09-16 00:00:00:0</date>', '2026-09-16'],
    ['<date>\n2026-9-6\n</date>', '2026-09-06'],
    ['<date>soon</date>', ''],
  ])('date %j → %j', (text, date) => {
    expect(trailerDate(parseTrailerText(text))).toBe(date);
  });
});

describe('titles of list links', () => {
  const title = (html: string) => anchorTitle(docFromHtml(html).querySelector('a')!);

  it.each([
    [
      '<a href="x"><script>document.write(view("党的十九大代表陆续抵京  "))</script></a>',
      '党的十九大代表陆续抵京',
      false,
    ],
    ['<a href="x"><script>document.write(view("座谈会<br>征求意见"))</script></a>', '座谈会 征求意见', false],
    ['<a href="x"><div id=mp52014>铭记光辉历史 传承红色基因</div></a>', '铭记光辉历史 传承红色基因', false],
    ['<a href="x"><span title="全部的标题文字">全部的...</span></a>', '全部的标题文字', false],
    ['<a href="x"> 李强主持召开国务院常务会议 </a>', '李强主持召开国务院常务会议', false],
    ['<a href="x">被截断的标题...</a>', '被截断的标题', true],
  ])('%s → 「%s」', (html, text, cut) => {
    expect(title(html)).toMatchObject({ text, cut });
  });

  it('an empty video-icon link has no title', () => {
    expect(title('<a href="x"><img src="video.png"></a>')).toBeNull();
  });
});

describe('article keys', () => {
  it.each([
    ['http://zqb.cyol.com/pc/content/202609/16/content_430781.html', 'content_430781'],
    [
      'http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm',
      'nw.D110000renmrb_20171016_1-01',
    ],
    ['http://news.hndaily.cn/html/2026-07/13/content_58464_19688148.htm', 'content_58464_19688148'],
    ['http://zqb.cyol.com/pc/layout/202609/16/node_06.html', ''],
    ['not a url', ''],
  ])('%s → %j', (url, id) => {
    expect(siteArticleId(url)).toBe(id);
  });

  it('prefixes the host (ids repeat across sites) and drops www.; falls back to paper|date|page|order', () => {
    const f = { paper: '海南日报', date: '2026-07-13', label: 'A1', order: 2 };
    expect(articleKey('https://www.hndaily.cn/html/2026-07/13/content_58464_19688148.htm', f)).toBe(
      'hndaily.cn/content_58464_19688148',
    );
    expect(articleKey('http://x.cn/pc/content/202609/16/content_1.html?div=0', f)).toBe('x.cn/content_1');
    expect(articleKey('file:///tmp/page.html', f)).toBe('海南日报|2026-07-13|A1|2');
  });
});

describe('paper names from free text', () => {
  it.each([
    ['中国旅游报社-电子报平台', '中国旅游报'],
    ['打造新型传媒集团·江西日报社数字报', '江西日报'],
    ['人民日报-人民网', '人民日报'],
    ['中国青年报 2026年09月16日 06版：冰点周刊', '中国青年报'],
    ['Copyright © 湖北日报 [鄂ICP备12007957号-2]', '湖北日报'],
    ['我的博客', ''],
  ])('「%s」 → 「%s」', (text, paper) => {
    expect(paperFromText(text)).toBe(paper);
  });
});

describe('isEpaperUrl and adapterFor', () => {
  it.each([
    ['http://www.jjjcb.cn/html/2017-07/22/node_2.htm', true, 'founder-classic'],
    ['http://news.hndaily.cn/html/2026-07/13/content_58464_19688148.htm', true, 'founder-classic'],
    ['http://paper.people.com.cn/rmrb/html/2017-10/16/nbs.D110000renmrb_01.htm', true, 'founder-nbs'],
    [
      'http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm',
      true,
      'founder-nbs',
    ],
    ['http://paper.people.com.cn/rmrb/pc/layout/202412/25/node_01.html', true, 'founder-pc'],
    ['https://zqb.cyol.com/pc/content/202609/16/content_430781.html?div=-1', true, 'founder-pc'],
    ['https://example.com/blog/2026/09/16/post.html', false, 'generic'],
    ['not a url', false, 'generic'],
  ])('%s → %s, %s', (url, epaper, adapter) => {
    expect(isEpaperUrl(url)).toBe(epaper);
    expect(adapterFor(url, docFromHtml('<p>x</p>')).id).toBe(adapter);
  });

  it('a saved Founder page under a file: URL is claimed by its DOM', () => {
    const doc = docFromHtml(
      '<founder-title>标题</founder-title><founder-content><p>正文。</p></founder-content>',
    );
    expect(adapterFor('file:///tmp/saved.html', doc).id).toBe('founder-classic');
  });
});

describe('iterative selector matching (the fallback for pages too deep for happy-dom)', () => {
  const selectors = [
    'a[href]',
    'a[id]',
    'map area[href]',
    '#titleList',
    'ul.news-list',
    '.paper-bot .ban',
    '.article p.sec .newstime',
    '#content founder-content',
    'founder-content, founder-title',
    '[id]',
    'meta[name]',
    'img[usemap]',
  ];

  it.each(HTML_CASES.map((c) => [c.name, c] as const))('%s: same elements as querySelectorAll', (_, c) => {
    const doc = caseDoc(c);
    for (const sel of selectors) {
      const native = Array.from(doc.querySelectorAll(sel));
      expect(walkAll(doc, sel), sel).toEqual(native);
      expect(
        withReadScope(doc, () => walkAll(doc, sel)),
        `${sel} (flat)`,
      ).toEqual(native);
      const body = doc.body;
      expect(
        withReadScope(doc, () => walkAll(body, sel)),
        `${sel} under body`,
      ).toEqual(Array.from(body.querySelectorAll(sel)));
    }
  });
});
