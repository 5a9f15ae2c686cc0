/** Test objects with defaults: articles, stored articles, highlights and clips. */
import {
  emptyArticle,
  sourceOf,
  type Article,
  type Clip,
  type Highlight,
  type StoredArticle,
} from '../../lib/model';

export function makeArticle(init: Partial<Article> = {}): Article {
  return emptyArticle({
    key: 'zzrb|2022-02-07|A1|0',
    paper: '株洲日报',
    date: '2022-02-07',
    pages: ['A1'],
    title: '春运迎来返程高峰',
    paragraphs: [{ text: '春运迎来返程高峰。株洲西站预计今年春运发送旅客32万人次。', kind: 'text' }],
    urls: ['http://example.org/content_1.htm'],
    parts: [],
    ...init,
  });
}

export function makeStored(
  article: Article = makeArticle(),
  init: Partial<StoredArticle> = {},
): StoredArticle {
  return { key: article.key, article, urls: [...article.urls], firstSeenAt: 1000, lastSeenAt: 2000, ...init };
}

export function makeHighlight(
  article: Article,
  exact: string,
  paragraph: number,
  init: Partial<Highlight> = {},
): Highlight {
  const text = article.paragraphs[paragraph]?.text ?? '';
  const at = Math.max(0, text.indexOf(exact));
  return {
    id: `h-${article.key}-${paragraph}-${exact}`,
    articleKey: article.key,
    color: 'yellow',
    selectors: {
      exact,
      prefix: text.slice(Math.max(0, at - 32), at),
      suffix: text.slice(at + exact.length, at + exact.length + 32),
      start: at,
      end: at + exact.length,
      paragraph,
      articleKey: article.key,
    },
    note: '',
    tags: [],
    createdAt: 3000,
    updatedAt: 3000,
    ...init,
  };
}

export function makeClip(article: Article, indexes: number[], init: Partial<Clip> = {}): Clip {
  return {
    id: `c-${article.key}-${indexes.join('-')}`,
    articleKey: article.key,
    paragraphs: indexes.map((i) => article.paragraphs[i].text),
    paragraphIndexes: indexes,
    note: '',
    tags: [],
    source: sourceOf(article),
    createdAt: 4000,
    updatedAt: 4000,
    ...init,
  };
}
