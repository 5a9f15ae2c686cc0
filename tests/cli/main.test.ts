import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { savedFromUrl } from '../../cli/read';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_A1, PAGE_A2, runCli, runJson, SEED, tempDir } from './run';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('epaper-reader parse (in-process)', () => {
  it('reads the seed page: 8 articles, the front-page story continues on A4, which was not given', async () => {
    const { code, stderr, json } = await runJson(['parse', SEED]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json.pages).toEqual([
      {
        file: SEED,
        url: pathToFileURL(resolve(SEED)).href,
        adapter: 'page-text',
        kind: 'text',
        paper: '株洲日报',
        date: '2022-02-07',
        page: 'A1',
        pageName: '',
        blocks: [],
      },
    ]);
    expect(json.articles).toHaveLength(8);
    const first = json.articles[0];
    expect(first.title).toBe('乡村振兴“开卷” 株洲这样作答');
    expect(first.bylines).toEqual(['株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志']);
    expect(first.pages).toEqual(['A1']);
    expect(first.continuesTo).toBe('A4');
    // Paragraphs are {text, kind}; the column break 「防止规\n\n模性返贫」 is joined back.
    expect(first.paragraphs).toContainEqual({
      text: '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线，巩固拓展脱贫攻坚成果是基石。',
      kind: 'text',
    });
    expect(json.problems).toHaveLength(1);
    expect(json.problems[0].file).toBe('');
    expect(json.problems[0].message).toContain('A4');
  });

  it('prints Markdown notes with quoted front matter and a print citation for a local file', async () => {
    const { code, stdout, stderr } = await runCli(['parse', '--format', 'md', SEED]);
    expect(code).toBe(0);
    expect(stdout.startsWith('---\ntitle: "乡村振兴“开卷” 株洲这样作答"\n')).toBe(true);
    expect(stdout.match(/^# /gm)).toHaveLength(8);
    // A file:// URL is not where the page was published: [N], not [N/OL], and no 引用日期.
    // (lib/export may escape the brackets so Markdown does not read them as a link: \[N\].)
    expect(stdout).toMatch(
      /^李军, 谭雪平, 陈志\. 乡村振兴“开卷” 株洲这样作答\\?\[N\\?\]\. 株洲日报, 2022-02-07\(A1\)\.$/m,
    );
    expect(stdout).not.toContain('file:');
    expect(stdout).not.toContain('accessed:');
    // Problems go to stderr, so they stay out of the notes.
    expect(stderr).toMatch(/^epaper-reader: .*A4.*\n$/);
  });

  it.each([
    ['cnta-2017/node_1.htm', '中国旅游报', '2017-10-13', 5],
    ['jjjcb-2017-embedded/node_2.htm', '中国纪检监察报', '2017-07-22', 7],
    ['jxrb-2017/node_187.htm', '江西日报', '2017-10-09', 5],
    ['rmrb-2017/nbs.D110000renmrb_01.htm', '人民日报', '2017-10-16', 5],
    ['rmrb-2017/nbs.D110000renmrb_07.htm', '人民日报', '2017-10-18', 9],
    ['rmrb-2024/node_01.html', '人民日报', '2024-12-25', 7],
    ['zqb-cyol/node_06.html', '中国青年报', '2026-09-16', 3],
  ])(
    'lists the blocks of layout page %s once each, hrefs resolved as file URLs',
    async (rel, paper, date, n) => {
      const file = `tests/fixtures/real/${rel}`;
      const { code, json } = await runJson(['parse', file]);
      expect(code).toBe(0);
      const [page] = json.pages;
      expect(page).toMatchObject({ file, kind: 'layout', paper, date });
      expect(page.blocks).toHaveLength(n);
      expect(new Set(page.blocks.map((b) => b.href)).size).toBe(n);
      for (const b of page.blocks) {
        expect(b.title.length).toBeGreaterThan(0);
        expect(b.href).toMatch(/^file:\/\//);
      }
    },
  );

  it('reads a saved page under the URL its "saved from" mark gives, as the extension would', async () => {
    const html = readFileSync('tests/fixtures/real/zqb-cyol/node_06.html', 'utf8');
    const mark = '<!-- saved from url=(0055)https://zqb.cyol.com/pc/layout/202609/16/node_06.html -->\r\n';
    writeFileSync(tmp.path('saved.html'), mark + html);
    const { code, json } = await runJson(['parse', tmp.path('saved.html')]);
    expect(code).toBe(0);
    expect(json.pages[0]).toMatchObject({ kind: 'layout', page: '6', pageName: '冰点周刊' });
    expect(json.pages[0].blocks.map((b) => b.href)).toContain(
      'https://zqb.cyol.com/pc/content/202609/16/content_430784.html',
    );
  });

  it.each([
    [
      '<!-- saved from url=(0055)https://zqb.cyol.com/pc/layout/202609/16/node_06.html -->',
      'https://zqb.cyol.com/pc/layout/202609/16/node_06.html',
    ],
    ['<!-- saved from url=(0014)about:internet -->', ''],
    ['<html><!-- no mark -->', ''],
  ])('savedFromUrl(%s) = %j', (head, url) => {
    expect(savedFromUrl(head + '\n<html>')).toBe(url);
  });

  it('reads the zqb article page once: 引题, title, page 5, not doubled by the hidden copy', async () => {
    const { json } = await runJson(['parse', 'tests/fixtures/real/zqb-cyol/content_430781.html']);
    expect(json.articles).toHaveLength(1);
    const [a] = json.articles;
    expect(a).toMatchObject({
      leadTitle: '冰点特稿第1354期',
      title: '谁的房子谁的家',
      pages: ['5'],
      date: '2026-09-16',
    });
    const texts = a.paragraphs.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('stitches a story across two given text pages, listing it once with both pages, in either order', async () => {
    writeFileSync(tmp.path('A1.txt'), PAGE_A1);
    writeFileSync(tmp.path('A2.txt'), PAGE_A2);
    for (const order of [
      ['A1.txt', 'A2.txt'],
      ['A2.txt', 'A1.txt'],
    ]) {
      const { code, json } = await runJson(['parse', ...order.map(tmp.path)]);
      expect(code).toBe(0);
      const story = json.articles.filter((a) => a.title === '乡村振兴“开卷” 株洲这样作答');
      expect(story).toHaveLength(1);
      expect(story[0].pages).toEqual(['A1', 'A2']);
      const texts = story[0].paragraphs.map((p) => p.text);
      expect(texts).toContain(
        '春节，人们跨越山海奔赴家乡。将乡愁栖居之地建设成为“强富美”，正是乡村振兴的愿景所在。',
      );
      expect(texts).toContain('全面推进乡村振兴，株洲最大的优势在哪？知株侠为你道来。');
      expect(json.problems).toEqual([]);
    }
  });

  it('prints --help on stdout and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Usage: epaper-reader parse [--format json|md] [--report OUT] [--url URL] FILE...',
    );
    expect(r.stderr).toBe('');
  });

  it.each([
    [
      ['parse', 'tests/fixtures/no-such-page.htm'],
      'epaper-reader: tests/fixtures/no-such-page.htm: no such file\n',
    ],
    [['parse', 'tests/fixtures'], 'epaper-reader: tests/fixtures is a directory, not a page file\n'],
    [['parse', '--verbose', SEED], 'epaper-reader: unknown option "--verbose" (try: epaper-reader --help)\n'],
    [['parse'], 'epaper-reader: no files given (usage: epaper-reader parse FILE...)\n'],
    [[], 'epaper-reader: no command given (try: epaper-reader parse FILE...)\n'],
    // One missing file among good ones: nothing on stdout, only the error.
    [['parse', SEED, 'missing.txt'], 'epaper-reader: missing.txt: no such file\n'],
  ])('%j exits 2 with one line on stderr', async (argv, message) => {
    const r = await runCli(argv);
    expect(r).toEqual({ code: 2, stdout: '', stderr: message });
  });
});
