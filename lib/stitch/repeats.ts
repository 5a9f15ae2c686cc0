/**
 * Stories a paper prints twice in one issue, under the same title, with the same text and no marker:
 * 湖北日报 2023-02-11 runs 「中国式现代化是强国建设、民族复兴的康庄大道」 on 01 and again on 04
 * (content_211244 / content_211269). Among given pages they are one story; listed once.
 */
import type { Article } from '../model';
import { findCopy, sameTitle } from './evidence';
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

/** Fold each repeat into the first printing of its story (articles come in page order). */
export function mergeRepeats(articles: Article[]): Article[] {
  const out: Article[] = [];
  for (const a of articles) {
    const i = out.findIndex((o) => repeats(o, a));
    if (i < 0) out.push(a);
    else out[i] = appendPart(out[i], a, 'same-title');
  }
  return out;
}
