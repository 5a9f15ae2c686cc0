/** Article pages of real sites: title parts, page, date, bylines, text once. */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/sites';
import { buildArticle } from '../../lib/sites/common/article';
import { docFromHtml } from '../helpers/dom';
import { caseDoc, hbrbFragments, HTML_CASES } from './cases';

describe('中国青年报 pc article content_430781', () => {
  const c = HTML_CASES.find((x) => x.name === 'zqb-content_430781')!;
  const page = readPage(caseDoc(c), c.url);
  const a = page.articles[0];

  it('reads 引题, title, page 5 and the date', () => {
    expect(page.adapter).toBe('founder-pc');
    expect(page.kind).toBe('article');
    expect(page.articles).toHaveLength(1);
    expect([a.leadTitle, a.title, a.subtitle]).toEqual(['冰点特稿第1354期', '谁的房子谁的家', '']);
    expect([a.paper, a.date, a.pages]).toEqual(['中国青年报', '2026-09-16', ['5']]);
    expect(a.bylines).toEqual(['中青报·中青网记者 杜佳冰']);
    expect(a.key).toBe('zqb.cyol.com/content_430781');
    expect(a.urls).toEqual([c.url]);
    expect(a.parts).toEqual([{ page: '5', url: c.url, from: 0, to: a.paragraphs.length, regime: 'first' }]);
  });

  it('does not read the hidden #articleContent copy: every paragraph once', () => {
    const texts = a.paragraphs.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
    const opening =
      '两个儿子为了争夺房产又牵出冒名顶替入学的官司，闹得人尽皆知，71岁的母亲肖桔华越来越感到难以支应。';
    expect(texts.filter((t) => t === opening)).toHaveLength(1);
    expect(texts[0]).toBe(opening);
    expect(texts.at(-1)).toBe('（应受访者要求，肖桔华为化名）');
    // The page's p.teP footer lines (byline and 「2026年09月16日 05版」) are not body text.
    expect(texts.some((t) => t.includes('来源：中国青年报'))).toBe(false);
  });

  it('keeps the indent out and the centred bold line as a crosshead', () => {
    expect(a.paragraphs.every((p) => !/^[\s\u3000]/.test(p.text))).toBe(true);
    expect(a.paragraphs.find((p) => p.text === '“没有房子，好可怕的。”')?.kind).toBe('crosshead');
  });

  it('reads the five photos with captions from data-original-title', () => {
    expect(a.images).toHaveLength(5);
    expect(a.images[0].caption).toBe(
      '8月21日，唐时达从小生活的大桥头村，这里被群山包围，传统房屋由杉木建成。中青报·中青网记者 杜佳冰/摄',
    );
    expect(a.images[4].caption).toBe('2001年湘潭大学寄送给唐时达的录取通知书。受访者供图');
  });
});

describe('湖北日报 pc article fragments (hbrb-2023/content.txt)', () => {
  const pages = hbrbFragments().map((f) => ({
    url: f.url,
    page: readPage(docFromHtml(f.html, f.url), f.url),
  }));
  const byId = (id: string) => pages.find((p) => p.url.endsWith(`content_${id}.html`))!.page;

  it('reads all 32 fragments as founder-pc articles of 湖北日报, 2023-02-11, with text', () => {
    expect(pages).toHaveLength(32);
    for (const { page } of pages) {
      expect(page.adapter).toBe('founder-pc');
      expect(page.articles[0].paper).toBe('湖北日报');
      expect(page.articles[0].date).toBe('2023-02-11');
      expect(page.articles[0].paragraphs.length).toBeGreaterThan(0);
      expect(page.problems).toEqual([]);
    }
  });

  it.each([
    ['211250', '2', '', '领导干部要保持清醒 自觉抵制违规吃喝', ''],
    [
      '211268',
      '4',
      '新进中央委员会的委员、候补委员和省部级主要领导干部',
      '学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神研讨班结业',
      '',
    ],
    [
      '211269',
      '4',
      '',
      '中国式现代化是强国建设、民族复兴的康庄大道',
      '——论深入学习领会习近平总书记在学习贯彻党的二十大精神研讨班开班式上重要讲话',
    ],
    ['211263', '3', '', '东贝电机 产销两旺', ''],
    ['211248', '1', '全国碳市场和碳金融中心建设蹄疾步稳', '中碳登喜迎首批“碳客”', ''],
    ['211261', '3', '全国碳市场和碳金融中心建设蹄疾步稳', '中碳登喜迎首批“碳客”', ''],
    [
      '211242',
      '1',
      '',
      '习近平回信勉励援中非中国医疗队队员',
      '以仁心仁术造福当地人民 以实际行动讲好中国故事',
    ],
  ])('content_%s: page %s, 「%s」 / 「%s」 / 「%s」', (id, label, lead, title, sub) => {
    const a = byId(id).articles[0];
    expect([a.pages, a.leadTitle, a.title, a.subtitle]).toEqual([[label], lead, title, sub]);
  });

  it.each([
    ['211262', '湖北日报讯（记者张阳春、通讯员熊能）'],
    ['211248', '湖北日报全媒记者 左晨'],
    ['211242', '新华社北京2月10日电'],
  ])('content_%s byline 「%s」', (id, byline) => {
    expect(byId(id).articles[0].bylines).toEqual([byline]);
  });

  it('the three stories repeated on a later page read the same text on both pages', () => {
    for (const [a, b] of [
      ['211244', '211269'],
      ['211248', '211261'],
      ['211249', '211259'],
    ]) {
      expect(byId(a).articles[0].paragraphs).toEqual(byId(b).articles[0].paragraphs);
      expect(byId(a).articles[0].key).not.toBe(byId(b).articles[0].key);
    }
  });

  it('photo news content_211263 keeps its photo, which sits outside <founder-content>', () => {
    expect(byId('211263').articles[0].images.map((i) => i.src)).toEqual([
      'http://epaper.hubeidaily.net/pc/pic/202302/11/1d9d7aa6-5ee9-44f5-a4fd-36439216488c.tif.1',
    ]);
  });
});

describe('buildArticle: classification past the byline zone', () => {
  const base = {
    url: 'https://zqb.cyol.com/pc/content/202609/16/content_1.html',
    paper: '中国青年报',
    date: '2026-09-16',
    label: '5',
    leadTitle: '',
    title: '标题',
    subtitle: '',
    bylines: [],
    images: [],
  };

  it('keeps DOM crossheads (decoration stripped), names text crossheads, takes 讯 bylines only at the start', () => {
    const a = buildArticle({
      ...base,
      paragraphs: [
        { text: '本报讯（记者 张三）7月10日，换电站投运。', kind: 'text' },
        { text: '　第二段。', kind: 'text' },
        { text: '第三段。', kind: 'text' },
        { text: '●拿下“基础题”', kind: 'crosshead' },
        { text: '公安暖心服务一直在线', kind: 'text' },
        { text: '新华社北京2月6日电（记者 李四）国务院新闻办公室今日发布。', kind: 'text' },
        { text: '（完）', kind: 'text' },
      ],
    });
    expect(a.bylines).toEqual(['本报讯（记者 张三）']);
    expect(a.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['text', '本报讯（记者 张三）7月10日，换电站投运。'],
      ['text', '　第二段。'],
      ['text', '第三段。'],
      ['crosshead', '拿下“基础题”'],
      ['crosshead', '公安暖心服务一直在线'],
      ['text', '新华社北京2月6日电（记者 李四）国务院新闻办公室今日发布。'],
      ['credit', '（完）'],
    ]);
  });
});
