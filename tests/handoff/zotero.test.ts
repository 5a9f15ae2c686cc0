/**
 * The newspaperArticle item for the real 海南日报 story (001 → 002) with its clips and highlights,
 * checked field by field against Zotero's schema (lib/handoff/zotero-schema.ts), and table tests
 * over titles, pages and names.
 */
import { describe, expect, it } from 'vitest';
import { groupByArticle } from '../../lib/export/selection';
import { articleNotes, escapeHtml } from '../../lib/handoff/notes';
import { zoteroItem, zoteroPages } from '../../lib/handoff/zotero';
import { NEWSPAPER_ARTICLE_CREATOR_TYPES, NEWSPAPER_ARTICLE_FIELDS } from '../../lib/handoff/zotero-schema';
import { sourceOf } from '../../lib/model';
import { makeArticle, makeClip, makeHighlight } from '../export/factories';
import { hainanLibrary } from '../export/hainan';

const NOT_FIELDS = ['id', 'itemType', 'creators', 'notes', 'tags', 'attachments'];

describe('zoteroItem: the 海南日报 story', () => {
  const [g] = groupByArticle(hainanLibrary());
  const notes = articleNotes(g.clips, g.highlights);
  const item = zoteroItem({ ...g.source, articleKey: g.key }, notes, {
    accessed: '2026-12-04',
    section: '要闻',
    tags: ['脑机接口', '海南', '脑机接口'],
  });

  it('writes only fields of the newspaperArticle schema', () => {
    const fields = Object.keys(item).filter((k) => !NOT_FIELDS.includes(k));
    for (const f of fields) expect(NEWSPAPER_ARTICLE_FIELDS as readonly string[]).toContain(f);
    for (const c of item.creators)
      expect(NEWSPAPER_ARTICLE_CREATOR_TYPES as readonly string[]).toContain(c.creatorType);
  });

  it('fills each field from the article', () => {
    expect(item).toMatchObject({
      id: '海南日报|2026-07-13|19697256',
      itemType: 'newspaperArticle',
      title: '一枚“海南芯”，让“意念控制”照进现实',
      publicationTitle: '海南日报',
      date: '2026-07-13',
      section: '要闻',
      pages: '1-2',
      language: 'zh-CN',
      accessDate: '2026-12-04',
    });
    expect(item.url).toMatch(/^https?:\/\//);
    expect(item.libraryCatalog).toBe(new URL(item.url!).host);
    expect(item.shortTitle).toBeUndefined();
    expect(item.place).toBeUndefined();
    expect(item.tags).toEqual([{ tag: '脑机接口' }, { tag: '海南' }]);
  });

  it('names authors as single-field creators', () => {
    expect(item.creators.length).toBeGreaterThan(0);
    for (const c of item.creators) {
      expect(c).toMatchObject({ firstName: '', fieldMode: 1, creatorType: 'author' });
      expect(c.lastName).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
  });

  it('attaches one child note per clip and highlight, with its note', () => {
    expect(item.notes).toHaveLength(g.clips.length + g.highlights.length);
    const award = item.notes[0].note;
    expect(award).toContain('<blockquote>');
    expect(award).toContain('<p>获奖：全国脑机接口十大创新产品奖。</p><p>另见 #话题# 报道</p>');
    expect(award).toContain('标签：脑机接口、海南');
    expect(item.notes.some((n) => n.note.includes('唯一获奖的芯片类产品'))).toBe(true);
    // A highlight whose quote is no longer in the text still goes: nothing is lost.
    expect(item.notes.some((n) => n.note.includes('网站改版前的划线'))).toBe(true);
  });
});

describe('zoteroItem: titles, pages, unknowns', () => {
  it.each([
    ['主题 only', { title: '春运迎来返程高峰' }, '春运迎来返程高峰', undefined, undefined],
    ['with 副题', { title: '主题', subtitle: '副题' }, '主题：副题', '主题', undefined],
    ['with 引题', { title: '主题', leadTitle: '引题' }, '主题', '主题', '引题: 引题'],
  ])('%s', (_n, init, title, shortTitle, extra) => {
    const item = zoteroItem(sourceOf(makeArticle(init)), []);
    expect([item.title, item.shortTitle, item.extra]).toEqual([title, shortTitle, extra]);
  });

  it.each([
    [['A1'], 'A1'],
    [['A1', 'A4'], 'A1-A4'],
    [['1', '2', '5'], '1-5'],
    [[], ''],
    [[' ', 'A3'], 'A3'],
  ])('pages %j → %s', (pages, want) => {
    expect(zoteroPages(pages)).toBe(want);
  });

  it('leaves out what is unknown and a file:// source', () => {
    const item = zoteroItem(
      sourceOf(makeArticle({ paper: '', date: '', pages: [], urls: ['file:///tmp/a.txt'], bylines: [] })),
      [],
      { accessed: '2026-12-04' },
    );
    expect(Object.keys(item).sort()).toEqual(
      ['attachments', 'creators', 'id', 'itemType', 'language', 'notes', 'tags', 'title'].sort(),
    );
  });

  it('escapes page text and notes as HTML', () => {
    const a = makeArticle({ paragraphs: [{ text: '<script>alert(1)</script>正文', kind: 'text' }] });
    const [n] = articleNotes([makeClip(a, [0], { note: '<b>注</b> & "引"' })], []);
    expect(n.html).not.toContain('<script>');
    expect(n.html).toContain(escapeHtml('<script>alert(1)</script>正文'));
    expect(n.html).toContain('&#60;b&#62;注&#60;/b&#62; &#38; &#34;引&#34;');
    const [h] = articleNotes([], [makeHighlight(a, '正文', 0)]);
    expect(h).toMatchObject({
      id: expect.stringMatching(/^h:/),
      html: '<blockquote><p>正文</p></blockquote>',
    });
  });
});
