/**
 * Paper name, date and page label of a page, from the most to the least trustworthy source:
 * trailer fields, page-list entry of this very URL, meta tags, then printed text and the URL.
 */
import type { PageLink } from '../../model';
import { normalizeLabel } from '../../text/labels';
import { all, first, lineOf, metaContent } from './dom';
import type { Trailer } from './trailer';

// 「中国旅游报社-电子报平台」 → 中国旅游报; 「打造新型传媒集团·江西日报社数字报」 → 江西日报.
const PRESS = /([\u4e00-\u9fff]{2,10}?报)社/;
// 「人民日报-人民网」, 「中国青年报 2026年09月16日 06版：冰点周刊」: a piece that is a paper's name.
const PIECE = /^[\u4e00-\u9fff]{2,10}报$/;
// 「《人民日报》（2024年12月25日 第 01 版）」, 「《 人民日报 》」: a source line names the paper.
const QUOTED = /《\s?([\u4e00-\u9fff]{2,10}报)\s?》/;
// 「Copyright © 湖北日报 [鄂ICP备…]」 in a footer.
const COPYRIGHT = /©\s?([\u4e00-\u9fff]{2,10}报)/;

/** A paper's name from free text (a page title, a footer), '' when none is recognisable. */
export function paperFromText(text: string): string {
  const quoted = QUOTED.exec(text);
  if (quoted) return quoted[1];
  const press = PRESS.exec(text);
  if (press) return press[1];
  for (const piece of text.split(/[\s\-_|·—–:：,，()（）《》]+/)) {
    if (PIECE.test(piece) && !/(电子|数字)报$/.test(piece)) return piece;
  }
  return COPYRIGHT.exec(text)?.[1] ?? '';
}

/** The paper's name: trailer, meta tags, the date line (人民日报 2017 `#riqi_`), the title, the footer. */
export function readPaper(doc: Document, trailer: Trailer, extra: readonly string[] = []): string {
  const direct = trailer.get('papername') || metaContent(doc, 'source') || metaContent(doc, 'copyright');
  if (direct && direct.length <= 20) return direct;
  for (const sel of extra) {
    const p = paperFromText(lineOf(first(doc, [sel])));
    if (p) return p;
  }
  const title = paperFromText(lineOf(first(doc, ['title'])));
  if (title) return title;
  // The footer's copyright line (湖北日报 fragments have neither trailer name nor title).
  for (const el of all(doc, '.footer_sqd, .copyright, .copy, .footer')) {
    const p = COPYRIGHT.exec(lineOf(el))?.[1];
    if (p) return p;
  }
  return '';
}

/** The entry of the page list that is this page (same path), if any. */
export function selfEntry(links: PageLink[], url: string): PageLink | undefined {
  const strip = (u: string) => u.replace(/[?#].*$/, '');
  const me = strip(url);
  return links.find((l) => strip(l.href) === me);
}

/** A page label printed in text: 「（2026年09月16日  05版）」 → "5", 「第A01版：头版」 → "A1". */
export function labelIn(text: string): string {
  const m = /(?:第\s?)?([A-Za-z]?\s?\d{1,3})\s?版/.exec(
    text.replace(/\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日/g, ' '),
  );
  return m ? normalizeLabel(m[1]) : '';
}
