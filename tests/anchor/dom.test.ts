import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe as suite, expect, it } from 'vitest';
import { anchor, anchorAll, describe, rootText } from '../../lib/anchor/index.ts';
import { normalizeForMatch } from '../../lib/anchor/normalize.ts';
import { articleText, describeText } from '../../lib/anchor/text.ts';
import type { Selectors } from '../../lib/model/index.ts';
import { articleDocument, longHainanArticle, rangeOf, seedParagraphs } from './fixtures.ts';

const article = longHainanArticle();
const KEY = 'hndaily-19688148';

/** The range's text with white space and paragraph breaks folded as the matcher folds them. */
function folded(r: Range): string {
  return normalizeForMatch(r.toString()).text.replace(/\s+/g, '');
}

suite('rootText', () => {
  it('is the normalised article text when the root holds the paragraphs (headline ignored)', () => {
    const { root } = articleDocument(article);
    expect(rootText(root)).toBe(normalizeForMatch(articleText(article.paragraphs)).text);
  });
});

suite('describe on a page', () => {
  it('gives the same selectors as the reader computes from the paragraphs', () => {
    const { doc, root } = articleDocument(article);
    const quote = article.paragraphs[5].slice(3, 20);
    const fromPage = describe(root, rangeOf(doc, root, quote), KEY);
    const text = articleText(article.paragraphs);
    const at = text.indexOf(quote);
    expect(fromPage).toEqual(describeText(text, at, at + quote.length, KEY));
    expect(fromPage?.paragraph).toBe(5);
  });

  it('a selection across two paragraphs keeps the break as \\n and starts in the first', () => {
    const { doc, root } = articleDocument(article);
    const [p1, p2] = Array.from(root.querySelectorAll('p'));
    const r = doc.createRange();
    r.setStart(p1.firstChild as Text, (p1.textContent ?? '').length - 6);
    r.setEnd(p2.firstChild as Text, 8);
    const s = describe(root, r, KEY) as Selectors;
    expect(s.exact).toBe(`${article.paragraphs[0].slice(-6)}\n${article.paragraphs[1].slice(0, 6)}`);
    expect(s.paragraph).toBe(0);
  });

  it('a triple-click selection (element boundaries, ending at the next paragraph) is that paragraph', () => {
    const { doc, root } = articleDocument(article);
    const [, p2, p3] = Array.from(root.querySelectorAll('p'));
    const r = doc.createRange();
    r.setStart(p2, 0);
    r.setEnd(p3, 0);
    expect(describe(root, r, KEY)).toMatchObject({ exact: article.paragraphs[1], paragraph: 1 });
  });

  it('a selection inside the headline (outside the paragraphs) describes nothing', () => {
    const { doc, root } = articleDocument(article);
    const h = root.querySelector('h1') as Element;
    const r = doc.createRange();
    r.selectNodeContents(h);
    expect(describe(root, r, KEY)).toBeNull();
  });

  it('uses data-para as the paragraph index (the stitched reader numbers its paragraphs)', () => {
    const doc = new Window().document as unknown as Document;
    const root = doc.createElement('div');
    for (const [i, text] of [
      [7, '第一段。'],
      [8, '上接A1版的第二段，株洲日报·掌上株洲讯。'],
    ] as const) {
      const d = doc.createElement('div');
      d.setAttribute('data-para', String(i));
      d.textContent = text;
      root.appendChild(d);
    }
    doc.body.appendChild(root);
    const t = root.lastChild?.firstChild as Text;
    const r = doc.createRange();
    r.setStart(t, 10);
    r.setEnd(t, 14);
    expect(describe(root, r, KEY)).toMatchObject({ exact: '株洲日报', paragraph: 8 });
  });
});

