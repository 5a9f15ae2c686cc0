/**
 * Publication dates as e-paper sites print them and put them in URLs, normalised to YYYY-MM-DD.
 */
import { toHalfWidthAlnum } from './labels';

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'YYYY-MM-DD' when y/m/d is a real calendar date between 1900 and 2099, else ''. */
export function isoDate(y: number, m: number, d: number): string {
  if (!(y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1)) return '';
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : '';
}

// 「2026年09月16日」, 「2026年9月6日」, 「２０２６年９月１６日」 (full-width, made half-width first).
const CN_DATE = /(\d{4})\s{0,2}年\s{0,2}(\d{1,2})\s{0,2}月\s{0,2}(\d{1,2})\s{0,2}日/;
// 「2026-09-16」, 「2026/9/16」, 「2026.09.16」 (meta[name=publishdate] and page text vary).
const NUM_DATE = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;

/** The first date in s: 「（2026年09月16日  05版）」 → '2026-09-16', 「2026-9-6」 → '2026-09-06'; '' when none. */
export function parseChineseDate(s: string): string {
  if (!s) return '';
  // Dates sit near the start of the strings we get (meta values, 「p.sec」 lines); 4 KB is plenty.
  const t = toHalfWidthAlnum(s.length > 4096 ? s.slice(0, 4096) : s);
  const cn = CN_DATE.exec(t);
  if (cn) {
    const iso = isoDate(Number(cn[1]), Number(cn[2]), Number(cn[3]));
    if (iso) return iso;
  }
  const num = NUM_DATE.exec(t);
  return num ? isoDate(Number(num[1]), Number(num[3]), Number(num[4])) : '';
}

interface UrlDateRule {
  re: RegExp;
  /** Indexes of the year, month and day groups. */
  ymd: [number, number, number];
  example: string;
}

// One row per URL scheme, most specific first. Every pattern is linear (no nested repetition).
const URL_RULES: UrlDateRule[] = [
  {
    re: /\/(\d{4})-(\d{1,2})\/(\d{1,2})\//,
    ymd: [1, 2, 3],
    example: 'Founder classic html/2026-07/13/node_2.htm',
  },
  {
    re: /\/(\d{4})(\d{2})\/(\d{2})\//,
    ymd: [1, 2, 3],
    example: 'Founder pc pc/content/202609/16/content_430781.html',
  },
  {
    re: /_(\d{4})(\d{2})(\d{2})_\d/,
    ymd: [1, 2, 3],
    example: 'Founder nw nw.D110000renmrb_20171016_1-01.htm',
  },
  { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/, ymd: [1, 2, 3], example: 'zhuzhou-daily-2022-02-07-A1.txt' },
  {
    re: /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/,
    ymd: [1, 2, 3],
    example: 'hndaily-20260713-58464-19697256.json',
  },
];

/** The issue date a URL or file name carries, YYYY-MM-DD; '' when it carries none. */
export function dateFromUrl(url: string): string {
  if (!url) return '';
  // Only the path: a query's timestamps (?t=20260101) are not the issue date. Bounded for huge input.
  const path = url.slice(0, 2048).split(/[?#]/)[0];
  for (const rule of URL_RULES) {
    // A later match may be valid where the first is not (content ids like 19697256 are 8 digits too).
    const re = new RegExp(rule.re.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(path))) {
      const iso = isoDate(Number(m[rule.ymd[0]]), Number(m[rule.ymd[1]]), Number(m[rule.ymd[2]]));
      if (iso) return iso;
      re.lastIndex = m.index + 1;
    }
  }
  return '';
}
