/**
 * Bad input through the whole CLI, in-process: nothing may throw, overflow the stack or hang, and
 * every case ends in exit 0 with a clear problem (content) or exit 2 with one line (unreadable file).
 * Big inputs are generated in a temp dir at test time, never committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_A1, runJson, SEED, tempDir } from './run';

const tmp = tempDir();
afterAll(() => tmp.remove());

const ZQB = 'tests/fixtures/real/zqb-cyol/content_430781.html';
const RMRB = 'tests/fixtures/real/rmrb-2017/nbs.D110000renmrb_01.htm';

/** Write `content` to a temp file and run `parse` on it. */
async function parseOne(name: string, content: string | Uint8Array) {
  writeFileSync(tmp.path(name), content);
  return runJson(['parse', tmp.path(name)]);
}

/** The page with its <body> content repeated until the file reaches `bytes`. */
function grown(file: string, bytes: number): string {
  const html = readFileSync(file, 'utf8');
  const open = html.indexOf('>', html.indexOf('<body')) + 1;
  const close = html.lastIndexOf('</body>');
  const body = html.slice(open, close);
  const times = Math.ceil(bytes / Buffer.byteLength(body));
  return html.slice(0, close) + body.repeat(times) + html.slice(close);
}

describe('bad input', () => {
  it('an empty file: no page, the problem "the file is empty"', async () => {
    const { code, json } = await parseOne('empty.htm', '');
    expect(code).toBe(0);
    expect(json).toEqual({
      pages: [],
      articles: [],
      problems: [{ file: tmp.path('empty.htm'), message: 'the file is empty' }],
    });
  });

  it('a binary file (a PNG): "not a text or HTML file"', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const { code, json } = await parseOne('page.png', png);
    expect(code).toBe(0);
    expect(json.pages).toEqual([]);
    expect(json.problems).toEqual([{ file: tmp.path('page.png'), message: 'not a text or HTML file' }]);
  });

  it('a Founder article page in GB2312 (an older site) reads without mojibake', async () => {
    // GBK code table: 人 C8CB 民 C3F1 日 C8D5 报 B1A8 海 BAA3 南 C4CF 。 A1A3 下 CFC2 转 D7AA 版 B0E6.
    const gbk = (hex: string) => Buffer.from(hex.replace(/ /g, ''), 'hex');
    const ascii = (s: string) => Buffer.from(s, 'latin1');
    const bytes = Buffer.concat([
      ascii('<html><head><meta charset="gb2312"></head><body><founder-title>'),
      gbk('c8cb c3f1 c8d5 b1a8'),
      ascii('</founder-title><founder-content><p>'),
      gbk('baa3 c4cf c8d5 b1a8 a1a3'),
      ascii('</p><p>'),
      gbk('cfc2 d7aa'),
      ascii('A4'),
      gbk('b0e6'),
      ascii('</p></founder-content></body></html>'),
    ]);
    const { code, json } = await parseOne('content_1.htm', bytes);
    expect(code).toBe(0);
    expect(json.articles).toHaveLength(1);
    expect(json.articles[0]).toMatchObject({
      title: '人民日报',
      continuesTo: 'A4',
      paragraphs: [{ text: '海南日报。', kind: 'text' }],
    });
  });

  it('the seed saved as UTF-16LE with a BOM reads the same as the UTF-8 original', async () => {
    const text = readFileSync(SEED, 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const original = await runJson(['parse', SEED]);
    // Same file name: the reader takes the date and page from it (zhuzhou-daily-2022-02-07-A1).
    const { code, json } = await parseOne('zhuzhou-daily-2022-02-07-A1.txt', utf16);
    expect(code).toBe(0);
    // The same articles; only the file each was read from (its file: URL) differs.
    const unfiled = (as: typeof json.articles) => as.map((a) => ({ ...a, urls: [] }));
    expect(unfiled(json.articles)).toEqual(unfiled(original.json.articles));
  });

  it('a layout page saved as UTF-16LE without a BOM still yields its 5 blocks', async () => {
    const html = readFileSync(RMRB, 'utf8');
    const { code, json } = await parseOne('nbs.D110000renmrb_01.htm', Buffer.from(html, 'utf16le'));
    expect(code).toBe(0);
    expect(json.pages[0].kind).toBe('layout');
    expect(json.pages[0].blocks).toHaveLength(5);
  });

  it('an article page cut in half (inside a character) keeps the first half of the story', async () => {
    const bytes = readFileSync(ZQB);
    let cut = Math.floor(bytes.length / 2);
    while ((bytes[cut] & 0xc0) !== 0x80) cut++; // land inside a 3-byte character on purpose
    const whole = (await runJson(['parse', ZQB])).json.articles[0];
    const { code, json } = await parseOne('content_430781.html', bytes.subarray(0, cut));
    expect(code).toBe(0);
    expect(json.problems.map((p) => p.message)).toContain(
      'the file ends in the middle of a character (cut short?)',
    );
    expect(json.articles).toHaveLength(1);
    const half = json.articles[0];
    expect(half.title).toBe('谁的房子谁的家');
    expect(half.paragraphs.length).toBeGreaterThan(0);
    expect(half.paragraphs.length).toBeLessThan(whole.paragraphs.length);
    expect(half.paragraphs[0]).toEqual(whole.paragraphs[0]);
  });

  it.each([0.25, 0.5, 0.75])('a layout page cut at %f of its length lists no block twice', async (at) => {
    const html = readFileSync(RMRB, 'utf8');
    const { code, json } = await parseOne(
      'nbs.D110000renmrb_01.htm',
      html.slice(0, Math.floor(html.length * at)),
    );
    expect(code).toBe(0);
    expect(json.pages).toHaveLength(1);
    const hrefs = json.pages[0].blocks.map((b) => b.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(hrefs.length).toBeLessThanOrEqual(5);
  });

  it(
    'a 20 MB page (the zqb article page, body repeated) is read without a crash',
    { timeout: 300_000 },
    async () => {
      const big = grown(ZQB, 20_000_000);
      expect(Buffer.byteLength(big)).toBeGreaterThanOrEqual(20_000_000);
      const { code, json } = await parseOne('content_430781.html', big);
      expect(code).toBe(0);
      expect(json.pages).toHaveLength(1);
      expect(json.articles[0].title).toBe('谁的房子谁的家');
    },
  );

  it(
    '200,000 nested elements: flattened below depth 512 as browsers do, no stack overflow',
    { timeout: 300_000 },
    async () => {
      const { code, json } = await parseOne('deep.html', '<div>'.repeat(200_000) + '　　下转A4版');
      expect(code).toBe(0);
      expect(json.pages).toHaveLength(1);
      const messages = json.problems.map((p) => p.message);
      // html and body are levels 1–2, so divs 1–510 stay; the other 199,490 divs and the text node go
      // under div 510, and div 511 was already its child: 199,490 moved up.
      expect(messages).toContain(
        'elements nested deeper than 512 levels; 199490 of them were flattened, as browsers do',
      );
    },
  );

  it('a cycle of continuations (A1 → A2 → A1) ends, with the story once and a problem naming the cycle', async () => {
    writeFileSync(tmp.path('cycle-A1.txt'), PAGE_A1);
    writeFileSync(tmp.path('cycle-A2.txt'), CYCLE_A2);
    const { code, json } = await runJson(['parse', tmp.path('cycle-A1.txt'), tmp.path('cycle-A2.txt')]);
    expect(code).toBe(0);
    const story = json.articles.filter((a) => a.title === '乡村振兴“开卷” 株洲这样作答');
    expect(story).toHaveLength(1);
    expect(story[0].pages).toEqual(['A1', 'A2']);
    const texts = story[0].paragraphs.map((p) => p.text);
    expect(texts.filter((t) => t.startsWith('春节，人们跨越山海'))).toHaveLength(1);
    expect(json.problems.some((p) => /cycle/.test(p.message))).toBe(true);
  });

  it('a marker pointing at a page not given (the seed alone): the problem says A4 is missing', async () => {
    const { code, json } = await runJson(['parse', SEED]);
    expect(code).toBe(0);
    expect(json.problems).toHaveLength(1);
    expect(json.problems[0].message).toMatch(/下转A4版.*A4.*not/);
  });
});

// Part 2 of the A1 story, whose own marker points back at A1: 「下转A1版」.
const CYCLE_A2 = `第A2版：要闻
2022年2月7日 星期一

上接A1版

全面推进乡村振兴，株洲最大的优势在哪？知株侠为你道来。

下转A1版
`;
