/**
 * Page furniture: the lines a printed page carries besides its articles (masthead, weather, 出版物号,
 * 责任编辑), in one commented table, and the page label and 版名 a masthead line opens with. Rules of
 * printed newspaper text, shared by the page-text reader (lib/sites/page-text) and the page-PDF
 * reader (lib/pdf), which meet the same lines.
 */
import { normalizeLabel } from './labels';

interface FurnitureRule {
  re: RegExp;
  /** Only in the masthead (before the first article), or anywhere on the page. */
  where: 'masthead' | 'anywhere';
  example: string;
}

// Lines that belong to the page, not to an article. All patterns are short literals or bounded.
const FURNITURE: FurnitureRule[] = [
  {
    re: /出版物号|CN\s?\d{2}\s?[-－]\s?\d{4}|邮发代号|国内统一连续/,
    where: 'anywhere',
    example: 'A1 中共株洲市委主管、主办 国内统一连续出版物号 CN 43-0005',
  },
  {
    re: /^(?:责任编辑|责编|美编|版式|校对|值班编辑|本版编辑|编辑)\s{0,2}[：:]/,
    where: 'anywhere',
    example: '责任编辑：李四',
  },
  { re: /天气|气温|[0-9]℃/, where: 'masthead', example: '今日城区天气：雨夹雪 气温1℃-2℃' },
  {
    re: /星期[一二三四五六日天]|农历|总第\s?\d{1,6}\s?期/,
    where: 'masthead',
    example: '2022年2月7日 星期一 农历壬寅年正月初七',
  },
  { re: /主管|主办|https?:\/\/|www\./, where: 'masthead', example: '中共株洲市委主管、主办' },
  {
    re: /^(?:第\s?)?[A-Za-z]?\d{1,3}\s?版?(?:\s{0,2}[：:]\s{0,2}|\s{1,3}|$)[^\s，。]{0,8}$/,
    where: 'masthead',
    example: '第A01版：要闻, A4 要闻, A1',
  },
];

/** Is this line page furniture (masthead, weather, 责任编辑)? `inMasthead`: before the first article. */
export function isFurniture(line: string, inMasthead: boolean): boolean {
  if (line.length > 120) return false;
  return FURNITURE.some((r) => (inMasthead || r.where === 'anywhere') && r.re.test(line));
}

// 「A1 中共株洲市委主管…」, 「第A01版：要闻」, 「A1版」: the page label opens the line.
const LABEL_HEAD = /^(?:第\s?)?([A-Za-z]?\d{1,3})\s?版?(?:\s{1,3}|[：:]|$)/;

/** Page label and 版名 from a masthead line: 「第A01版：要闻」 → { label: 'A1', name: '要闻' }. */
export function labelFromMasthead(line: string): { label: string; name: string } {
  const m = LABEL_HEAD.exec(line);
  if (!m) return { label: '', name: '' };
  const label = normalizeLabel(m[1]);
  const after = line.slice(m[0].length);
  // A 版名 is short and ends the line: 「第A01版：要闻」, 「A4 要闻」, 「第02版：综 合」 (inner spaces removed,
  // see PageLink.name); 「A1 中共株洲市委主管、主办 …」 has none.
  const name = after.length <= 8 && !/[，。、]/.test(after) ? after.replace(/\s/g, '') : '';
  return { label, name };
}
