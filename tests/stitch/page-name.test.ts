/**
 * 版名 onto an article's parts (lib/stitch/page-name.ts): from the page itself, from its page list
 * (海南日报's article pages print none of their own), never over a name already there; and the
 * schema takes the field as optional, so records and backups made before it stay valid.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyArticle, emptyPage, sourceOf, type Article } from '../../lib/model';
import { LIMITS, articleSchema, check, clipSchema } from '../../lib/model/schemas';
import { readPage } from '../../lib/sites';
import { withPageName } from '../../lib/stitch/page-name';
import { FIXTURES, demoSite, readSitePage } from '../demo/demo-site';
import { docFromHtml } from '../helpers/dom';

const part = (page: string, name?: string) => ({ page, url: '', from: 0, to: 1, ...(name ? { name } : {}) });
const article = (parts: Article['parts']) => emptyArticle({ key: 'a.cn/content_1', parts });
const links = [
  { label: 'A1', name: '要闻', href: 'https://a.cn/node_1.htm' },
  { label: 'A4', name: '综合', href: 'https://a.cn/node_4.htm' },
];

describe('withPageName', () => {
  it.each([
    ['its own page', [part('A1')], { label: 'A1', name: '要闻' }, ['要闻']],
    ['a part read before its label was known', [part('')], { label: 'A1', name: '要闻' }, ['要闻']],
    [
      'the page list when the page names none',
      [part('A4')],
      { label: 'A4', name: '', pageLinks: links },
      ['综合'],
    ],
    [
      'a part of another page, from the list',
      [part('A1'), part('A4')],
      { label: 'A1', name: '要闻', pageLinks: links },
      ['要闻', '综合'],
    ],
    ['another page, no list: left unnamed', [part('A4')], { label: 'A1', name: '要闻' }, [undefined]],
    ['a name already there is kept', [part('A1', '头版')], { label: 'A1', name: '要闻' }, ['头版']],
    ['a page with no name anywhere', [part('A1')], { label: 'A1', name: '' }, [undefined]],
  ])('%s', (_, parts, page, names) => {
    const out = withPageName(article(parts), emptyPage(page));
    expect(out.parts.map((p) => p.name)).toEqual(names);
  });

  it('returns an unchanged article as is (cached text evidence is kept per article)', () => {
    const a = article([part('A1', '要闻')]);
    expect(withPageName(a, emptyPage({ label: 'A1', name: '综合' }))).toBe(a);
  });

  it('cuts a hostile page name to what the schema stores', () => {
    const out = withPageName(article([part('A1')]), emptyPage({ label: 'A1', name: '版'.repeat(10_000) }));
    expect(out.parts[0].name).toHaveLength(LIMITS.line);
    expect(check(articleSchema, out).ok).toBe(true);
  });

  it('names a real 海南日报 article page (002 版) from its page list: 本省新闻', () => {
    const page = readSitePage(demoSite(), '/html/2026-07/13/content_58465_19697268.htm');
    expect(page.name).toBe(''); // the article page prints no 版名 of its own
    const [a] = page.articles;
    expect(withPageName(a, page).parts.map((p) => [p.page, p.name])).toEqual([['2', '本省新闻']]);
  });

  it('names a real 中国青年报 article page from its own 版名: 冰点周刊', () => {
    const url = 'https://zqb.cyol.com/pc/content/202401/01/content_430781.html';
    const html = readFileSync(`${FIXTURES}/real/zqb-cyol/content_430781.html`, 'utf8');
    const page = readPage(docFromHtml(html, url), url);
    expect(sourceOf(withPageName(page.articles[0], page)).section).toBe('冰点周刊');
  });
});

describe('the 版名 field in stored records', () => {
  const named = withPageName(article([part('A1')]), emptyPage({ label: 'A1', name: '要闻' }));

  it('keeps it through the article schema', () => {
    const r = check(articleSchema, named);
    expect(r.ok && r.value.parts[0].name).toBe('要闻');
  });

  it('takes records made before it (no name) as they are', () => {
    const r = check(articleSchema, article([part('A1')]));
    expect(r.ok).toBe(true);
    expect(r.ok && 'name' in r.value.parts[0]).toBe(false);
  });

  it.each([
    ['too long', '版'.repeat(LIMITS.line + 1), 'parts[0].name: longer than 2000 characters'],
    ['not text', 7, 'parts[0].name: Invalid type: Expected string but received 7'],
  ])('refuses a name that is %s, saying where', (_, name, error) => {
    const bad = { ...named, parts: [{ ...named.parts[0], name }] };
    expect(check(articleSchema, bad)).toEqual({ ok: false, error });
  });

  it("keeps a clip source's section, and old clip sources without one", () => {
    const source = sourceOf(named);
    expect(source.section).toBe('要闻');
    const clip = {
      id: 'c1',
      articleKey: named.key,
      paragraphs: [],
      paragraphIndexes: [],
      note: '',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
    };
    const r = check(clipSchema, { ...clip, source });
    expect(r.ok && r.value.source.section).toBe('要闻');
    const { section: _, ...old } = source;
    expect(check(clipSchema, { ...clip, source: old }).ok).toBe(true);
  });
});
