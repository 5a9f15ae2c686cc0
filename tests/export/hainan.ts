/**
 * The 海南日报 story 「一枚“海南芯”，让“意念控制”照进现实」 (2026-07-13, 001 → 002, duplicate regime: the
 * 001 text holds the whole story, 002 repeats its tail after 「◀上接A01版」) as a stitched Article,
 * built from the crawler JSON, with clips and highlights over its real text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  emptyArticle,
  sourceOf,
  type Article,
  type Clip,
  type Highlight,
  type LibraryData,
} from '../../lib/model';
import { normalizeLabel } from '../../lib/text/labels';

const DIR = join(__dirname, '../fixtures/real/hainan-daily/issue-items/2026-07-13');

interface Item {
  published_date: string;
  page_number: string;
  block: { source: string; title: string; content: string; original_url: string };
}

const read = (f: string): Item => JSON.parse(readFileSync(join(DIR, f), 'utf8'));

/** Short paragraphs without sentence punctuation in this story are its crossheads: 「一位专家，一支团队」. */
const CROSSHEADS = new Set(['一位专家，一支团队', '三款芯片，一条链路', '一家企业，一个产业']);

export function hainanStitched(): Article {
  const first = read('hndaily-20260713-58464-19697256.json');
  const second = read('hndaily-20260713-58465-19697268.json');
  const [byline, ...body] = first.block.content.split('\n\n');
  const tail = second.block.content.split('\n\n').slice(1); // drop 「◀上接A01版」
  const key = '海南日报|2026-07-13|19697256';
  return emptyArticle({
    key,
    paper: first.block.source,
    date: first.published_date,
    pages: [normalizeLabel(first.page_number), normalizeLabel(second.page_number)],
    title: first.block.title,
    bylines: [byline],
    paragraphs: body.map((text) => ({ text, kind: CROSSHEADS.has(text) ? 'crosshead' : 'text' })),
    urls: [first.block.original_url, second.block.original_url],
    parts: [
      {
        page: normalizeLabel(first.page_number),
        url: first.block.original_url,
        from: 0,
        to: body.length,
        regime: 'first',
      },
      {
        page: normalizeLabel(second.page_number),
        url: second.block.original_url,
        from: body.length - tail.length,
        to: body.length,
        regime: 'duplicate',
      },
    ],
  });
}

function highlight(
  a: Article,
  id: string,
  exact: string,
  paragraph: number,
  note = '',
  color: Highlight['color'] = 'yellow',
): Highlight {
  const text = a.paragraphs[paragraph]?.text ?? '';
  const at = Math.max(0, text.indexOf(exact));
  return {
    id,
    articleKey: a.key,
    color,
    selectors: {
      exact,
      prefix: text.slice(Math.max(0, at - 32), at),
      suffix: text.slice(at + exact.length, at + exact.length + 32),
      start: at,
      end: at + exact.length,
      paragraph,
      articleKey: a.key,
    },
    note,
    tags: [],
    createdAt: 1_780_000_000_000,
    updatedAt: 1_780_000_000_000,
  };
}

export function hainanLibrary(): LibraryData {
  const a = hainanStitched();
  const clip = (id: string, indexes: number[], note: string, tags: string[]): Clip => ({
    id,
    articleKey: a.key,
    paragraphs: indexes.map((i) => a.paragraphs[i].text),
    paragraphIndexes: indexes,
    note,
    tags,
    source: sourceOf(a),
    createdAt: 1_780_000_100_000 + indexes[0],
    updatedAt: 1_780_000_100_000 + indexes[0],
  });
  return {
    articles: [
      {
        key: a.key,
        article: a,
        urls: [...a.urls],
        firstSeenAt: 1_780_000_000_000,
        lastSeenAt: 1_780_000_000_000,
      },
    ],
    highlights: [
      // Ends in 「。」: the mark must close before it.
      highlight(a, 'h-applause', '掌声雷动。', 0),
      highlight(a, 'h-chip', '128通道神经信号采集刺激芯片', 1, '唯一获奖的芯片类产品'),
      // The real text has a U+200C inside 「管理局\u200c）」; the stored quote is normalised without it.
      highlight(a, 'h-fda', '美国食品药品监督管理局）', 6, '', 'green'),
      highlight(a, 'h-next', '下一步怎么走？', 9, '转折：从技术到产业', 'pink'),
      highlight(a, 'h-gone', '这句话在正文里找不到', 3, '网站改版前的划线'),
    ],
    clips: [
      clip('c-award', [0, 1], '获奖：全国脑机接口十大创新产品奖。\n另见 #话题# 报道', ['脑机接口', '海南']),
      clip('c-capital', [13, 14], '“先投后股”与耐心资本', ['科技金融']),
    ],
  };
}
