// @vitest-environment happy-dom
/**
 * Capture's surfaces over the demo paper's real text: a selection on the article page and one in the
 * reader give selectors in ARTICLE coordinates, and each places on the other surface.
 */
import { render } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../../components/Reader';
import { describeParagraphs } from '../../../lib/anchor';
import {
  describeOn,
  makeSurface,
  paragraphsTouched,
  placeOn,
  type Surface,
} from '../../../lib/extension/kit/capture/surface';
import { DEFAULT_SETTINGS } from '../../../lib/extension/shared/reader-settings';
import type { Article, Selectors } from '../../../lib/model';
import { useLocale } from '../helpers';
import { SPLIT_1, SPLIT_2, openDemo, rangeOver, stitchedSplit } from './fixtures';

let story: Article;
let reader: Surface;

/** The Reader component's body for an article, as the panel renders it. */
function readerSurface(article: Article): Surface {
  const el = document.createElement('div');
  document.body.append(el);
  render(
    <Reader
      article={article}
      problems={[]}
      progress={null}
      settings={DEFAULT_SETTINGS}
      onSettings={() => undefined}
    />,
    el,
  );
  const body = el.querySelector('[data-testid="reader-body"]');
  if (!body) throw new Error('no reader body');
  return makeSurface('reader', body, article, article.urls[0]);
}

beforeAll(async () => {
  useLocale('zh_CN');
  story = await stitchedSplit();
  reader = readerSurface(story);
});

const part1 = () => openDemo(SPLIT_1);
const pageSurface = (f = part1()) => makeSurface('page', f.doc.body, f.article, f.url);

describe('selectors in article coordinates', () => {
  it.each(['神芯科技（海南）有限公司', '128通道神经信号采集刺激芯片', '一枚指甲盖大小的“海南芯”'])(
    'a page selection over 「%s」 points into the article paragraph that holds it',
    (quote) => {
      const s = pageSurface();
      // The byline paragraph 「■ 海南日报全媒体记者 黄媛艳」 is not in the article: indexes are the article's.
      const paragraph = s.article.paragraphs.findIndex((p) => p.text.includes(quote));
      expect(paragraph).toBeGreaterThanOrEqual(0);
      expect(s.identical).toBe(false); // the page has headlines, the page list, 「下转A02版」 around the text
      const sel = describeOn(s, rangeOver(s.root, quote)) as Selectors;
      expect(sel.exact).toBe(quote);
      expect(s.text.slice(sel.start, sel.end)).toBe(quote);
      expect(sel.paragraph).toBe(paragraph);
      expect(s.article.paragraphs[paragraph].text).toContain(quote);
      expect(sel.articleKey).toBe(s.article.key);
    },
  );

  it('the reader body is exactly the article text, so its selectors are lib/anchor’s own', () => {
    expect(reader.identical).toBe(true);
    const quote = '斩获“2026年全国脑机接口十大创新产品奖”';
    const sel = describeOn(reader, rangeOver(reader.root, quote)) as Selectors;
    const i = story.paragraphs.findIndex((p) => p.text.includes(quote));
    const at = story.paragraphs[i].text.indexOf(quote);
    expect(sel).toEqual(
      describeParagraphs(
        story.paragraphs,
        { paragraph: i, offset: at },
        { paragraph: i, offset: at + quote.length },
        story.key,
      ),
    );
  });

  it('a selection outside the article (the page list, the title) is no highlight', () => {
    const s = pageSurface();
    expect(describeOn(s, rangeOver(s.root, '第002版：本省新闻'))).toBeNull();
    expect(describeOn(s, rangeOver(s.root, '返回版面'))).toBeNull();
  });
});

describe('placing highlights on the other surface', () => {
  it('a highlight made in the reader (part 2 text) is placed on part 2’s page, not on part 1’s', () => {
    const p2 = openDemo(SPLIT_2);
    const quote = story.paragraphs[story.parts[1].from + 2].text.slice(4, 22);
    const sel = describeOn(reader, rangeOver(reader.root, quote)) as Selectors;
    const onPart2 = placeOn(makeSurface('page', p2.doc.body, p2.article, p2.url), [{ selectors: sel }]);
    expect(onPart2[0].range?.toString()).toBe(quote);
    expect(placeOn(pageSurface(), [{ selectors: sel }])[0].range).toBeNull();
  });

  it('a highlight made on the page is placed in the reader, on the same words', () => {
    const s = pageSurface();
    const quote = '让成立仅两年多的初创企业站上行业领奖台';
    const sel = describeOn(s, rangeOver(s.root, quote)) as Selectors;
    const [placed] = placeOn(reader, [{ selectors: sel }]);
    expect(placed.range?.toString()).toBe(quote);
    expect(reader.root.contains(placed.range?.startContainer ?? null)).toBe(true);
  });

  it('a page whose sentence was rewritten cannot place it (an orphan), a page with one changed character still can', () => {
    const quote = '这家来自三亚崖州湾科技城高新区（以下简称科技城）的企业';
    const s = pageSurface();
    const sel = describeOn(s, rangeOver(s.root, quote)) as Selectors;
    const rewritten = openDemo(SPLIT_1, (h) => h.replace(quote, '这是一家改过名字的企业'));
    expect(placeOn(pageSurface(rewritten), [{ selectors: sel }])[0].range).toBeNull();
    const typo = openDemo(SPLIT_1, (h) => h.replace('以下简称科技城', '以下简称科技园'));
    expect(placeOn(pageSurface(typo), [{ selectors: sel }])[0].range?.toString()).toContain('科技园');
  });
});

describe('paragraphsTouched', () => {
  it('lists every paragraph a span crosses, in order', () => {
    const text = '甲段。\n乙段文字。\n丙段。';
    expect(paragraphsTouched({ text }, { start: 1, end: 2 })).toEqual([0]);
    expect(paragraphsTouched({ text }, { start: 2, end: 6 })).toEqual([0, 1]);
    expect(paragraphsTouched({ text }, { start: 0, end: text.length })).toEqual([0, 1, 2]);
    expect(paragraphsTouched({ text }, { start: 10, end: 12 })).toEqual([2]);
  });
});
