/**
 * What a page PDF's file name (or its Title) says: Founder sites name each page's PDF after the paper's
 * code, the date and the page (domain.md §8). One commented table of codes.
 */
import { normalizeLabel } from '../text/labels';

interface PaperCode {
  code: string;
  paper: string;
  example: string;
}

const CODES: PaperCode[] = [
  { code: 'rmrb', paper: '人民日报', example: 'rmrb2018010207.pdf; Title LLRMRB07B20180102D' },
  { code: 'kjrb', paper: '科技日报', example: 'KJRB2023021001.pdf' },
  { code: 'hnrb', paper: '海南日报', example: 'resfile/2023-07-13/001/hnrb20230713001.pdf' },
];

// code + YYYYMMDD + page number (2 or 3 digits) at the end of the name.
const NAME = /([a-z]{2,8})(\d{4})(\d{2})(\d{2})(\d{2,3})\.pdf$/i;

/** Paper, date and label from a PDF's URL or file name; '' for what it does not say. */
export function fromFileName(url: string): { paper: string; date: string; label: string } {
  const path = (url ?? '').split(/[?#]/)[0].slice(-200);
  const m = NAME.exec(path);
  if (!m) return { paper: '', date: '', label: '' };
  const code = CODES.find((c) => m[1].toLowerCase().endsWith(c.code));
  return {
    paper: code?.paper ?? '',
    date: `${m[2]}-${m[3]}-${m[4]}`,
    label: normalizeLabel(String(Number(m[5]))),
  };
}

/** Paper from a PDF's Title (「LLRMRB07B20180102D」 names 人民日报). */
export function paperFromTitle(title: string): string {
  const t = (title ?? '').slice(0, 100).toLowerCase();
  return CODES.find((c) => t.includes(c.code))?.paper ?? '';
}
