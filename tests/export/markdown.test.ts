import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyArticle, type Highlight, type Paragraph } from '../../lib/model';
import { articleMarkdown } from '../../lib/export/markdown';
import { escapeParagraph, flattenParagraph, yamlString } from '../../lib/export/text';

const p = (text: string, kind: Paragraph['kind'] = 'text'): Paragraph => ({ text, kind });

function hl(exact: string, paragraph: number, init: Partial<Highlight> = {}): Highlight {
  return {
    id: 'h-' + exact,
    articleKey: 'k',
    color: 'yellow',
    selectors: { exact, prefix: '', suffix: '', start: 0, end: 0, paragraph, articleKey: 'k' },
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    ...init,
  };
}

const article = emptyArticle({
  key: 'k',
  paper: '株洲日报',
  date: '2022-02-07',
  pages: ['A1', 'A4'],
  title: '乡村振兴“开卷” 株洲这样作答',
  bylines: ['株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志'],
  paragraphs: [
    p('春节，人们跨越山海奔赴家乡。'),
    p('●拿下“基础题” 防返贫“防火墙”妥妥的', 'crosshead'),
    p('沙土上不能盖房子。乡村振兴，防止规\n\n模性返贫是底线，巩固拓展脱贫攻坚成果是基石。'),
    p('公安民警街头巡逻守护春节平安。通讯员供图', 'caption'),
  ],
  urls: ['http://example.org/content_1.htm'],
});

