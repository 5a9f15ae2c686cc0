/**
 * Bylines, photo credits, captions and crossheads: the one commented table of line rules, each with
 * a real example. Used by the page-text reader and by the HTML adapters for article bodies.
 * Every test looks at a bounded slice of the line, so classifying is O(1) past trimming.
 */
import { charLength, endsSentence } from './normalize';

/** What one line or paragraph of an article is. 'text' is running text (possibly opened by a 讯 byline). */
export type LineKind = 'byline' | 'credit' | 'caption' | 'crosshead' | 'text';

/** classifyLine's verdict: the kind, the text to keep, and a 讯 byline that opens running text. */
export interface LineClass {
  kind: LineKind;
  /** The line to keep: decoration (■ ●) removed for bylines and crossheads, otherwise as printed. */
  text: string;
  /** For 'text' opened by 「株洲日报·掌上株洲讯(记者/罗欣)」: that byline; '' otherwise. */
  byline: string;
  /** Name of the rule that decided, for tests and debugging. */
  rule: string;
}

// Leading decoration of bylines and crossheads: 「■ 海南日报全媒体记者 黄媛艳」, 「●拿下“基础题”…」.
const DECORATION = /^[●■◆◇▲△★☆□○◎◉•·▪▶►]+\s*/;

/** 「■ 海南日报全媒体记者 黄媛艳」 → 「海南日报全媒体记者 黄媛艳」; 「●拿下…」 → 「拿下…」. */
export function stripDecoration(s: string): string {
  return (s ?? '').trim().replace(DECORATION, '');
}

// Roles that name the people behind a story. A byline has a role followed by a name (2–4 Han
// characters) and then a space, a separator or the end: 「记者/李军 」, 「全媒体记者 黄媛艳」, 「记者陈蔚林」.
// 「记者走进重点项目工地」 (a headline) fails: 「走进」 is followed by more text, not a boundary.
// Weak roles (文, 图, 撰文…) need a separator: 「文/图 本报记者 张三」, never 「公文写作 三要点」.
const ROLE = '(?:全媒体记者|特约记者|见习记者|实习记者|记者|通讯员|实习生|特约撰稿人?)';
const WEAK_ROLE = '(?:撰文|文|图|摄影|编译|整理|文字|视频)';
const NAME = '[\\u4e00-\\u9fff·]{2,5}(?=$|[\\s、/／）)])';
const ROLE_NAME = new RegExp(`(?:${ROLE}\\s{0,2}[/／:：]?|${WEAK_ROLE}\\s{0,2}[/／:：])\\s{0,2}${NAME}`);
// A line with a role but no name: 「本报评论员」, 「本报特约评论员」, 「□ 湖北日报评论员」 (a paper's name).
const COMMENTATOR = /^(?:本报|[\u4e00-\u9fff]{2,8}报)?(?:特约)?评论员$/;
// Sentence punctuation never found in a byline line (「、」 is: 「记者 张三、李四」).
const SENTENCE_PUNCT = /[，。；！？]/;

// A 讯/电 byline opening the first paragraph: 「株洲日报·掌上株洲讯(记者/罗欣) 2月3日，…」,
// 「本报海口7月13日讯（记者陈蔚林）」, 「本报讯（海南日报全媒体记者邵长春）7月10日，…」, 「新华社北京2月6日电（记者 张三）」.
// Lazy {0,24} prefix without punctuation or space, then an optional bracket of at most 48 characters.
const LEAD = /^([^，。！？；\s（()）]{0,24}?[讯电])\s{0,2}([（(][^（()）]{1,48}[）)])?/;
// The prefix must name a news organisation unless the bracket names a role (「电力大数据…」 is not a byline).
const LEAD_ORG = /本报|日报|晚报|晨报|新华社|中新社|通讯社|新闻网|掌上|融媒/;
const LEAD_ROLE = /记者|通讯员|实习生/;

/** The 讯/电 byline that opens a paragraph, as printed: 「株洲日报·掌上株洲讯(记者/罗欣)」; '' when none. */
export function leadByline(text: string): string {
  const head = (text ?? '').trimStart().slice(0, 96);
  const m = LEAD.exec(head);
  if (!m) return '';
  const prefix = m[1];
  const bracket = m[2] ?? '';
  if (prefix.length < 2 && !bracket) return '';
  if (!LEAD_ORG.test(prefix) && !LEAD_ROLE.test(bracket)) return '';
  return (prefix + bracket).trim();
}

// Photo credits end in 摄 / 供图 (optionally bracketed): 「株洲日报·掌上株洲记者/刘震摄」, 「通讯员供图」,
// 「（本报记者 张三 摄）」. 「拍摄」/「航摄」 end running text, not a credit.
const CREDIT_END = /(?:摄影?|供图|制图|绘图|绘)\s{0,2}[）)]?$/;
const CREDIT_WHO =
  /记者|通讯员|摄影|本报|新华社|中新社|视觉中国|[/／]|供图|^[（(]?[\u4e00-\u9fff·]{2,5}\s{1,2}(?:摄|绘)[）)]?$/;

/** The credit that ends a line, as printed: 「…站台。 株洲日报·掌上株洲记者/张威摄」 → 「株洲日报·掌上株洲记者/张威摄」. */
export function trailingCredit(line: string): string {
  const t = (line ?? '').trim();
  const tail = t.slice(-48);
  if (!CREDIT_END.test(tail)) return '';
  // The credit starts after the last sentence end (「。」, 「！」…) in the tail, or is the whole short line.
  let start = 0;
  for (let i = tail.length - 1; i >= 0; i--) {
    if ('。！？!?'.includes(tail[i])) {
      start = i + 1;
      break;
    }
  }
  if (start === 0 && t.length > tail.length) return '';
  const credit = tail.slice(start).trim();
  if (!credit || charLength(credit) > 40 || /[，；,;]/.test(credit)) return '';
  if (/[拍航]摄$/.test(credit)) return '';
  return CREDIT_WHO.test(credit) ? credit : '';
}

