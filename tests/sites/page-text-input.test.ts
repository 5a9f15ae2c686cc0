/**
 * The page-text reader on other text than the seed: 海南日报 article texts (crawler JSON `block.content`),
 * the seed in other encodings of white space, and bad input (empty, binary, one huge line, mutations).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPageText } from '../../lib/sites/page-text';
import { stripZeroWidth } from '../../lib/text/normalize';
import { fixtureText } from '../helpers/dom';

const SEED = fixtureText('seed/zhuzhou-daily-2022-02-07-A1.txt');
const SEED_URL = 'file:///x/zhuzhou-daily-2022-02-07-A1.txt';

const HN_DIR = fileURLToPath(new URL('../fixtures/real/hainan-daily/issue-items/', import.meta.url));
const HAINAN = readdirSync(HN_DIR)
  .flatMap((day) => readdirSync(`${HN_DIR}${day}`).map((f) => `${HN_DIR}${day}/${f}`))
  .sort()
  .map((path) => {
    const item = JSON.parse(readFileSync(path, 'utf8'));
    return {
      name: path.split('/').pop()!,
      content: item.block.content as string,
      url: item.block.original_url as string,
    };
  });

describe('海南日报 article texts', () => {
  it('finds the eight items', () => {
    expect(HAINAN).toHaveLength(8);
  });

  it.each(HAINAN)('$name: one article, every line kept, no marker left', ({ content, url }) => {
    const page = readPageText(content, url);
    expect(page.problems).toEqual([]);
    expect(page.articles).toHaveLength(1);
    const [a] = page.articles;
    expect(a.date).toBe(
      url
        .match(/html\/(\d{4})-(\d{2})\/(\d{2})/)!
        .slice(1)
        .join('-'),
    );
    const out = [...a.bylines, ...a.paragraphs.map((p) => p.text)].join('\n');
    // Zero-width characters go (domain.md §6: 「FDA（美国食品药品监督管理局\u200c）」 in 19697256).
    for (const line of stripZeroWidth(content)
      .split('\n')
      .map((l) => l.trim().replace(/^■\s*/, ''))) {
      if (line && !/上接A01版$/.test(line)) expect(out).toContain(line);
    }
    expect(a.paragraphs.some((p) => p.text.includes('上接'))).toBe(false);
  });

  it.each(HAINAN.filter((h) => /^◀?上接A01版/.test(h.content)))(
    '$name: continued from A1',
    ({ content, url }) => {
      const [a] = readPageText(content, url).articles;
      expect(a).toMatchObject({ continuedFrom: 'A1', continuesTo: '', title: '', bylines: [] });
    },
  );

  it.each([
    ['hndaily-19691675.json', '海南日报全媒体记者 陈明艳'],
    ['hndaily-20260713-58464-19697256.json', '海南日报全媒体记者 黄媛艳'],
    ['hndaily-19688151.json', '本报海口7月8日讯（海南日报全媒体记者曹马志 通讯员林清政）'],
    ['hndaily-20260713-58464-19697257.json', '本报讯（海南日报全媒体记者邵长春）'],
  ])('%s: byline %s, paper 海南日报', (name, byline) => {
    const h = HAINAN.find((x) => x.name === name)!;
    const page = readPageText(h.content, h.url);
    expect(page.paper).toBe('海南日报');
    expect(page.articles[0].bylines).toEqual([byline]);
  });

  it('reads a closing dateline on its own line as a credit, not a crosshead', () => {
    const h = HAINAN.find((x) => x.name === 'hndaily-20260713-58464-19697256.json')!;
    const last = readPageText(h.content, h.url).articles[0].paragraphs.at(-1);
    expect(last).toEqual({ text: '（本报三亚7月12日电）', kind: 'credit' });
  });
});

