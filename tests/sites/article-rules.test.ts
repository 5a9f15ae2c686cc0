/**
 * Article-body rules of issue 10 over exact strings as printed: a byline after an 编者按 is the byline,
 * a continuation page's repeated title above 「上接」 is not text, a dateline is kept as the source line.
 */
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../lib/model';
import { readText } from '../../lib/sites';
import { buildArticle, type ArticleInput } from '../../lib/sites/common/article';

/** An article page's input with defaults; a case sets title and paragraphs. */
function input(over: Partial<ArticleInput>): ArticleInput {
  return {
    url: 'http://epaper.hubeidaily.net/pc/content/202302/11/content_211269.html',
    paper: '湖北日报',
    date: '2023-02-11',
    label: '4',
    leadTitle: '',
    title: '',
    subtitle: '',
    bylines: [],
    paragraphs: [],
    images: [],
    ...over,
  };
}

const text = (...lines: string[]): Paragraph[] => lines.map((t) => ({ text: t, kind: 'text' }));
const NOTE = '【编者按】新春伊始，本报推出系列报道，走进基层一线，记录奋斗者的身影。';

describe('bylines where they are', () => {
  it.each([
    [
      [NOTE, '本报记者 张三 李四', '正文第一段，说了一件事。'],
      ['本报记者 张三 李四'],
      [NOTE, '正文第一段，说了一件事。'],
    ],
    [
      ['编者按：新春伊始，本报推出系列报道。', '□ 湖北日报评论员', '正文。'],
      ['湖北日报评论员'],
      ['编者按：新春伊始，本报推出系列报道。', '正文。'],
    ],
    // a byline after running text that is no editor's note stays where it is
    [['正文第一段，说了一件事。', '本报记者 张三'], [], ['正文第一段，说了一件事。', '本报记者 张三']],
    // a dateline opens the text and stays in it; it is recorded, but names nobody (lib/export/bylines)
    [
      ['新华社北京2月10日电 国家主席习近平在钓鱼台国宾馆会见柬埔寨首相洪森。'],
      ['新华社北京2月10日电'],
      ['新华社北京2月10日电 国家主席习近平在钓鱼台国宾馆会见柬埔寨首相洪森。'],
    ],
  ])('%j', (lines, bylines, kept) => {
    const a = buildArticle(input({ title: '标题', paragraphs: text(...lines) }));
    expect(a.bylines).toEqual(bylines);
    expect(a.paragraphs.map((p) => p.text)).toEqual(kept);
  });
});

describe('a continuation page that repeats the title above 「上接」', () => {
  const TITLE = '中国式现代化是强国建设、民族复兴的康庄大道';
  it.each([
    [[TITLE, '（上接第一版）', '正文的后半部分。'], ['正文的后半部分。'], '1'],
    [[TITLE, '◀上接A01版', '正文的后半部分。'], ['正文的后半部分。'], 'A1'],
    // without a 上接 the title-like first line is the story's own text
    [[TITLE, '正文。'], [TITLE, '正文。'], ''],
  ])('%j', (lines, kept, from) => {
    const a = buildArticle(input({ title: TITLE, paragraphs: text(...lines) }));
    expect(a.paragraphs.map((p) => p.text)).toEqual(kept);
    expect(a.continuedFrom).toBe(from);
  });
});

describe('page text: a byline after an 编者按', () => {
  const NOTE_LINE =
    '编者按：新春伊始，本报推出“新春走基层”系列报道，走进基层一线，记录奋斗者的身影，今起刊发。';
  it.each([NOTE_LINE, '【编者按】新春伊始，本报推出“新春走基层”系列报道，走进基层一线，记录奋斗者的身影。'])(
    '%s: one article, the note its first paragraph, the byline its byline',
    (note) => {
      const page = readText(
        [
          '乡村振兴“开卷” 株洲这样作答',
          note,
          '株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志',
          '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线，这件事看起来不大，却是不少家庭的心头事。',
        ].join('\n'),
        'file:///tmp/zhuzhou-daily-2022-02-07-A1.txt',
      );
      expect(page.articles.map((a) => [a.title, a.bylines, a.paragraphs.map((p) => p.text)])).toEqual([
        [
          '乡村振兴“开卷” 株洲这样作答',
          ['株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志'],
          [
            note,
            '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线，这件事看起来不大，却是不少家庭的心头事。',
          ],
        ],
      ]);
    },
  );
});
