import { describe, expect, it } from 'vitest';
import {
  classifyLine,
  isByline,
  isCrosshead,
  leadByline,
  paperFromByline,
  stripDecoration,
  trailingCredit,
} from '../../lib/text/bylines';

describe('classifyLine: the table, over lines as printed', () => {
  it.each([
    // bylines of their own (decoration removed)
    [
      '株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志',
      'byline',
      '株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志',
    ],
    ['株洲日报·掌上株洲记者/高晓燕 通讯员/夏伟雄', 'byline', '株洲日报·掌上株洲记者/高晓燕 通讯员/夏伟雄'],
    ['■ 海南日报全媒体记者 黄媛艳', 'byline', '海南日报全媒体记者 黄媛艳'],
    ['■ 海南日报全媒体记者 陈明艳', 'byline', '海南日报全媒体记者 陈明艳'],
    ['本报记者 张三 李四', 'byline', '本报记者 张三 李四'],
    ['文/图 本报记者 王五', 'byline', '文/图 本报记者 王五'],
    ['本报评论员', 'byline', '本报评论员'],
    ['□ 湖北日报评论员', 'byline', '湖北日报评论员'],
    ['本报特约评论员', 'byline', '本报特约评论员'],
    // an epigraph's attribution is running text, not a crosshead
    ['——习近平', 'text', '——习近平'],
    ['—— 《习近平谈治国理政》', 'text', '—— 《习近平谈治国理政》'],
    // credits and captions
    ['株洲日报·掌上株洲记者/刘震摄', 'credit', '株洲日报·掌上株洲记者/刘震摄'],
    ['通讯员供图', 'credit', '通讯员供图'],
    ['（本报记者 张三 摄）', 'credit', '（本报记者 张三 摄）'],
    ['公安民警街头巡逻守护春节平安。通讯员供图', 'caption', '公安民警街头巡逻守护春节平安。通讯员供图'],
    [
      '2月6日，火车站改扩建项目现场，钢结构施工已推进至三、四站台。 株洲日报·掌上株洲记者/张威摄',
      'caption',
      '2月6日，火车站改扩建项目现场，钢结构施工已推进至三、四站台。 株洲日报·掌上株洲记者/张威摄',
    ],
    // crossheads (bullet removed)
    ['●拿下“基础题” 防返贫“防火墙”妥妥的', 'crosshead', '拿下“基础题” 防返贫“防火墙”妥妥的'],
    ['●发力“深度题” 建设湘赣边示范区再“得分”', 'crosshead', '发力“深度题” 建设湘赣边示范区再“得分”'],
    ['刑事治安警情“双降”', 'crosshead', '刑事治安警情“双降”'],
    ['持续加大对重点部位和时段的 巡逻力度', 'crosshead', '持续加大对重点部位和时段的 巡逻力度'],
    ['公安暖心服务一直在线', 'crosshead', '公安暖心服务一直在线'],
    ['一、坚持稳中求进', 'crosshead', '一、坚持稳中求进'],
    // running text
    ['沙土上不能盖房子。乡村振兴，防止规', 'text', '沙土上不能盖房子。乡村振兴，防止规'],
    ['全面推进乡村振兴，株洲最大的优势在哪？', 'text', '全面推进乡村振兴，株洲最大的优势在哪？'],
    ['技术有了，产品有了，下一步怎么走？', 'text', '技术有了，产品有了，下一步怎么走？'],
    ['王亮拿起手电筒，在现场拍摄', 'text', '王亮拿起手电筒，在现场拍摄'],
  ] as const)('%j → %s', (line, kind, text) => {
    const c = classifyLine(line);
    expect(c.kind).toBe(kind);
    expect(c.text).toBe(text);
  });

  it.each([
    ['株洲日报·掌上株洲讯(记者/罗欣) 2月3日，农历大年初三。', '株洲日报·掌上株洲讯(记者/罗欣)'],
    [
      '株洲日报·掌上株洲讯(记者/廖喜张 通讯员/旷达) 2月6日，大年初六。',
      '株洲日报·掌上株洲讯(记者/廖喜张 通讯员/旷达)',
    ],
    ['本报海口7月13日讯（记者陈蔚林）海口海关发布统计数据。', '本报海口7月13日讯（记者陈蔚林）'],
    [
      '本报讯（海南日报全媒体记者邵长春）7月10日，宁德时代骐骥换电海南组网投运。',
      '本报讯（海南日报全媒体记者邵长春）',
    ],
    ['新华社北京2月6日电（记者 张三）国务院新闻办公室今日发布。', '新华社北京2月6日电（记者 张三）'],
    ['本报讯 7月10日，换电站投运。', '本报讯'],
  ])('keeps a 讯 paragraph as text and records its byline: %j', (line, byline) => {
    const c = classifyLine(line);
    expect(c).toMatchObject({ kind: 'text', text: line, byline, rule: 'lead-byline' });
    // Past a story's opening lines the reader does not look for one: same kind and text, no byline.
    expect(classifyLine(line, { lead: false })).toMatchObject({ kind: 'text', text: line, byline: '' });
  });
});