/** Is this line a byline of its own? 「株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志」, 「■ 海南日报全媒体记者 黄媛艳」. */
export function isByline(line: string): boolean {
  const t = stripDecoration(line);
  if (!t || t.length > 120 || SENTENCE_PUNCT.test(t) || charLength(t) > 60) return false;
  if (COMMENTATOR.test(t)) return true;
  if (trailingCredit(t)) return false;
  // Only the first ~30 characters may hold the role: 「株洲日报·掌上株洲记者/李军」.
  return ROLE_NAME.test(t) && ROLE_NAME.exec(t)!.index <= 30;
}

// Crossheads: a decorated short line 「●拿下“基础题” 防返贫“防火墙”妥妥的」, a numbered one 「一、…」,
// or a short standalone line without sentence punctuation 「刑事治安警情“双降”」, 「公安暖心服务一直在线」.
const CROSSHEAD_MAX = 40;
const SHORT_MAX = 24;
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/;
const HAN2 = /[\u4e00-\u9fff].*[\u4e00-\u9fff]/;

/** Is this short line a crosshead (小标题) by its own form? Context (what follows) is the caller's. */
export function isCrosshead(line: string): boolean {
  const raw = (line ?? '').trim();
  // Cheapest refusals first: most short paragraphs end a sentence 「“哪里失败？”记者问她。」.
  if (
    !raw ||
    raw.length > 2 * CROSSHEAD_MAX ||
    endsSentence(raw) ||
    /[，；]/.test(raw) ||
    charLength(raw) > CROSSHEAD_MAX + 2
  )
    return false;
  if (!HAN2.test(raw)) return false;
  if (DECORATION.test(raw) || NUMBERED.test(raw)) return true;
  return charLength(raw) <= SHORT_MAX && !/[。！？]/.test(raw);
}

// A story's closing dateline or end mark on a line of its own (海南日报): 「（本报三亚7月12日电）」, 「（完）」.
const CLOSING_DATELINE = /^[（(](?:[^（()），。]{0,24}[讯电]|完)[）)]$/;

interface Rule {
  kind: LineKind;
  name: string;
  /** `credit` is trailingCredit(line), computed once per line. */
  test: (line: string, credit: string) => boolean;
  example: string;
}

// THE TABLE. First match wins; order matters (a credit line also has 记者; a byline may start with ■).
const RULES: Rule[] = [
  {
    kind: 'credit',
    name: 'credit-only',
    test: (l, credit) => credit === l,
    example: '株洲日报·掌上株洲记者/刘震摄',
  },
  {
    kind: 'caption',
    name: 'caption-with-credit',
    test: (_l, credit) => credit !== '',
    example: '公安民警街头巡逻守护春节平安。通讯员供图',
  },
  {
    kind: 'credit',
    name: 'closing-dateline',
    test: (l) => CLOSING_DATELINE.test(l),
    example: '（本报三亚7月12日电）, （本报海口7月9日讯）, （完） — the line that closes a story',
  },
  { kind: 'byline', name: 'byline-line', test: (l) => isByline(l), example: '■ 海南日报全媒体记者 黄媛艳' },
  // An epigraph's attribution under its quote: running text, never a crosshead.
  { kind: 'text', name: 'attribution', test: (l) => /^[—–]{2}\s?\S/.test(l), example: '——习近平' },
  { kind: 'crosshead', name: 'crosshead', test: isCrosshead, example: '●拿下“基础题” 防返贫“防火墙”妥妥的' },
];

/**
 * Classify one line / paragraph of an article (trimmed first). Running text is 'text', with its 讯
 * byline if any; `lead: false` skips looking for that byline (a caller past the story's opening
 * lines, where none can stand, saves a pattern per paragraph) and leaves `byline` ''.
 */
export function classifyLine(line: string, opts: { lead?: boolean } = {}): LineClass {
  const t = (line ?? '').trim();
  if (!t) return { kind: 'text', text: '', byline: '', rule: 'empty' };
  const credit = trailingCredit(t);
  for (const rule of RULES) {
    if (!rule.test(t, credit)) continue;
    const keep = rule.kind === 'byline' || rule.kind === 'crosshead' ? stripDecoration(t) : t;
    return { kind: rule.kind, text: keep, byline: '', rule: rule.name };
  }
  const lead = opts.lead === false ? '' : leadByline(t);
  return { kind: 'text', text: t, byline: lead, rule: lead ? 'lead-byline' : 'text' };
}

// Paper names in bylines: 「株洲日报·掌上株洲记者/李军」 → 株洲日报, 「海南日报全媒体记者 黄媛艳」 → 海南日报.
const PAPER = /[\u4e00-\u9fff]{2,6}?(?:日报|晚报|晨报|早报|商报|时报|都市报|青年报|法治报|工人报)/;

/** The newspaper a byline or masthead names: 「株洲日报·掌上株洲讯(记者/罗欣)」 → 株洲日报; '' when none. */
export function paperFromByline(s: string): string {
  const m = PAPER.exec((s ?? '').slice(0, 120));
  return m && !m[0].startsWith('本报') ? m[0] : '';
}
