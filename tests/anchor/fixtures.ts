/** Real article text for anchoring tests: the seed page and 海南日报 crawler output (tests/fixtures/). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Non-empty lines of the seed page (株洲日报 2022-02-07 A1), as printed. */
export function seedParagraphs(): string[] {
  const text = readFileSync(join(FIXTURES, 'seed', 'zhuzhou-daily-2022-02-07-A1.txt'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '');
}

export interface FixtureArticle {
  title: string;
  paragraphs: string[];
}

/** 海南日报 2026-07-09 articles (raw crawler JSON: paragraphs separated by blank lines). */
export function hainanArticles(): FixtureArticle[] {
  const file = join(FIXTURES, 'real', 'hainan-daily', 'raw-hndaily', '2026-07-09.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    pages: Array<{ articles: Array<{ title: string; content: string }> }>;
  };
  return data.pages.flatMap((p) =>
    p.articles.map((a) => ({
      title: a.title,
      paragraphs: a.content.split('\n').filter((l) => l.trim() !== ''),
    })),
  );
}

/** The longest 海南日报 article of the fixture (「在国家科学技术奖励大会……」, 3,814 chars). */
export function longHainanArticle(): FixtureArticle {
  return hainanArticles().reduce((a, b) =>
    b.paragraphs.join('').length > a.paragraphs.join('').length ? b : a,
  );
}

/**
 * An article page as a Founder site renders it: headline outside the paragraphs, each paragraph a
 * <p> starting with two U+3000, source line breaks and indentation between elements.
 */
export function articleDocument(article: FixtureArticle): { doc: Document; root: Element } {
  const window = new Window();
  const doc = window.document as unknown as Document;
  const root = doc.createElement('founder-content');
  const h = doc.createElement('h1');
  h.textContent = article.title;
  root.appendChild(h);
  for (const p of article.paragraphs) {
    root.appendChild(doc.createTextNode('\n\t\t'));
    const el = doc.createElement('p');
    el.textContent = `\u3000\u3000${p}`;
    root.appendChild(el);
  }
  doc.body.appendChild(root);
  return { doc, root };
}

/** A range over the first occurrence of `quote` inside the single text node of the block holding it. */
export function rangeOf(doc: Document, root: Element, quote: string, nth = 0): Range {
  let seen = 0;
  for (const p of Array.from(root.querySelectorAll('p'))) {
    const t = p.firstChild as Text | null;
    if (!t) continue;
    for (let at = t.data.indexOf(quote); at >= 0; at = t.data.indexOf(quote, at + 1)) {
      if (seen++ === nth) {
        const r = doc.createRange();
        r.setStart(t, at);
        r.setEnd(t, at + quote.length);
        return r;
      }
    }
  }
  throw new Error(`quote not in fixture: ${quote}`);
}
