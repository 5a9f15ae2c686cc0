/**
 * Page text, stage 2: cut the page's lines into articles. An article starts at its headline block
 * (引题 / 主题 / 副题: up to three short lines) right before an anchor: a byline line
 * (「株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志」) or a paragraph opened by a 讯 byline
 * (「株洲日报·掌上株洲讯(记者/罗欣) 2月3日，…」) or a 上接 marker. Photo news has no byline: a short title, a caption,
 * then a credit line of its own (「春运迎来返程高峰」 … 「株洲日报·掌上株洲记者/刘震摄」).
 */
import type { LineClass } from '../../text/bylines';
import { charLength, endsSentence } from '../../text/normalize';

/** One line with what the table says it is. */
export interface PageLine {
  text: string;
  cls: LineClass;
  /** Is it a continuation marker (「下转A4版」)? */
  marker: boolean;
  /** Does it open with a 上接 marker (「上接A1版」, 「◀上接A01版 技术团队…」)? A continued story starts here. */
  continued: boolean;
  /** Page furniture (masthead, weather, 责任编辑): skipped. */
  furniture: boolean;
  /** Did the line open with a paragraph indent 「　　」 in the text as given? (Only marked text says.) */
  indented?: boolean;
}

/** Lines [start, end) of one article; [start, bodyStart) is its headline block. */
export interface Span {
  start: number;
  bodyStart: number;
  end: number;
  /** Photo news: the caption lines are captions, not running text. */
  photo: boolean;
  /** The headline block's last line is a 副题 too long for a headline line (marked text only). */
  deck?: boolean;
}