suite('anchor on a page', () => {
  it('places a highlight back as a Range over the same characters', () => {
    const { doc, root } = articleDocument(article);
    const quote = article.paragraphs[9].slice(2, 30);
    const s = describe(root, rangeOf(doc, root, quote), KEY) as Selectors;
    const m = anchor(root, s);
    expect('notFound' in m).toBe(false);
    if ('notFound' in m) return;
    expect(m.range.toString()).toBe(quote);
    expect(m.method).toBe('exact');
  });

  it('a highlight made in the stitched reader shows on the page of its part, and back', () => {
    const paras = article.paragraphs;
    const reader = articleDocument(article);
    // Page 2 of the story: a 上接 marker, then the second half (positions all differ from the reader's).
    const part2 = articleDocument({ title: article.title, paragraphs: ['（上接A1版）', ...paras.slice(12)] });
    const quote = paras[15].slice(4, 24);
    const inReader = describe(reader.root, rangeOf(reader.doc, reader.root, quote), KEY) as Selectors;
    const onPage = anchor(part2.root, inReader);
    expect(onPage).toMatchObject({ method: 'exact' });
    if (!('notFound' in onPage)) expect(onPage.range.toString()).toBe(quote);

    const madeOnPage = describe(part2.root, rangeOf(part2.doc, part2.root, quote), KEY) as Selectors;
    expect(madeOnPage.paragraph).toBe(15 - 12 + 1);
    const back = anchor(reader.root, madeOnPage);
    if ('notFound' in back) throw new Error('not placed in the reader');
    expect(back.range.toString()).toBe(quote);
  });

  it('a highlight across a paragraph break is placed across the same two paragraphs', () => {
    const { doc, root } = articleDocument(article);
    const [, p2, p3] = Array.from(root.querySelectorAll('p'));
    const r = doc.createRange();
    r.setStart(p2.firstChild as Text, 4);
    r.setEnd(p3.firstChild as Text, 12);
    const s = describe(root, r, KEY) as Selectors;
    const m = anchor(root, s);
    if ('notFound' in m) throw new Error('not placed');
    expect(folded(m.range)).toBe(folded(r));
    expect(m.range.startContainer).toBe(p2.firstChild);
    expect(m.range.endContainer).toBe(p3.firstChild);
  });

  it('a page whose text changed lists the highlight as not found', () => {
    const { doc, root } = articleDocument(article);
    const s = describe(root, rangeOf(doc, root, article.paragraphs[3].slice(0, 16)), KEY) as Selectors;
    const other = articleDocument({ title: '乡村振兴“开卷” 株洲这样作答', paragraphs: seedParagraphs() });
    expect(anchor(other.root, s)).toEqual({ notFound: true });
  });

  it('places many highlights over one view', () => {
    const { doc, root } = articleDocument(article);
    const quotes = article.paragraphs.slice(0, 20).map((p) => p.slice(1, 11));
    const sels = quotes.map((q) => describe(root, rangeOf(doc, root, q), KEY) as Selectors);
    const placed = anchorAll(root, sels);
    expect(placed.map((m) => ('notFound' in m ? null : m.range.toString()))).toEqual(quotes);
  });
});

suite('a real 中国青年报 pc page', () => {
  const html = readFileSync(
    join(import.meta.dirname, '../fixtures/real/zqb-cyol/content_430781.html'),
    'utf8',
  );
  const window = new Window({ url: 'http://zqb.cyol.com/pc/content/202609/16/content_430781.html' });
  // The window's own document, not a DOMParser one: happy-dom's Range misbehaves on parsed documents.
  window.document.write(html);
  const doc = window.document as unknown as Document;
  const root = doc.querySelector('founder-content') as Element;

  it.each(['她提出想回去', '“我是一个失败的母亲。”第二天一早', '（应受访者要求，肖桔华为化名）'])(
    '%s is described on the page and placed back exactly',
    (quote) => {
      const text = rootText(root);
      const at = text.indexOf(quote);
      expect(at).toBeGreaterThanOrEqual(0);
      const s = describeText(text, at, at + quote.length, 'zqb|430781') as Selectors;
      const m = anchor(root, s);
      expect(m).toMatchObject({ method: 'exact' });
      if (!('notFound' in m)) expect(m.range.toString()).toBe(quote);
    },
  );

  it('skips a display:none copy of the body (#articleContent on pc pages)', () => {
    // happy-dom hoists the copy's nested <body> out of the div, so the copy is rebuilt here as Chromium keeps it.
    const copy = doc.createElement('div');
    copy.setAttribute('style', 'display:none');
    copy.id = 'articleContent';
    for (const p of Array.from(root.querySelectorAll('p'))) copy.appendChild(p.cloneNode(true));
    const page = doc.createElement('div');
    page.appendChild(root.cloneNode(true));
    page.appendChild(copy);
    const text = rootText(page);
    expect(text).toBe(rootText(root));
    const at = text.indexOf('她提出想回去');
    const m = anchor(page, describeText(text, at, at + 6, 'zqb|430781') as Selectors);
    expect(m).toMatchObject({ method: 'exact' });
  });
});
