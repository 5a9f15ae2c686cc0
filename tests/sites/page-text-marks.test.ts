/**
 * Page text whose paragraphs are marked (each opens with 「　　」): a line without final punctuation is
 * a paragraph of its own, and a long unindented line between the 主题 and the body is the 副题. The
 * article text below is written for the test in the form of a 人民日报 article copied from its page
 * (indented paragraphs, lines holding only 「　」 between sections); the seed is the unmarked control.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../lib/sites';
import { paragraphMarks } from '../../lib/text/repair';

const SEED = readFileSync('tests/fixtures/seed/zhuzhou-daily-2022-02-07-A1.txt', 'utf8');
const URL = 'file:///home/reader/rmrb-2023-01-31-04.txt';
const TITLE = '坚持把人民群众的小事当作自己的大事';
const LEAD =
  '　　本报北京1月31日电（记者张三）　今年以来，各地各部门认真落实中央部署，把群众的急难愁盼放在心上，一件件办实事。';
const BODY = [
  LEAD,
  '　',
  '　　从小处着眼',
  '　',
  '　　社区食堂开进了老旧小区，老人们在家门口就能吃上热乎饭，这件事看起来不大，却是不少家庭的心头事。',
  '　　“办好一件事，胜过十句话”',
  '　　在基层采访时，一位社区书记这样说。他说，群众看干部，不是看说了什么，而是看做了什么。',
];

describe('paragraphMarks', () => {
  it.each([
    ['the seed (columns cut its paragraphs)', SEED, ''],
    ['indented paragraphs', [TITLE, ...BODY].join('\n'), 'indent'],
    // Indents on every line, the title too, mark nothing; the lines still end their paragraphs.
    [
      'every line indented, the title too',
      [TITLE, ...BODY].map((l) => `　　${l.trim()}`).join('\n'),
      'one paragraph a line',
    ],
    ['one paragraph a line', [TITLE, ...BODY.map((l) => l.trim())].join('\n'), 'one paragraph a line'],
    [
      'a cut line among them',
      [
        TITLE,
        ...BODY.map((l) => l.trim()),
        '社区工作者说，这些事情看似琐碎却关系到千家万户的冷暖，必须一',
      ].join('\n'),
      '',
    ],
  ])('%s → %j', (_what, text, rule) => {
    expect(paragraphMarks(text.split('\n'))).toBe(rule);
  });
});

describe('marked page text', () => {
  it('keeps the pull-quote and the section decks as paragraphs of their own, across 「　」 lines', () => {
    const [a] = readText([TITLE, ...BODY].join('\n'), URL).articles;
    expect(a.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      [
        'text',
        '本报北京1月31日电（记者张三） 今年以来，各地各部门认真落实中央部署，把群众的急难愁盼放在心上，一件件办实事。',
      ],
      ['crosshead', '从小处着眼'],
      [
        'text',
        '社区食堂开进了老旧小区，老人们在家门口就能吃上热乎饭，这件事看起来不大，却是不少家庭的心头事。',
      ],
      ['text', '“办好一件事，胜过十句话”'],
      ['text', '在基层采访时，一位社区书记这样说。他说，群众看干部，不是看说了什么，而是看做了什么。'],
    ]);
  });

  it('without marks the same lines are repaired as column cuts (the seed’s rule)', () => {
    const unmarked = [TITLE, ...BODY.filter((l) => l.trim()).map((l) => l.trim())];
    unmarked.push('社区工作者说，这些事情看似琐碎却关系到千家万户的冷暖，必须一');
    const [a] = readText(unmarked.join('\n'), URL).articles;
    expect(a.paragraphs.map((p) => p.text)).toContain(
      '“办好一件事，胜过十句话”在基层采访时，一位社区书记这样说。他说，群众看干部，不是看说了什么，而是看做了什么。',
    );
  });

  it.each([
    [
      'a long 副题 after a dash',
      '——记各地各部门为群众办实事解难题的实践，一年来持续推进的民生工程和基层治理创新综述',
    ],
    [
      'a long unindented 副题',
      '各地各部门认真落实中央部署把群众的急难愁盼放在心上一件件办实事一桩桩解难题的生动实践',
    ],
  ])('%s belongs to the headline, not to a second, untitled article', (_what, deck) => {
    const page = readText([TITLE, deck, ...BODY].join('\n'), URL);
    expect(page.articles.map((a) => [a.title, a.subtitle, a.paragraphs.length])).toEqual([
      [TITLE, deck.replace(/^——/, ''), 5],
    ]);
  });
});
