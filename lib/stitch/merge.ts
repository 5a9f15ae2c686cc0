/**
 * Folding one more part into a stitched article, in the regime the texts call for (domain.md §3):
 * duplicate (the text so far already holds the new part: keep it once), split and same-title
 * (append, joining a seam that cut a sentence).
 */
import type { Article, ArticlePart } from '../model';
import { bodyText, findCopy } from './evidence';
import { joinHalves } from '../text/repair';
import { seamCutsSentence } from './seam';

export type Regime = NonNullable<ArticlePart['regime']>;

/** The part an article read from one page contributes: its first page, URL and 版名. */
export function partOf(a: Article, from: number, to: number, regime: Regime): ArticlePart {
  const part: ArticlePart = { page: a.pages[0] ?? '', url: a.urls[0] ?? '', from, to, regime };
  const name = a.parts[0]?.name;
  return name ? { ...part, name } : part;
}

/** Start a stitched article from its first part (an article stitched before keeps its parts). */
export function startWith(a: Article): Article {
  const n = a.paragraphs.length;
  const stitched = a.parts.length > 1 && a.parts[a.parts.length - 1].to === n;
  return {
    ...a,
    pages: [...a.pages],
    urls: [...a.urls],
    parts: stitched ? a.parts.map((p) => ({ ...p })) : [partOf(a, 0, n, 'first')],
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Metadata of the stitched article: the first part's, filled in from the next where empty. */
function mergeMeta(acc: Article, next: Article): Article {
  const seenImages = new Set(acc.images.map((i) => i.src));
  return {
    ...acc,
    paper: acc.paper || next.paper,
    date: acc.date || next.date,
    leadTitle: acc.leadTitle || next.leadTitle,
    title: acc.title || next.title,
    subtitle: acc.subtitle || next.subtitle,
    bylines: unique([...acc.bylines, ...next.bylines]),
    images: [...acc.images, ...next.images.filter((i) => !seenImages.has(i.src))],
    pages: unique([...acc.pages, ...next.pages]),
    urls: unique([...acc.urls, ...next.urls]),
    continuesTo: next.continuesTo,
  };
}

/**
 * Append `next` (the part printed after `acc`'s last part) to `acc`. `hint` is the regime the
 * markers suggest ('split' when there was a 下转/上接, 'same-title' when there was none); the text
 * decides between it and 'duplicate'.
 */
export function appendPart(acc: Article, next: Article, hint: 'split' | 'same-title'): Article {
  const meta = mergeMeta(acc, next);
  const n = acc.paragraphs.length;
  // Duplicate: 海南日报 page 1 holds the whole story, page 6 is 「上接A01版」 + a copy of its tail.
  const copy = findCopy(acc, next);
  // A byte-identical copy holds nothing new: the text stays with the pages it came from, the copy's
  // page is listed as a part with an empty range (湖北日报 prints a story on 01 and again, whole).
  if (copy && bodyText(acc) === bodyText(next))
    return { ...meta, parts: [...acc.parts, partOf(next, n, n, 'duplicate')] };
  if (copy) {
    // The copy begins at paragraph `from` (or inside paragraph `from - 1`, which began on the earlier page).
    // Parts stay in reading order: a copy of text from before the last part starts with that part.
    const lastFrom = acc.parts.length ? acc.parts[acc.parts.length - 1].from : 0;
    const from = Math.max(lastFrom, Math.min(n, copy.mid ? copy.paragraph + 1 : copy.paragraph));
    const parts = acc.parts.map((p) => ({ ...p, to: Math.min(p.to, Math.max(p.from, from)) }));
    return { ...meta, parts: [...parts, partOf(next, from, n, 'duplicate')] };
  }
  // The reverse: the earlier part is an excerpt of the later one (same text printed twice, the
  // later copy longer). Keep the longer text; only for a one-part article, where the ranges are clear.
  const back = acc.parts.length === 1 ? findCopy(next, acc) : null;
  if (back) {
    const end = Math.min(next.paragraphs.length, back.paragraph + acc.paragraphs.length);
    const first = { ...acc.parts[0], from: 0, to: end };
    return {
      ...meta,
      paragraphs: [...next.paragraphs],
      parts: [first, partOf(next, end, next.paragraphs.length, 'duplicate')],
    };
  }
  // Split / same-title: append, joining a seam that cut a sentence (「…开始赚“慢钱”，」 | 「…」).
  const join = seamCutsSentence(acc.paragraphs[n - 1], next.paragraphs[0]);
  const head = join ? acc.paragraphs.slice(0, n - 1) : acc.paragraphs;
  const seam = join
    ? [{ ...acc.paragraphs[n - 1], text: joinHalves(acc.paragraphs[n - 1].text, next.paragraphs[0].text) }]
    : [];
  const tail = join ? next.paragraphs.slice(1) : next.paragraphs;
  const paragraphs = [...head, ...seam, ...tail];
  // A joined paragraph began on the earlier page: it stays in the earlier part.
  return { ...meta, paragraphs, parts: [...acc.parts, partOf(next, n, paragraphs.length, hint)] };
}