describe('articleMarkdown', () => {
  const md = articleMarkdown(article, { accessed: '2026-11-29', tags: ['乡村振兴'] });

  it('writes every front-matter value double-quoted', () => {
    const fm = md.split('\n---\n')[0].split('\n').slice(1);
    expect(fm).toEqual([
      'title: "乡村振兴“开卷” 株洲这样作答"',
      'paper: "株洲日报"',
      'date: "2022-02-07"',
      'pages: ["A1", "A4"]',
      'authors: ["李军", "谭雪平", "陈志"]',
      'url: "http://example.org/content_1.htm"',
      'tags: ["乡村振兴"]',
      'accessed: "2026-11-29"',
    ]);
  });

  it('puts one paragraph on one line, crossheads as headings, captions italic', () => {
    expect(md).toContain(
      '\n\n沙土上不能盖房子。乡村振兴，防止规模性返贫是底线，巩固拓展脱贫攻坚成果是基石。\n\n',
    );
    expect(md).toContain('\n\n## ●拿下“基础题” 防返贫“防火墙”妥妥的\n\n');
    expect(md).toContain('\n\n*公安民警街头巡逻守护春节平安。通讯员供图*\n\n');
  });

  it('ends with the citation line, URL as an autolink', () => {
    expect(md.trimEnd().split('\n').pop()).toBe(
      '李军, 谭雪平, 陈志. 乡村振兴“开卷” 株洲这样作答[N/OL]. 株洲日报, 2022-02-07(A1)[2026-11-29]. <http://example.org/content_1.htm>.',
    );
  });

  it('moves full-width punctuation outside highlight delimiters', () => {
    const out = articleMarkdown(article, { highlights: [hl('春节，', 0)] });
    expect(out).toContain('\n==春节==，人们跨越山海奔赴家乡。\n');
    expect(out).not.toContain('，==');
  });

  it('marks a highlight that crosses the column break and uses <mark> when asked', () => {
    const out = articleMarkdown(article, { highlights: [hl('防止规模性返贫', 2)], marks: 'html' });
    expect(out).toContain('乡村振兴，<mark>防止规模性返贫</mark>是底线');
  });

  it('keeps a highlight that is no longer in the text as a quote', () => {
    const out = articleMarkdown(article, { highlights: [hl('不在正文里的话', 0, { note: '旧版' })] });
    expect(out).toContain('## 未能在正文中找到的划线\n\n> 不在正文里的话\n\n旧版');
  });

  it('renders page text inert: HTML, links, tags, zero-width', () => {
    const evil = emptyArticle({
      title: '<script>alert(1)</script>',
      paragraphs: [
        p('#话题# 参与讨论 [点我](javascript:alert(1)) 乡村\u200B振兴'),
        p('- 不是列表'),
        p('1. 不是编号'),
      ],
    });
    const out = articleMarkdown(evil);
    expect(out).toContain('# &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('\\#话题\\# 参与讨论 \\[点我\\](javascript:alert(1)) 乡村振兴');
    expect(out).toContain('\n\\- 不是列表\n');
    expect(out).toContain('\n1\\. 不是编号\n');
    // The front matter keeps the title as data in a quoted YAML string; the rendered body is inert.
    expect(out).toContain('title: "<script>alert(1)</script>"');
    expect(out.slice(out.indexOf('\n---\n', 4))).not.toContain('<script');
    expect(out).not.toContain('\u200B');
  });
});

describe('bylines the body already prints', () => {
  it.each([
    [
      'a dateline paragraph',
      '株洲日报·掌上株洲讯(记者/罗欣)',
      [p('株洲日报·掌上株洲讯(记者/罗欣) 2月3日，农历大年初三。')],
    ],
    [
      'a photo credit paragraph',
      '株洲日报·掌上株洲记者/刘震摄',
      [p('春运迎来返程高峰。', 'caption'), p('株洲日报·掌上株洲记者/刘震摄', 'credit')],
    ],
  ])('are not repeated: %s', (_name, byline, paragraphs) => {
    const md = articleMarkdown(emptyArticle({ title: 't', bylines: [byline], paragraphs }));
    expect(md.split(byline).length - 1).toBe(1);
    // …but still name the author in the front matter.
    expect(md).toMatch(/authors: \["(罗欣|刘震)"\]/);
  });
});

describe('text helpers', () => {
  it.each([
    ['防止规\n\n模性返贫是底线', '防止规模性返贫是底线'],
    ['　　春节，人们跨越山海奔赴家乡。', '春节，人们跨越山海奔赴家乡。'],
    ['RCEP\nagreement', 'RCEP agreement'],
  ])('flattenParagraph(%j)', (input, out) => {
    expect(flattenParagraph(input)).toBe(out);
  });
  it.each([
    ['李军', '"李军"'],
    ['他说"好"\\', '"他说\\"好\\"\\\\"'],
    ['a\nb\u0007', '"a\\nb\\a"'],
  ])('yamlString(%j)', (input, out) => {
    expect(yamlString(input)).toBe(out);
  });
  it('escapes Obsidian block ids, wikilinks and comments', () => {
    expect(escapeParagraph('见 [[链接]] 结尾 ^abc %%注%%')).toBe(
      '见 \\[\\[链接\\]\\] 结尾 \\^abc \\%\\%注\\%\\%',
    );
  });
  it('escapes Obsidian math and highlight syntax', () => {
    expect(escapeParagraph('价格$5 ==重点== 100%%')).toBe('价格\\$5 \\=\\=重点\\=\\= 100\\%\\%');
  });
});

describe('any page text stays inert', () => {
  it('never yields raw HTML, links or tags in the body, whatever the text', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '[',
        ']',
        '(',
        ')',
        '#',
        '话',
        '题',
        '*',
        '_',
        '=',
        '`',
        '\n',
        '\u200B',
        '&',
        'a',
        ' ',
        '，',
        '!',
      ),
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 4 }), (title, byline, paras) => {
        const md = articleMarkdown(
          emptyArticle({
            title,
            bylines: [byline],
            paragraphs: paras.map((t) => p(t)),
            urls: ['https://e.org/a'],
          }),
          { highlights: paras.length ? [hl(paras[0].slice(1, 6), 0)] : [] },
        );
        const body = md.slice(md.indexOf('\n---\n', 4) + 5);
        // The only HTML is our own <mark> and the autolink of the URL we chose.
        expect(body.replace(/<\/?mark>|<https:\/\/e\.org\/a>/g, '')).not.toMatch(/</);
        // Every 「[」 and 「#话」 of page text is escaped (the citation's own [N/OL] aside).
        const withoutCitation = body.slice(0, body.lastIndexOf('\n---\n'));
        expect(withoutCitation).not.toMatch(/(^|[^\\])(\[|#(?=话))/m);
        expect(body).not.toContain('\u200B');
      }),
      { numRuns: 300 },
    );
  });
});
