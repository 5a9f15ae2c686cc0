/**
 * Stories a paper prints twice in one issue, under the same title, with the same text and no marker:
 * 湖北日报 2023-02-11 runs 「中国式现代化是强国建设、民族复兴的康庄大道」 on 01 and again on 04
 * (content_211244 / content_211269). Among given pages they are one story; listed once, with both
 * pages, and a note that says which page holds the copy (a reader citing page 4 finds it under 1).
 */
import type { Article } from '../model';
import { bodyText, findCopy, sameTitle } from './evidence';
import { specificTitle } from './match';
import { appendPart } from './merge';

function repeats(earlier: Article, later: Article): boolean {
  return (
    earlier.paper === later.paper &&
    earlier.date === later.date &&
    later.parts.length <= 1 &&
    specificTitle(later.title) &&
    sameTitle(earlier.title, later.title) &&
    !earlier.pages.some((p) => later.pages.includes(p)) &&
    Boolean(findCopy(earlier, later) || findCopy(later, earlier))
  );
}

/** Where a part was printed, for a note: 「page 4 (http://…/content_211269.html)」. */
function where(a: Article): string {
  const page = a.pages[0] ? `page ${a.pages[0]} ` : '';
  const url = a.urls[0] ?? '';
  return page ? `${page}(${url})` : url;
}

/**
 * Fold `later` into `earlier`. A byte-identical copy adds its page as a part that holds nothing new
 * (from = to = the end): the first printing keeps the whole text, both pages and URLs stay listed.
 */
function fold(earlier: Article, later: Article): { article: Article; note: string } {
  const what = bodyText(earlier) === bodyText(later) ? 'a copy of the text' : 'the same story as';
  const note = `「${earlier.title}」: ${where(later)} holds ${what} on ${where(earlier)}; listed once, with both pages.`;
  return { article: appendPart(earlier, later, 'same-title'), note };
}

/** Fold each repeat into the first printing of its story (articles come in page order), with notes. */
export function mergeRepeatsTraced(articles: Article[]): { articles: Article[]; notes: string[] } {
  const out: Article[] = [];
  const notes: string[] = [];
  for (const a of articles) {
    const i = out.findIndex((o) => repeats(o, a));
    if (i < 0) {
      out.push(a);
      continue;
    }
    const folded = fold(out[i], a);
    out[i] = folded.article;
    notes.push(folded.note);
  }
  return { articles: out, notes };
}

/** Fold each repeat into the first printing of its story (articles come in page order). */
export function mergeRepeats(articles: Article[]): Article[] {
  return mergeRepeatsTraced(articles).articles;
}
