/**
 * A large library for the library bench: 50,000 clips over 5,000 articles of five papers, every
 * paragraph real text (海南日报 07-09 crawl and the 株洲日报 seed page), as a backup file, so the
 * browser loads it through the library page's own restore (one transaction) instead of 50,000
 * messages. 50 clips carry the name 刘成友 in a byline line, 50 others 刘成 … 成友 apart.
 */
import {
  emptyArticle,
  sourceOf,
  type Clip,
  type LibraryData,
  type StoredArticle,
} from '../../lib/model/index.ts';
import { hainanArticles, seedParagraphs } from '../anchor/fixtures.ts';

const PAPERS = ['海南日报', '株洲日报', '人民日报', '光明日报', '中国青年报'];
const TAGS = ['乡村振兴', '科技', '自贸港', '民生', '教育', '生态'];

/** `n` clips over `n / 10` articles; article 0's URL is `firstUrl`. */
export function bigLibrary(n: number, firstUrl: string): LibraryData {
  const articlesText = hainanArticles().filter((a) => a.paragraphs.length > 0);
  const pool = [...articlesText.flatMap((a) => a.paragraphs), ...seedParagraphs()].filter(
    (p) => p.length >= 20,
  );
  const start = Date.UTC(2026, 0, 1);
  const articles: StoredArticle[] = [];
  const clips: Clip[] = [];
  const perArticle = 10;
  for (let i = 0; i < n / perArticle; i++) {
    const base = articlesText[i % articlesText.length];
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
    const paper = PAPERS[i % PAPERS.length];
    const page = String((i % 8) + 1);
    const url = i === 0 ? firstUrl : `http://127.0.0.1/perf/${day}/content_${i}.htm`;
    const article = emptyArticle({
      key: `${paper}|${day}|${page}|${i}`,
      paper,
      date: day,
      pages: [page],
      title: base.title,
      bylines: [i % 100 === 0 ? '人民日报记者 刘成友' : '本报记者 陈蔚林'],
      paragraphs: base.paragraphs.slice(0, 2).map((text) => ({ text, kind: 'text' as const })),
      urls: [url],
      order: i,
    });
    const t = start + i * perArticle * 1000;
    articles.push({ key: article.key, article, urls: [url], firstSeenAt: t, lastSeenAt: t });
    for (let j = 0; j < perArticle; j++) {
      const k = i * perArticle + j;
      let text = pool[(k * 7919) % pool.length];
      if (k % 1000 === 1) text += ' 人民日报记者 刘成友 报道';
      if (k % 1000 === 2) text += ' 刘成在会上说，成友们要团结。';
      clips.push({
        id: `perf-${k}`,
        articleKey: article.key,
        paragraphs: [text],
        paragraphIndexes: [j],
        note: k % 5 === 0 ? `笔记 ${k}` : '',
        tags: [TAGS[k % TAGS.length]],
        source: sourceOf(article),
        createdAt: t + j,
        updatedAt: t + j,
      });
    }
  }
  return { articles, highlights: [], clips };
}
