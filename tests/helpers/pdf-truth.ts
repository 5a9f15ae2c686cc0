/**
 * The page PDFs of ../shared/fixtures/pdf (read in place, never copied: SOURCES.md there) and the
 * measure against their truth, a third party's text of every article (article-json): each sentence
 * of an article in that article, once and in order; the number of articles; each title; no
 * headline text inside a body. Used by tests/pdf and by the bench (docs/benchmarks.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Article, Page } from '../../lib/model';

/** Where the shared PDFs are, relative to the checkout (a sibling of the worktree). */
export const PDF_FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures/pdf/rmrb-2018');
export const HAVE_PDF_FIXTURES = existsSync(join(PDF_FIXTURES, 'rmrb2018010207.pdf'));
/** Said once when the shared fixtures are absent, so a skipped run says why. */
export const NO_PDF_FIXTURES = `skipped: the real page PDFs are not at ${PDF_FIXTURES} (../shared is absent)`;

/** The two real pages: 人民日报 2018-01-02 and 2018-01-03, page 7. */
export const PDF_PAGES = ['rmrb2018010207', 'rmrb2018010307'] as const;

/** One article of the truth: its title and its sentences in order. */
export interface TruthArticle {
  title: string;
  authors: string[];
  sentences: string[];
}

/** The truth for a page: rmrbYYYYMMDD01.json … in the order the files number them. */
export function truthFor(page: string): TruthArticle[] {
  const day = page.slice(0, -2);
  const out: TruthArticle[] = [];
  for (let n = 1; n <= 9; n++) {
    const file = join(PDF_FIXTURES, 'article-json', `${day}0${n}.json`);
    if (!existsSync(file)) break;
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const sentences: string[] = [];
    for (const c of j.contents ?? [])
      for (const ch of c.chapter ?? [])
        for (const se of ch.section ?? [])
          for (const s of se.sentences ?? []) sentences.push(String(s.sentence));
    out.push({ title: j.title, authors: (j.author ?? []).map((a: { name: string }) => a.name), sentences });
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** How one article measures against its truth. */
export interface ArticleScore {
  truthTitle: string;
  title: string;
  titleRight: boolean;
  /** Sentences of six or more characters (shorter ones are not unique enough to place). */
  sentences: number;
  found: number;
  /** Found more than once in the body. */
  repeated: number;
  /** Found, but before the sentence that precedes it. */
  outOfOrder: number;
  /** Headline text inside the body (more often than the truth's body has it). */
  headlineInBody: boolean;
  authorsFound: boolean;
}

/** Our title as the truth writes it: 引题 and 主题 joined by two spaces. */
export function fullTitle(a: Article): string {
  return [a.leadTitle, a.title, a.subtitle].filter(Boolean).join('  ');
}

function count(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

/** Score one article against its truth. */
export function scoreArticle(a: Article, t: TruthArticle): ArticleScore {
  const body = squash(a.paragraphs.map((p) => p.text).join(''));
  const truthBody = squash(t.sentences.join(''));
  let found = 0;
  let repeated = 0;
  let outOfOrder = 0;
  let at = -1;
  const long = t.sentences.map(squash).filter((s) => s.length >= 6);
  for (const s of long) {
    const i = body.indexOf(s);
    if (i === -1) continue;
    found++;
    if (body.indexOf(s, i + 1) !== -1 && count(truthBody, s) < 2) repeated++;
    if (i < at) outOfOrder++;
    at = Math.max(at, i);
  }
  const heads = t.title.split(/\s{2,}/).map(squash);
  return {
    truthTitle: t.title,
    title: fullTitle(a),
    titleRight: fullTitle(a) === t.title,
    sentences: long.length,
    found,
    repeated,
    outOfOrder,
    headlineInBody: heads.some((h) => count(body, h) > count(truthBody, h)),
    authorsFound: t.authors.every((n) => a.bylines.some((b) => b.includes(n))),
  };
}

/** Score a page: each truth article against the article of ours with the same title (or none). */
export function scorePage(
  page: Page,
  truth: TruthArticle[],
): { articles: number; truth: number; scores: ArticleScore[] } {
  const scores = truth.map((t) => {
    const ours =
      page.articles.find((a) => squash(fullTitle(a)) === squash(t.title)) ??
      page.articles.find((a) => t.title.includes(a.title) && a.title);
    return ours
      ? scoreArticle(ours, t)
      : {
          ...scoreArticle(
            { ...page.articles[0], paragraphs: [], leadTitle: '', title: '', subtitle: '', bylines: [] },
            t,
          ),
        };
  });
  return { articles: page.articles.length, truth: truth.length, scores };
}
