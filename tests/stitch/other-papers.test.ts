/**
 * End to end beyond 海南日报: 中国青年报's same-title continuation (05版 → 06版, the 06版 article page is
 * not in the fixtures) and the 株洲日报 seed's 「下转A4版」 with no A4. Problems, never a crash.
 */
import { describe, expect, it } from 'vitest';
import type { Page, PageLoader } from '../../lib/model';
import { readPage, readText } from '../../lib/sites';
import { stitchArticle, stitchPages } from '../../lib/stitch';
import { docFromHtml, fixtureText } from '../helpers/dom';
import { hbrbFragments } from '../sites/cases';
import { golden, summary } from './golden';

const CONTENT_URL = 'http://zqb.cyol.com/pc/content/202609/16/content_430781.html';
const NODE_URL = 'http://zqb.cyol.com/pc/layout/202609/16/node_06.html';

function zqb(): { page5: Page; node6: Page; load: PageLoader; asked: string[] } {
  const page5 = readPage(
    docFromHtml(fixtureText('real/zqb-cyol/content_430781.html'), CONTENT_URL),
    CONTENT_URL,
  );
  const node6 = readPage(docFromHtml(fixtureText('real/zqb-cyol/node_06.html'), NODE_URL), NODE_URL);
  const asked: string[] = [];
  // Like the CLI given only these two files: page 6 by label or URL, nothing else.
  const load: PageLoader = async (ref) => {
    asked.push(ref.url ?? `label ${ref.label}`);
    if (ref.url === NODE_URL || (!ref.url && ref.label === '6')) return node6;
    throw new Error(`not given: ${ref.url ?? ref.label}`);
  };
  return { page5, node6, load, asked };
}

describe('中国青年报 same-title continuation (05版 → 06版)', () => {
  it('finds the same-title block on 06版 and says its page could not be loaded', async () => {
    const { page5, load, asked } = zqb();
    const start = page5.articles[0];
    const { article, problems } = await stitchArticle(start, page5, load, { sameTitle: true });
    expect(article.title).toBe('谁的房子谁的家');
    expect(article.pages).toEqual(['5']);
    expect(article.paragraphs).toEqual(start.paragraphs);
    expect(problems).toEqual([
      '「谁的房子谁的家」 may continue on page 6, which lists the same title, but its page could not be loaded: ' +
        '「谁的房子谁的家」 http://zqb.cyol.com/pc/content/202609/16/content_430784.html (not given: http://zqb.cyol.com/pc/content/202609/16/content_430784.html)',
    ]);
    // Only the block with the same title was opened, not the two other stories of 06版.
    expect(asked.filter((u) => u.includes('content_'))).toEqual([
      'http://zqb.cyol.com/pc/content/202609/16/content_430784.html',
    ]);
    golden('zqb-2026-09-16-same-title', summary(article, problems));
  });

  it('stitchPages over both files gives every article once with the same problem', async () => {
    const { page5, node6 } = zqb();
    const { articles, problems } = await stitchPages([node6, page5]);
    expect(articles.map((a) => a.title)).toEqual(['谁的房子谁的家']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      'content_430784.html (http://zqb.cyol.com/pc/content/202609/16/content_430784.html was not given)',
    );
  });
});

describe('株洲日报 seed: 「下转A4版」 and no A4', () => {
  it('keeps the front-page story as far as A1 goes, with a problem naming A4', async () => {
    const url = 'file:///seed/zhuzhou-daily-2022-02-07-A1.txt';
    const page = readText(fixtureText('seed/zhuzhou-daily-2022-02-07-A1.txt'), url);
    const { articles, problems } = await stitchPages([page]);
    expect(articles).toHaveLength(page.articles.length);
    const lead = articles.find((a) => a.title.includes('乡村振兴'))!;
    expect(lead.continuesTo).toBe('A4');
    expect(lead.pages).toEqual(['A1']);
    expect(lead.paragraphs.at(-1)?.text).toBe('全面推进乡村振兴，株洲最大的优势在哪？');
    expect(problems).toEqual(['下转A4版: page A4 is not available (page A4 was not given)']);
  });
});

describe('湖北日报 2023-02-11: three stories printed on 01 and again on a later page', () => {
  it('lists each once, with both pages, the text once, and says which page holds the copy', async () => {
    const fragments = hbrbFragments();
    const pages = fragments.map((f) => readPage(docFromHtml(f.html, f.url), f.url));
    const { articles, problems } = await stitchPages(pages);
    const at = (id: number) => `http://epaper.hubeidaily.net/pc/content/202302/11/content_${id}.html`;
    // Two are byte-identical copies on distant pages; the third is on the next page, stitched by title.
    expect([...problems].sort()).toEqual([
      `「中国式现代化是强国建设、民族复兴的康庄大道」: page 4 (${at(211269)}) holds a copy of the text on page 1 (${at(211244)}); listed once, with both pages.`,
      `「中碳登喜迎首批“碳客”」: page 3 (${at(211261)}) holds a copy of the text on page 1 (${at(211248)}); listed once, with both pages.`,
    ]);
    // 32 fragments: content_211250 is in the file twice, and three stories repeat.
    expect(new Set(fragments.map((f) => f.url)).size).toBe(31);
    expect(articles).toHaveLength(28);
    const repeated = articles
      .filter((a) => a.pages.length > 1)
      .map((a) => [a.title, a.pages, a.parts.map((p) => p.regime)]);
    expect(repeated).toEqual([
      ['中国式现代化是强国建设、民族复兴的康庄大道', ['1', '4'], ['first', 'duplicate']],
      ['中碳登喜迎首批“碳客”', ['1', '3'], ['first', 'duplicate']],
      ['环境升级服务优 居家养老变“享老”', ['1', '2'], ['first', 'duplicate']],
    ]);
    const once = pages.find((p) => p.url.endsWith('content_211244.html'))!.articles[0];
    const story = articles.find((a) => a.title === once.title)!;
    expect(story.paragraphs).toEqual(once.paragraphs);
    // The first printing holds the whole text; the copy's part holds nothing new.
    const n = once.paragraphs.length;
    expect(story.parts.map((p) => [p.page, p.from, p.to])).toEqual([
      ['1', 0, n],
      ['4', n, n],
    ]);
    expect(story.urls).toEqual([at(211244), at(211269)]);
  });
});

describe('byte-identical copies without page labels (two saved files of one story)', () => {
  it('come out once, with both URLs, and a note naming the copy', async () => {
    const html = (title: string) =>
      `<html><head><title>${title}</title></head><body><founder-content><p>　　这是正文的第一段，说明了事情的经过。</p>` +
      '<p>　　这是第二段，也说明了一些事情。</p></founder-content></body></html>';
    const a = readPage(docFromHtml(html('一篇文章'), 'file:///tmp/a.html'), 'file:///tmp/a.html');
    const b = readPage(docFromHtml(html('一篇文章'), 'file:///tmp/b.html'), 'file:///tmp/b.html');
    const { articles, problems } = await stitchPages([a, b]);
    expect(articles).toHaveLength(1);
    expect(articles[0].urls).toEqual(['file:///tmp/a.html', 'file:///tmp/b.html']);
    expect(articles[0].parts.map((p) => [p.url, p.from, p.to, p.regime])).toEqual([
      ['file:///tmp/a.html', 0, 2, 'first'],
      ['file:///tmp/b.html', 2, 2, 'duplicate'],
    ]);
    expect(problems).toEqual([
      '「一篇文章」: file:///tmp/b.html holds a copy of the text on file:///tmp/a.html; listed once, with both pages.',
    ]);
  });
});
