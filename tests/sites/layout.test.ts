/** Layout pages (版面): every article block once, with its title, in order of first appearance. */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../lib/sites';
import { docFromHtml, fixtureText } from '../helpers/dom';
import { caseDoc, HTML_CASES } from './cases';

function page(name: string) {
  const c = HTML_CASES.find((x) => x.name === name)!;
  return readPage(caseDoc(c), c.url);
}

function fileOf(href: string): string {
  return href.split('/').pop() ?? '';
}

describe('layout pages: blocks', () => {
  it.each([
    ['rmrb-2024-node_01', 'founder-pc', 7],
    ['cnta-2017-node_1', 'founder-classic', 5],
    ['jjjcb-2017-node_2', 'founder-classic', 7],
    ['jxrb-2017-node_187', 'founder-classic', 5],
    ['rmrb-2017-nbs_01', 'founder-nbs', 5],
    ['rmrb-2017-nbs_07', 'founder-nbs', 9],
    ['zqb-node_06', 'founder-pc', 3],
  ])('%s: %s, %i distinct articles, each titled, each once', (name, adapter, count) => {
    const p = page(name);
    expect(p.adapter).toBe(adapter);
    expect(p.kind).toBe('layout');
    expect(p.blocks).toHaveLength(count);
    expect(new Set(p.blocks.map((b) => b.href)).size).toBe(count);
    expect(p.blocks.every((b) => b.title.length > 0)).toBe(true);
    expect(p.blocks.map((b) => b.order)).toEqual([...Array(count).keys()]);
    expect(p.blocks.every((b) => !b.href.includes('?'))).toBe(true);
    expect(p.problems).toEqual([]);
  });

  it('zqb 06版: three blocks, the third 谁的房子谁的家 → content_430784, float polygons kept', () => {
    const p = page('zqb-node_06');
    expect(p.blocks.map((b) => [b.title, fileOf(b.href)])).toEqual([
      ['比起审视“完美受助者”，我们更应该直视事实', 'content_430782.html'],
      ['一个建筑工人54岁“重启人生”', 'content_430783.html'],
      ['谁的房子谁的家', 'content_430784.html'],
    ]);
    expect(p.blocks[2].href).toBe('http://zqb.cyol.com/pc/content/202609/16/content_430784.html');
    expect(p.blocks[0].polygons[0][0]).toEqual({ x: 1.617284, y: 23.419945499999997 });
    expect(p.image).toEqual({
      src: 'http://zqb.cyol.com/pc/pic/202609/16/0d3413ac-7017-416e-90c5-17ac37552bed.jpg.2',
      width: 400,
      height: 575,
    });
    expect([p.paper, p.date, p.label, p.name]).toEqual(['中国青年报', '2026-09-16', '6', '冰点周刊']);
  });

  it('rmrb-2024 01版: seven articles though each is linked twice (map and list)', () => {
    const p = page('rmrb-2024-node_01');
    expect(p.blocks.map((b) => fileOf(b.href))).toEqual(
      [54, 55, 56, 57, 58, 59, 60].map((n) => `content_300480${n}.html`),
    );
    expect(p.blocks[0].title).toBe('“为老百姓提供用得上、用得起、用得好的信息服务”（总书记的人民情怀）');
    expect(p.blocks[5].title).toBe('图片报道');
    expect([p.paper, p.date, p.label, p.name]).toEqual(['人民日报', '2024-12-25', '1', '要闻']);
  });

  it('cnta 01版: content_306597 linked as ?div=0 and ?div=-1 with one rectangle is one block, one polygon', () => {
    const p = page('cnta-2017-node_1');
    const b = p.blocks.find((x) => fileOf(x.href) === 'content_306597.htm')!;
    expect(b.title).toBe('喜迎十九大展现新成就');
    expect(b.polygons).toHaveLength(1);
    expect([p.paper, p.date, p.label]).toEqual(['中国旅游报', '2017-10-13', '1']);
  });

  it('jjjcb 第1版: 7 areas, 7 articles; titles from the page list, not 今日关注 of other pages', () => {
    const p = page('jjjcb-2017-node_2');
    expect(p.blocks.map((b) => fileOf(b.href))).toEqual(
      [14, 15, 16, 17, 18, 19, 20].map((n) => `content_520${n}.htm`),
    );
    expect(p.blocks[0].title).toBe('铭记光辉历史 传承红色基因 为把人民军队建设成为世界一流军队而不懈奋斗');
    expect(p.blocks.some((b) => b.title === '管好身边人 严防“灯下黑”')).toBe(false);
    // The trailer after </html>: <founder-pagenum>1</founder-pagenum>, <founder-papername>.
    expect([p.paper, p.date, p.label, p.name]).toEqual(['中国纪检监察报', '2017-07-22', '1', '要闻']);
    expect(p.image?.width).toBe(350);
  });

  it('jxrb 第A01版：头版: map named pagepicmap while the img says #PagePicMap; trailer after </html>', () => {
    const p = page('jxrb-2017-node_187');
    expect(p.blocks.map((b) => b.title)).toEqual([
      '站在新的更高起点探索生态文明建设',
      '为美丽中国贡献“江西智慧”',
      '吉安绣好全域脱贫攻坚新画卷',
      '国家有前途 个人才有前途',
      '一片茶叶带富一方百姓',
    ]);
    expect(p.image?.src).toMatch(/\.jpg$/);
    expect([p.paper, p.date, p.label, p.name]).toEqual(['江西日报', '2017-10-09', 'A1', '头版']);
  });

  it('rmrb-2017 01版: titles from document.write(view("…")) lists, whole and on one line', () => {
    const p = page('rmrb-2017-nbs_01');
    expect(p.blocks.map((b) => b.title)).toEqual([
      '《习近平关于社会主义文化建设论述摘编》出版发行',
      '中共中央召开党外人士座谈会 征求对中共十九大报告的意见',
      '党的十九大代表陆续抵京',
      '砥砺奋进 铸就辉煌',
      '党的十八大以来大事记',
    ]);
    expect([p.paper, p.date, p.label, p.name]).toEqual(['人民日报', '2017-10-16', '1', '要闻']);
  });

  it('rmrb-2017 07版: 9 areas (area 1 a big overlapping box), video-icon links add no block', () => {
    const p = page('rmrb-2017-nbs_07');
    expect(p.blocks.map((b) => b.title)).toEqual([
      '回应人民新期待',
      '栋梁之材涌出来',
      '就业好了一切好',
      '跨省打工钱包鼓',
      '低保成了定心丸',
      '小镇能做大手术',
      '搬出棚户笑开颜',
      '青山绿水寿星多',
      '生活好了爱唱歌',
    ]);
    expect(p.blocks[0].polygons[0]).toEqual([
      { x: 2, y: 53 },
      { x: 397, y: 53 },
      { x: 397, y: 474 },
      { x: 2, y: 474 },
    ]);
  });
});

