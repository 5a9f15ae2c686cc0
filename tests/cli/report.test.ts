/**
 * `parse --url URL FILE` and `parse --report OUT FILE` on issue 10's real pages (read in place from
 * ../shared) and on a page that names its own address.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_FORMAT } from '../../lib/export/report';
import { HAVE_SHARED, NO_SHARED, SHARED_FIXTURES } from '../helpers/shared';
import { runCli, runJson, tempDir } from './run';

const BJRB = `${SHARED_FIXTURES}real/bjrb-2019/article-2019-01-07-571502.html`;
const BJRB_URL = 'http://bjrb.bjd.com.cn/html/2019-01/07/content_571502.htm';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe.skipIf(!HAVE_SHARED)(`北京日报 2019 ${HAVE_SHARED ? '' : NO_SHARED}`, () => {
  it('--url reads the file as the page at that address: URL, article URL and the [N/OL] citation', async () => {
    const { code, json } = await runJson(['parse', '--url', BJRB_URL, BJRB]);
    expect(code).toBe(0);
    const page = json.pages[0];
    expect([page.url, page.adapter, page.kind, page.paper, page.date, page.page]).toEqual([
      BJRB_URL,
      'founder-classic',
      'article',
      '北京日报',
      '2019-01-07',
      '14',
    ]);
    const md = await runCli(['parse', '--format', 'md', '--url', BJRB_URL, BJRB]);
    expect(md.stdout).toContain(
      `2018年理论学术研究观点要览(上)[N/OL]. 北京日报, 2019-01-07(14)[2026-11-29]. <${BJRB_URL}>.`,
    );
  });

  it('--report writes one file: URL, adapter, how it read, what it read and the page’s HTML', async () => {
    const out = tmp.path('report.json');
    const r = await runCli(['parse', '--report', out, '--url', BJRB_URL, BJRB]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `epaper-reader: wrote ${out}: attach it to your report of this page (it holds the page's HTML)\n`,
    );
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect([report.format, report.version, report.url, report.adapter]).toEqual([
      REPORT_FORMAT,
      1,
      BJRB_URL,
      'founder-classic',
    ]);
    expect(report.trace.kind).toBe('article (article URL)');
    expect(report.read.articles[0].title).toBe('2018年理论学术研究观点要览(上)');
    expect(report.html).toBe(readFileSync(BJRB, 'utf8'));
    expect(report.at).toBe('2026-11-29T00:00:00.000Z');
  });
});

describe('--report refuses what it cannot do, and loses nothing', () => {
  it('never writes over an existing file', async () => {
    const page = tmp.path('page.html');
    writeFileSync(page, '<html><body><founder-content><p>　　正文。</p></founder-content></body></html>');
    const out = tmp.path('mine.json');
    writeFileSync(out, 'my notes');
    const r = await runCli(['parse', '--report', out, page]);
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `epaper-reader: ${out} exists already: the report is never written over a file\n`,
    ]);
    expect(readFileSync(out, 'utf8')).toBe('my notes');
  });

  it('says when the folder is not there', async () => {
    const page = tmp.path('page.html');
    writeFileSync(page, '<html><body><p>正文。</p></body></html>');
    const out = tmp.path('no/such/dir/r.json');
    const r = await runCli(['parse', '--report', out, page]);
    expect([r.code, r.stderr]).toEqual([2, `epaper-reader: ${out}: cannot write the report (ENOENT)\n`]);
  });

  it('an empty file has nothing to report', async () => {
    const page = tmp.path('empty.html');
    writeFileSync(page, '');
    const out = tmp.path('r.json');
    const r = await runCli(['parse', '--report', out, page]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing was read, so there is no report to write');
    expect(existsSync(out)).toBe(false);
  });
});

describe('a saved page that names its own address', () => {
  it('is read under its canonical URL when no --url and no "saved from" mark is given', async () => {
    const url = 'http://paper.people.com.cn/rmrb/html/2017-10/16/nw.D110000renmrb_20171016_1-01.htm';
    const page = tmp.path('saved.html');
    writeFileSync(
      page,
      `<html><head><link rel="canonical" href="${url}"><title>标题</title></head><body><div class="text_c"><h1>标题</h1>` +
        '<div id="ozoom"><founder-content><p>　　正文第一段，说了一件事。</p></founder-content></div></div></body></html>',
    );
    const { json } = await runJson(['parse', page]);
    expect([json.pages[0].url, json.pages[0].adapter, json.pages[0].date, json.pages[0].page]).toEqual([
      url,
      'founder-nbs',
      '2017-10-16',
      '1',
    ]);
  });
});