describe('the rules one by one', () => {
  it.each([
    '电力大数据+防返贫预警监测平台，并进行常态化运作。',
    '讯息传得很快，大家都知道了。',
    '记者走进重点项目工地，看到一派繁忙。',
    '',
  ])('no lead byline in %j', (line) => {
    expect(leadByline(line)).toBe('');
  });

  it.each([
    ['记者走进重点项目工地', false],
    ['公文写作 三要点', false],
    ['致敬坚守一线的记者们', false],
    ['株洲日报·掌上株洲记者/刘震摄', false],
    ['记者/李军，通讯员/谭雪平。', false],
    ['通讯员 陈宏', true],
  ] as const)('isByline(%j) → %s', (line, expected) => {
    expect(isByline(line)).toBe(expected);
  });

  it.each([
    ['株洲日报·掌上株洲记者/刘震摄', '株洲日报·掌上株洲记者/刘震摄'],
    ['2月6日，钢结构施工已推进至三、四站台。 株洲日报·掌上株洲记者/张威摄', '株洲日报·掌上株洲记者/张威摄'],
    ['张三 摄', '张三 摄'],
    ['他在现场拍摄', ''],
    ['无人机航摄', ''],
    ['春运迎来返程高峰。株洲西站预计今年春运发送旅客32万人次，增长59%。', ''],
  ])('trailingCredit(%j) → %j', (line, expected) => {
    expect(trailingCredit(line)).toBe(expected);
  });

  it.each([
    ['市三高办：', true],
    ['乡村振兴“开卷” 株洲这样作答', true],
    ['沙土上不能盖房子。', false],
    ['弓腰仰头，', false],
    ['2022', false],
  ] as const)('isCrosshead(%j) → %s', (line, expected) => {
    expect(isCrosshead(line)).toBe(expected);
  });

  it('stripDecoration removes bullets only at the start', () => {
    expect(stripDecoration('■ 海南日报全媒体记者 黄媛艳')).toBe('海南日报全媒体记者 黄媛艳');
    expect(stripDecoration('●拿下“基础题”')).toBe('拿下“基础题”');
    expect(stripDecoration('防返贫●防火墙')).toBe('防返贫●防火墙');
  });

  it.each([
    ['株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志', '株洲日报'],
    ['株洲日报·掌上株洲讯(记者/罗欣)', '株洲日报'],
    ['海南日报全媒体记者 黄媛艳', '海南日报'],
    ['本报讯（海南日报全媒体记者邵长春）', '海南日报'],
    ['中国青年报·中青网记者 张三', '中国青年报'],
    ['本报海口7月13日讯（记者陈蔚林）', ''],
    ['新华社记者 张三', ''],
  ])('paperFromByline(%j) → %j', (byline, paper) => {
    expect(paperFromByline(byline)).toBe(paper);
  });
});

describe('classifyLine is bounded on long lines', () => {
  it('classifies a 5 MB line as text', () => {
    const huge = '防返贫'.repeat(1_700_000);
    expect(classifyLine(huge).kind).toBe('text');
    expect(classifyLine(`${huge}摄`).kind).toBe('text');
  });
});