describe('layout pages: page lists', () => {
  it.each([
    ['cnta-2017-node_1', 7, '8', '旅游报08版'],
    ['jxrb-2017-node_187', 12, 'C4', ''],
    ['rmrb-2017-nbs_01', 24, '24', '广告'],
    ['zqb-node_06', 8, '8', '出行周刊'],
    ['jjjcb-2017-node_2', 4, '4', '反腐观察'],
  ])('%s lists %i pages once each (lists repeat), last %s', (name, count, lastLabel, lastName) => {
    const p = page(name);
    expect(p.pageLinks).toHaveLength(count);
    expect(new Set(p.pageLinks.map((l) => l.href)).size).toBe(count);
    const last = p.pageLinks[count - 1];
    expect(last.label).toBe(lastLabel);
    if (lastName) expect(last.name).toBe(lastName);
    expect(p.pageLinks.every((l) => /^https?:\/\//.test(l.href))).toBe(true);
  });

  it('jxrb page names lose the space after the colon: 「A01： 头版」 → 头版', () => {
    const p = page('jxrb-2017-node_187');
    expect(p.pageLinks[0]).toEqual({
      label: 'A1',
      name: '头版',
      href: 'http://epaper.jxnews.com.cn/jxrb/html/2017-10/09/node_187.htm',
    });
  });
});

describe('layout pages without a map, or with cut titles', () => {
  it('zqb 06版 with its map removed: the title list still gives the three blocks, without polygons', () => {
    const c = HTML_CASES.find((x) => x.name === 'zqb-node_06')!;
    const html = fixtureText(c.file).replace(/<MAP[\s\S]*?<\/MAP>/, '');
    const p = readPage(docFromHtml(html, c.url), c.url);
    expect(p.blocks.map((b) => [b.title, b.polygons])).toEqual([
      ['比起审视“完美受助者”，我们更应该直视事实', []],
      ['一个建筑工人54岁“重启人生”', []],
      ['谁的房子谁的家', []],
    ]);
  });

  it('rmrb-2017 saved after view() ran (no script, no hidden list): the whole title from span[title]', () => {
    const c = HTML_CASES.find((x) => x.name === 'rmrb-2017-nbs_01')!;
    // What document.write(view("…")) writes for a title over 20 characters; the mp_nw list removed.
    const html = fixtureText(c.file)
      .replace(/<div[^>]*id=mp_nw[^>]*>[\s\S]*?<\/div>/g, '')
      .replace(
        /<script>document\.write\(view\("(中共中央召开党外人士座谈会)<br>(征求对中共十九大报告的意见)  "\)\)<\/script>/,
        "<span title='$1 $2'>$1 征求对中共十九...</span>",
      );
    const p = readPage(docFromHtml(html, c.url), c.url);
    expect(p.blocks[1].title).toBe('中共中央召开党外人士座谈会 征求对中共十九大报告的意见');
    expect(p.blocks.every((b) => b.title && !b.title.endsWith('...'))).toBe(true);
  });
});
