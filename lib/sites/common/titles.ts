/**
 * Block titles from the page's title lists, matched to map areas by article path. Sites write the
 * same title several ways; each anchor yields one candidate, the best wins:
 *  - `div#mp52014` / `div#mp_nw.D110000renmrb_20171016_1-01` inside the link: the full plain title
 *    (Founder's hidden or visible list, 中国纪检监察报, 中国旅游报, 人民日报 2017);
 *  - `<script>document.write(view("党的十九大代表陆续抵京  "))</script>`: 人民日报 2017's visible list;
 *    the literal is read, never run (the page's view() cuts it to 20 characters);
 *  - `<span title='…'>…...</span>`: what view() leaves in a live browser;
 *  - the link's visible text.
 * A candidate ending in 「...」/「…」 was cut by the site and loses to any whole one.
 */
import { all, articlePath, attr, lineOf, squash } from './dom';

interface Candidate {
  text: string;
  cut: boolean;
  rank: number;
}

// document.write(view("…")): the first string literal inside view( … ). Bounded, no nested quantifiers.
const VIEW_LITERAL = /view\(\s*(["'])((?:\\.|(?!\1)[^\\]){0,500})\1/;

/** The title an anchor shows, with how much to trust it (lower rank is better). */
export function anchorTitle(a: Element): Candidate | null {
  const mp = all(a, '[id]').find((e) => /^mp/i.test(attr(e, 'id')));
  if (mp) return candidate(lineOf(mp), 0);
  const script = all(a, 'script')[0];
  if (script) {
    const m = VIEW_LITERAL.exec(script.textContent ?? '');
    if (m) return candidate(squash(m[2].replace(/\\(.)/g, '$1').replace(/<br\s*\/?>/gi, ' ')), 1);
  }
  const titled = all(a, 'span[title]')[0];
  if (titled) return candidate(squash(attr(titled, 'title').replace(/<br\s*\/?>/gi, ' ')), 1);
  const text = lineOf(a);
  return text ? candidate(text, 2) : null;
}

function candidate(text: string, rank: number): Candidate | null {
  if (!text) return null;
  const cut = /(\.\.\.|…)$/.test(text);
  return { text: cut ? text.replace(/(\.\.\.|…)+$/, '').trim() : text, cut, rank };
}

function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  if (a.cut !== b.cut) return !a.cut;
  return a.rank < b.rank;
}

/**
 * Titles of the given article paths, from every link of the page that points at one of them
 * (lists of other pages' articles, like 中国纪检监察报's 今日关注, simply find no block to name).
 */
export function titlesByPath(doc: Document, baseUrl: string, paths: Set<string>): Map<string, string> {
  const best = new Map<string, Candidate>();
  for (const a of all(doc, 'a[href]')) {
    const path = articlePath(attr(a, 'href'), baseUrl);
    if (!path || !paths.has(path)) continue;
    const c = anchorTitle(a);
    if (c && better(c, best.get(path))) best.set(path, c);
  }
  return new Map([...best].map(([k, v]) => [k, v.text]));
}

/** Links of a title list container, in order: the blocks of a page that has no image map. */
export function listLinks(root: Element, baseUrl: string): { path: string; title: string }[] {
  const out: { path: string; title: string }[] = [];
  for (const a of all(root, 'a[href]')) {
    const path = articlePath(attr(a, 'href'), baseUrl);
    const c = anchorTitle(a);
    if (path) out.push({ path, title: c?.text ?? '' });
  }
  return out;
}