const HEADLINE_MAX = 40;
// An editor's note: 「编者按：新春伊始，本报推出…」, 「【编者按】…」.
const EDITOR_NOTE = /^[【[（(]?编者按/;
// A 副题 printed after a dash (page-text/article.ts headlineParts reads it as such).
const SUBTITLE_DASH = /^[—–]{1,3}\s?[^\s—–]/;
const HEADLINE_LINES = 3;

/**
 * Could this line be one line of a headline block? Short, not a sentence (no 「。；」, no terminal
 * punctuation at the end), not a byline, credit, caption or marker. 「市三高办：」 and
 * 「乡村振兴“开卷” 株洲这样作答」 are; 「全面推进乡村振兴，株洲最大的优势在哪？」 is not. `mainTitle`: the
 * line right before the byline may end in 「！」/「？」 (「株洲加油！」) if it has no comma.
 */
export function isHeadlineLine(l: PageLine, mainTitle = false): boolean {
  if (l.marker || l.furniture) return false;
  if (l.cls.kind !== 'crosshead' && l.cls.kind !== 'text') return false;
  if (l.cls.byline) return false;
  const t = l.text;
  // A 副题 after a dash may be long and hold commas: 「——记各地各部门为群众办实事解难题的实践，…」.
  if (SUBTITLE_DASH.test(t) && charLength(t) <= 2 * HEADLINE_MAX)
    return !/[。；]/.test(t) && !endsSentence(t);
  if (t.length > 2 * HEADLINE_MAX || charLength(t) > HEADLINE_MAX || /[。；]/.test(t)) return false;
  if (endsSentence(t) && !(mainTitle && /[！？!?]$/.test(t) && !/[，,]/.test(t))) return false;
  return !/[，、,]$/.test(t) && !/^[●■◆◇▲★□○◎]/.test(t);
}

// What opens an article's body: a byline line, a paragraph opened by a 讯 byline, or a 上接 marker (the
// continued part of a story on its target page: 「乡村振兴“开卷” 株洲这样作答」 / 「上接A1版」 / text).
function isAnchor(l: PageLine): boolean {
  if (l.furniture) return false;
  return l.continued || l.cls.kind === 'byline' || (l.cls.kind === 'text' && l.cls.byline !== '');
}

function isPhotoLine(l: PageLine): boolean {
  return l.cls.kind === 'caption' || l.cls.kind === 'credit';
}

/**
 * The headline block [start, bodyStart) of the article anchored at line a: walk back over at most two
 * photo lines, then up to three headline lines. With no headline, both are a.
 */
function headlineBlock(
  lines: PageLine[],
  a: number,
  floor: number,
  marked = false,
): { start: number; bodyStart: number; deck?: boolean } {
  // 「虎年春节假期 株洲城乡平安」 / 「公安民警街头巡逻守护春节平安。通讯员供图」 / 讯 paragraph: the photo sits
  // between the headline and the anchor. Only when a headline precedes it, or it is the previous story's.
  // An 编者按 between the headline and the byline opens the body: the headline is above it.
  if (a - 1 >= floor && EDITOR_NOTE.test(lines[a - 1].text)) a--;
  let j = a;
  while (j - 1 >= floor && isPhotoLine(lines[j - 1]) && a - j < 2) j--;
  const end = j < a && j - 1 >= floor && isHeadlineLine(lines[j - 1], true) ? j : a;
  // In text that marks its paragraphs by indents, a long unindented line between the 主题 and the body
  // is the 副题 (「各地各部门认真落实中央部署…的生动实践」), not the first paragraph of a story of its own.
  const deck = marked && end - 2 >= floor && isDeck(lines[end - 1]) && isHeadlineLine(lines[end - 2], true);
  let i = deck ? end - 1 : end;
  while (end - i < HEADLINE_LINES && i - 1 >= floor && isHeadlineLine(lines[i - 1], i === end)) i--;
  if (deck) return { start: i, bodyStart: end, deck: true };
  return i < end ? { start: i, bodyStart: end } : { start: a, bodyStart: a };
}

/** A 副题 line of marked text: unindented, at most two headline lines long, no sentence end. */
function isDeck(l: PageLine): boolean {
  if (l.indented !== false || l.marker || l.furniture || l.cls.byline) return false;
  if (l.cls.kind !== 'text' && l.cls.kind !== 'crosshead') return false;
  return charLength(l.text) <= 2 * HEADLINE_MAX && !/[。；]/.test(l.text) && !endsSentence(l.text);
}

/** Photo news inside [from, to): title, 1–2 caption lines, a credit line of its own. Start indexes. */
function photoStarts(lines: PageLine[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to - 2; i++) {
    if (!isHeadlineLine(lines[i])) continue;
    // The story before it must be complete: 「…作出新贡献。」 then 「春运迎来返程高峰」.
    if (i > 0 && !endsSentence(lines[i - 1].text) && !isPhotoLine(lines[i - 1])) continue;
    for (let k = i + 1; k <= Math.min(i + 2, to - 2); k++) {
      if (lines[k].cls.kind !== 'text' || lines[k].marker) break;
      if (lines[k + 1].cls.rule === 'credit-only') {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/**
 * Cut lines into article spans. Lines before the first article that hold running text become an
 * article of their own (a 上接 continuation at the top of a page, or a plain text). Linear time.
 */
export function segment(lines: PageLine[], marked = false): Span[] {
  const starts: Array<{ start: number; bodyStart: number; deck?: boolean }> = [];
  let floor = 0;
  let lastAnchor = -2;
  for (let a = 0; a < lines.length; a++) {
    if (!isAnchor(lines[a])) continue;
    // Two bylines in a row (「■ 本报记者 张三」 then 「本报讯（…）…」) belong to the same article.
    const adjacent = a === lastAnchor + 1;
    lastAnchor = a;
    if (adjacent) continue;
    starts.push(headlineBlock(lines, a, floor, marked));
    floor = a + 1;
  }
  // The lines before the first anchor (furniture already dropped): maybe a story without a byline.
  const first = starts.length ? starts[0].start : lines.length;
  const lead = lines.slice(0, first);
  if (lead.some((l) => !l.furniture && l.cls.kind === 'text' && !isHeadlineLine(l))) {
    let body = 0;
    // A plain text that opens with a title: up to three short lines followed by running text.
    while (body < first && body < HEADLINE_LINES && isHeadlineLine(lines[body])) body++;
    if (body >= first || lines[body].cls.kind !== 'text' || lines[body].marker) body = 0;
    starts.unshift({ start: 0, bodyStart: body });
  }
  const spans: Span[] = [];
  for (let s = 0; s < starts.length; s++) {
    const end = s + 1 < starts.length ? starts[s + 1].start : lines.length;
    const { start, bodyStart, deck } = starts[s];
    const pieces = [start, ...photoStarts(lines, bodyStart + 1, end)];
    for (let k = 0; k < pieces.length; k++) {
      const st = pieces[k];
      const en = k + 1 < pieces.length ? pieces[k + 1] : end;
      spans.push({
        start: st,
        bodyStart: k === 0 ? bodyStart : st + 1,
        end: en,
        photo: k > 0,
        deck: k === 0 && deck,
      });
    }
  }
  return spans;
}