describe('the seed in other clothes', () => {
  const base = readPageText(SEED, SEED_URL).articles;

  it.each([
    ['CRLF line ends and a BOM', `\ufeff${SEED.replace(/\n/g, '\r\n')}`],
    [
      '「　　」 paragraph indents',
      SEED.split('\n')
        .map((l) => (l ? `\u3000\u3000${l}` : l))
        .join('\n'),
    ],
    ['no blank lines between paragraphs', SEED.replace(/\n+/g, '\n')],
    ['zero-width spaces at line ends', SEED.replace(/\n/g, '\u200b\n')],
  ])('%s: the same articles', (_name, text) => {
    expect(readPageText(text, SEED_URL).articles).toEqual(base);
  });

  it('takes the label from the masthead and the date from the URL, or says it has none', () => {
    const page = readPageText(SEED, 'file:///x/seed.txt');
    expect(page.label).toBe('A1');
    expect(page.date).toBe('');
    expect(page.problems).toEqual(['no date: neither the masthead nor the URL carries one']);
  });

  it('prefers a masthead date line to the URL', () => {
    const page = readPageText(`2022年2月7日 星期一\n\n${SEED}`, 'file:///x/seed.txt');
    expect(page.date).toBe('2022-02-07');
    expect(page.articles).toHaveLength(8);
  });
});

describe('bad input: no throw, a clear problem, linear time', () => {
  it.each([
    ['empty', ''],
    ['white space only', ' \n\u3000\n\r\n\t'],
    [
      'masthead only',
      '今日城区天气：雨夹雪 气温1℃-2℃\n\nA1 中共株洲市委主管、主办 国内统一连续出版物号 CN 43-0005',
    ],
  ])('%s → no articles and a problem', (_name, text) => {
    const page = readPageText(text, SEED_URL);
    expect(page.articles).toEqual([]);
    expect(page.problems).toContain('no text on the page');
  });

  it.each([
    ['random bytes', String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))],
    ['UTF-16 read as UTF-8', Buffer.from(SEED, 'utf16le').toString('utf8')],
    ['NUL padding', '\u0000'.repeat(1000)],
    ['an HTML page', '<!DOCTYPE html>\n<html><body><p>春运迎来返程高峰。</p></body></html>'],
  ])('%s → refused as not text', (_name, text) => {
    const page = readPageText(text, SEED_URL);
    expect(page.articles).toEqual([]);
    expect(page.problems[0]).toMatch(/^not page text/);
  });

  it('survives non-string input', () => {
    const page = readPageText(null as unknown as string, undefined as unknown as string);
    expect(page).toMatchObject({ kind: 'text', adapter: 'page-text', articles: [] });
  });

  it('reads one 6 MB line as one paragraph', () => {
    const line = '春运迎来返程高峰，株洲西站预计今年春运发送旅客32万人次'.repeat(200_000);
    const page = readPageText(line, SEED_URL);
    expect(page.articles).toHaveLength(1);
    expect(page.articles[0].paragraphs).toEqual([{ text: line, kind: 'text' }]);
  });

  // Growth with page size is measured in `npm run bench` (page-text cases), not timed here.
  it('reads 64 copies of the seed as 64 × 8 articles', () => {
    expect(readPageText(SEED.repeat(64), SEED_URL).articles).toHaveLength(8 * 64);
  });

  it('never throws on mutations of the seed, and every article stays well-formed', () => {
    const lines = SEED.split('\n');
    const mutation = fc.array(
      fc.record({
        at: fc.nat({ max: lines.length - 1 }),
        op: fc.constantFrom('drop', 'dup', 'cut', 'junk', 'swap'),
        junk: fc.string({ maxLength: 12 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(mutation, (ops) => {
        const ls = [...lines];
        for (const { at, op, junk } of ops) {
          const i = at % ls.length;
          if (op === 'drop') ls.splice(i, 1);
          else if (op === 'dup') ls.splice(i, 0, ls[i]);
          else if (op === 'cut') ls[i] = ls[i].slice(0, ls[i].length >> 1);
          else if (op === 'junk') ls[i] = junk + ls[i];
          else ls.splice(i, 2, ls[i + 1] ?? '', ls[i]);
          if (!ls.length) ls.push('');
        }
        const page = readPageText(ls.join('\n'), SEED_URL);
        expect(page.kind).toBe('text');
        for (const a of page.articles) {
          expect(a.paragraphs.every((p) => typeof p.text === 'string' && p.text.length > 0)).toBe(true);
          expect(a.parts).toHaveLength(1);
          expect(a.key.split('|')).toHaveLength(4);
        }
      }),
      { numRuns: 200 },
    );
  });
});
