import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipMarkdown } from '../../lib/export/clips';
import { groupByArticle, libraryMarkdown, selectionMarkdown } from '../../lib/export/selection';
import { libraryFiles } from '../../lib/export/files';
import { renderMarked } from '../../lib/export/marks';
import { makeArticle, makeClip, makeHighlight, makeStored } from './factories';

const seedArticle = makeArticle({
  paragraphs: [
    { text: '你过节，我站岗。株洲公安民警辅警舍小家、为大家，坚守岗位、忠诚履职。', kind: 'text' },
    { text: '舍“小家欢聚”得“万家团圆”，公安暖心服务一直在线。', kind: 'text' },
  ],
});

describe('clipMarkdown', () => {
  const clip = makeClip(seedArticle, [0, 1], { note: '值得引用\n第二行 #话题#', tags: ['平安', '春节'] });
  const hl = makeHighlight(seedArticle, '“万家团圆”，', 1, { note: '对仗' });
  const md = clipMarkdown(clip, [hl], { accessed: '2026-11-29' });

  it('quotes the paragraphs, one quote paragraph each, with the note below', () => {
    expect(md).toContain(
      '> 你过节，我站岗。株洲公安民警辅警舍小家、为大家，坚守岗位、忠诚履职。\n>\n> 舍“小家欢聚”得',
    );
    expect(md).toContain('\n\n值得引用\n\n第二行 \\#话题\\#\n\n#平安 #春节\n\n');
  });
  it('marks the highlight without its edge punctuation and lists its note', () => {
    expect(md).toContain('得“==万家团圆==”，公安');
    expect(md).toContain('- 「“万家团圆”，」对仗');
  });
  it('puts the clip tags in the front matter', () => {
    expect(md).toContain('tags: ["平安", "春节"]');
  });
  it('ends with the citation', () => {
    expect(md.trimEnd().endsWith('2022-02-07(A1)[2026-11-29]. <http://example.org/content_1.htm>.')).toBe(
      true,
    );
  });
});

describe('renderMarked never puts punctuation or space just inside ==', () => {
  it('holds for any text and span', () => {
    const ch = fc.constantFrom('真', '她', '，', '。', '“', '”', ' ', 'a', '=', '*', '！');
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (chars, x, y) => {
        const text = chars.join('');
        const a = x % text.length;
        const b = a + 1 + (y % (text.length - a));
        const out = renderMarked(text, [{ start: a, end: b }], 'equals');
        const m = /(?<!\\)==(.+?)(?<!\\)==/u.exec(out);
        if (m) {
          expect(m[1]).not.toMatch(/^[\p{P}\p{S}\s]|[\p{P}\p{S}\s]$/u);
        } else {
          expect(out).toContain('<mark>');
        }
      }),
      { numRuns: 300 },
    );
  });
  it('writes 「真，」 as ==真==，', () => {
    expect(renderMarked('真，她说', [{ start: 0, end: 2 }], 'equals')).toBe('==真==，她说');
    expect(renderMarked('！', [{ start: 0, end: 1 }], 'equals')).toBe('<mark>！</mark>');
    expect(renderMarked('a=真', [{ start: 2, end: 3 }], 'equals')).toBe('a\\===真==');
    expect(renderMarked('== 真', [{ start: 1, end: 4 }], 'equals')).toBe('\\=\\= ==真==');
  });
});

describe('selection and library', () => {
  const a1 = makeArticle();
  const a2 = makeArticle({
    key: 'hnrb|2026-07-13|1|0',
    paper: '海南日报',
    date: '2026-07-13',
    title: '海南重卡“驶向”环岛换电自由',
  });
  const data = {
    articles: [makeStored(a2), makeStored(a1)],
    highlights: [makeHighlight(a1, '株洲西站', 0)],
    clips: [makeClip(a2, [0]), makeClip(a1, [0])],
  };
  it('groups by article and orders by publication date', () => {
    expect(groupByArticle(data).map((g) => g.key)).toEqual([a1.key, a2.key]);
  });
  it('writes one section per article with a meta line and citation', () => {
    const md = libraryMarkdown(data);
    expect(md).toContain('title: "全部摘录"');
    expect(md).toContain(
      '## 春运迎来返程高峰\n\n株洲日报 · 2022-02-07 · A1\n\n### 摘录\n\n> 春运迎来返程高峰。==株洲西站==预计',
    );
    expect(md.indexOf('## 春运迎来返程高峰')).toBeLessThan(md.indexOf('## 海南重卡“驶向”环岛换电自由'));
    expect(selectionMarkdown(data, { title: '选中' })).toContain('# 选中');
  });
  it('gives every article its own uniquely named file', () => {
    const twin = makeArticle({ key: 'other', title: '春运迎来返程高峰' });
    const files = libraryFiles({ ...data, clips: [...data.clips, makeClip(twin, [0])] });
    expect(files.map((f) => f.name)).toEqual([
      '2022-02-07 株洲日报 春运迎来返程高峰.md',
      '2022-02-07 株洲日报 春运迎来返程高峰 (2).md',
      '2026-07-13 海南日报 海南重卡“驶向”环岛换电自由.md',
    ]);
  });
});
