/**
 * Person names out of bylines as printed, for citations (主要责任者) and CSL authors.
 * 「株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志」 → 李军, 谭雪平, 陈志;
 * 「本报海口7月13日讯（记者陈蔚林）」 → 陈蔚林; 「■ 海南日报全媒体记者 黄媛艳」 → 黄媛艳.
 */
import { stripZeroWidth } from './text';

/**
 * Role words, longest first. Whatever is glued to the left of one is an organisation
 * (「海南日报全媒体」记者, 「中青报·中青网」记者) and is dropped; names follow it.
 */
const ROLES = [
  '评论员',
  '通讯员',
  '实习生',
  '撰稿',
  '记者',
  '摄影',
  '整理',
  '文/图',
  '文／图',
  '文/',
  '文／',
  '图/',
  '图／',
];
const ROLE_RE = new RegExp(ROLES.map((r) => r.replace('/', '\\/')).join('|'), 'g');

/** Separators between names: spaces of every width, 、 ， , ； and the slash after a role (记者/李军). */
const SEP = /[\s\u3000\u00A0、，,；;/／:：]+/;

/** A plausible personal name: 2–6 Han characters, or a transliterated name with a middle dot. */
const NAME = /^(?:[\u3400-\u9FFF]{2,6}|[\u3400-\u9FFF]{1,10}[·•・][\u3400-\u9FFF·•・]{1,20})$/;

/** Decoration before a byline: 「■ 」「● 」. */
const DECORATION = /^[\s\u3000■□●○◆◇▲△★☆▶►◀◎]+/;

/** Trailing photo-credit words glued to a name: 「刘震摄」 → 刘震, 「周鹏 摄」 → 周鹏. */
function dropCreditSuffix(token: string): string {
  return token.replace(/(?:摄影|供图|摄)$/, '');
}

/** The bracket group that holds the roles in a dateline: 「本报讯（海南日报全媒体记者李梦瑶）」. */
function rolesInBrackets(s: string): string | null {
  let from = 0;
  for (;;) {
    const open = s.slice(from).search(/[（(]/);
    if (open < 0) return null;
    const start = from + open + 1;
    const closeAt = s.slice(start).search(/[）)]/);
    const inner = closeAt < 0 ? s.slice(start) : s.slice(start, start + closeAt);
    if (/记者|通讯员|实习生|评论员/.test(inner)) return inner;
    if (closeAt < 0) return null;
    from = start + closeAt + 1;
  }
}

function namesIn(segment: string): string[] {
  const out: string[] = [];
  for (const raw of segment.split(SEP)) {
    const token = dropCreditSuffix(raw);
    if (NAME.test(token)) out.push(token);
  }
  return out;
}

/** Names in one byline as printed, in order; [] when it holds none. Never throws. */
export function bylineNames(byline: string): string[] {
  const text = stripZeroWidth(byline).replace(DECORATION, '').trim();
  if (text === '') return [];
  // A dateline such as 「本报海口7月13日讯（记者陈蔚林）」 names people only inside its brackets.
  const body = rolesInBrackets(text) ?? text;
  const roles = [...body.matchAll(ROLE_RE)];
  if (roles.length === 0) {
    // 「■ 李萌」: a bare name (an opinion column's author). Only a short line made of names
    // counts, so a whole first paragraph given as a byline yields nobody rather than noise.
    const tokens = body.split(SEP).filter((t) => t !== '');
    if (body.length > 24 || !tokens.every((t) => NAME.test(dropCreditSuffix(t)))) return [];
    return namesIn(body);
  }
  const names: string[] = [];
  for (let i = 0; i < roles.length; i++) {
    const start = (roles[i].index ?? 0) + roles[i][0].length;
    const next = i + 1 < roles.length ? (roles[i + 1].index ?? body.length) : body.length;
    let segment = body.slice(start, next);
    // Text glued to the next role word is that role's organisation: 「李军 株洲日报记者/王五」.
    if (i + 1 < roles.length) segment = segment.replace(/[^\s\u3000、，,；;/／]+$/, '');
    names.push(...namesIn(segment));
  }
  return names;
}

/** Every person named in the bylines, de-duplicated, in printed order. */
export function authorsOf(bylines: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const b of bylines) {
    for (const n of bylineNames(b)) {
      if (!seen.has(n)) {
        seen.add(n);
        out.push(n);
      }
    }
  }
  return out;
}

// A news agency's dateline opening a story: 「新华社北京1月31日电」, 「据新华社北京2月10日电」,
// 「中新社北京1月31日电」. 「本报北京1月31日电」 is the paper itself: no 主要责任者 beyond the paper.
const AGENCY_DATELINE = /^[（(]?据?(新华社|中新社|中国新闻社)[\u4e00-\u9fff]{0,12}\d{1,2}月\d{1,2}日电/;

/**
 * The agency a dateline names, when no byline names a person: it may stand as the 主要责任者 of a
 * citation (「新华社. 题名[N]. 湖北日报, 2023-02-11(2).」). '' when none does.
 */
export function agencyOf(bylines: readonly string[]): string {
  for (const b of bylines) {
    const m = AGENCY_DATELINE.exec(stripZeroWidth(b).replace(DECORATION, '').trim());
    if (m) return m[1];
  }
  return '';
}
