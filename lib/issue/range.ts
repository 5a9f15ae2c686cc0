/**
 * Ranges of issues for families whose URL carries the date: the same page of another day is the
 * same URL with the date rewritten in the form it is printed there (Founder classic
 * html/2026-07/09/, pc layout/202609/16/, nbs _20171016_). Pure; dates are YYYY-MM-DD.
 */
import { isoDate } from '../text/dates';

// The date forms of the families' URLs, most specific first; each keeps its separators.
const FORMS: { re: RegExp; write: (y: string, m: string, d: string) => string }[] = [
  // html/2026-07/09/node_58464.htm (Founder classic, nbs)
  { re: /\/(\d{4})-(\d{2})\/(\d{2})\//, write: (y, m, d) => `/${y}-${m}/${d}/` },
  // pc/layout/202609/16/node_06.html (Founder pc)
  { re: /\/(\d{4})(\d{2})\/(\d{2})\//, write: (y, m, d) => `/${y}${m}/${d}/` },
];
// nw.D110000renmrb_20171016_1-01.htm: the article file names carry the date too.
const FILE_DATE = /_(\d{4})(\d{2})(\d{2})_/;

/** The URL of the same page on `date`, or '' when the URL carries no date we can rewrite. */
export function urlForDate(url: string, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return '';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '';
  }
  const form = FORMS.find((f) => f.re.test(u.pathname));
  if (!form) return '';
  u.pathname = u.pathname.replace(form.re, form.write(m[1], m[2], m[3]));
  u.pathname = u.pathname.replace(FILE_DATE, `_${m[1]}${m[2]}${m[3]}_`);
  u.search = '';
  u.hash = '';
  return u.href;
}

/** Is `s` a real calendar date YYYY-MM-DD? */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return Boolean(m && isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
}

/** Every date from `from` to `to`, both included; [] when `to` is before `from`. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** How many days from `from` to `to`, both included (no list built: a 100-year range is cheap to count). */
export function daysBetween(from: string, to: string): number {
  const n = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
}
