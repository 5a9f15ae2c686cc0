/**
 * `epaper-reader issue` against the demo paper's real HTTP server on 127.0.0.1 (a page answering 500
 * once, a missing page, a page that never answers): the book is written and valid, the cache makes
 * a rerun free, 404s are not retried, 5xx and timeouts are, and each bad input of issue 12 gets its
 * message with nothing fetched that need not be.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { DEMO_PATHS } from '../../demo/render';
import { startDemoServer, type DemoServer } from '../../demo/server';
import { tempDir } from './run';

let server: DemoServer;
let base: string;
const tmp = tempDir();

beforeAll(async () => {
  server = await startDemoServer({ failOnce: [DEMO_PATHS.flaky] });
  base = server.url.slice(0, -1);
});
afterAll(async () => {
  await server.close();
  tmp.remove();
});
afterEach(() => {
  server.requests.length = 0;
});

async function issue(argv: string[], extra: { signal?: AbortSignal } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(['issue', ...argv, '--delay', '0'], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    today: () => '2026-11-29',
    issue: { tty: false, now: Date.now, ...extra },
  });
  return { code, stdout, stderr };
}

const count = (path: string) => server.requests.filter((r) => r === path).length;

describe('epaper-reader issue', { timeout: 60_000 }, () => {
  it('07-09 cold: a valid EPUB of 27 articles; the 500 is retried once; every page asked for once', async () => {
    const out = tmp.path('0709.epub');
    const r = await issue([
      base + DEMO_PATHS.front['2026-07-09'],
      '--cache',
      tmp.path('cache'),
      '--out',
      out,
    ]);
    expect(r.stderr).toContain(`${base}${DEMO_PATHS.flaky}: HTTP 500; retry 1 of 3`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${out}: 海南日报 2026-07-09, 27 articles on 7 pages\n`);
    expect(count(DEMO_PATHS.flaky)).toBe(2);
    // 35 pages and article pages, the cover, one retry; nothing asked for twice but the 500.
    expect(server.requests).toHaveLength(37);
    expect(new Set(server.requests).size).toBe(36);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files)[0]).toBe('mimetype');
    expect(Object.keys(files).filter((n) => n.startsWith('OEBPS/articles/'))).toHaveLength(27);
  });

  it('a rerun from the cache asks the site for nothing', async () => {
    const r = await issue([
      base + DEMO_PATHS.duplicate.part2,
      '--cache',
      tmp.path('cache'),
      '--format',
      'jsonl',
      '--out',
      tmp.path('0709.jsonl'),
    ]);
    expect(r.code).toBe(0);
    expect(server.requests).toEqual([]);
    // JSON Lines has no cover: the 35 pages and article pages.
    expect(r.stderr).toContain('0 requests, 35 from the cache');
    const lines = readFileSync(tmp.path('0709.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(27);
    expect(JSON.parse(lines[3])).toMatchObject({
      title: '一张“纸”里的45亿元自贸港外贸账',
      pages: ['1', '6'],
    });
  });

  it('07-10: the missing page (404) is listed and not retried; the rest is written; exit 1', async () => {
    const r = await issue([
      base + DEMO_PATHS.front['2026-07-10'],
      '--cache',
      tmp.path('cache'),
      '--format',
      'md',
      '--out',
      tmp.path('0710.zip'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`epaper-reader: page 4: HTTP 404 (${base}${DEMO_PATHS.missing.page})`);
    expect(count(DEMO_PATHS.missing.page)).toBe(1);
    const names = Object.keys(unzipSync(readFileSync(tmp.path('0710.zip'))));
    expect(names[0]).toBe('海南日报 2026-07-10/00 目录.md');
    const index = strFromU8(unzipSync(readFileSync(tmp.path('0710.zip')))[names[0]]);
    expect(index).toContain('本版未能载入：HTTP 404');
  });

  it('a page that never answers times out, is retried, listed; a rerun fetches only it', async () => {
    const slow = DEMO_PATHS.split.part2;
    server.setRoute(slow, () => undefined); // never answers
    const cache = tmp.path('cache-slow');
    const argv = [
      base + DEMO_PATHS.front['2026-07-13'],
      '--cache',
      cache,
      '--timeout',
      '300',
      '--retries',
      '1',
    ];
    const r = await issue([...argv, '--out', tmp.path('0713-a.epub')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`timed out after 0.3 s; retry 1 of 1`);
    expect(r.stderr).toMatch(/「.*」 on page 2: timed out after 0.3 s \(2 tries\)/);
    expect(count(slow)).toBe(2);
    server.setRoute(slow, undefined);
    server.requests.length = 0;
    const again = await issue([...argv, '--out', tmp.path('0713-b.epub')]);
    expect(again.code).toBe(0);
    expect(server.requests).toEqual([slow]);
  });

  it('stopped mid-issue: exit 2 with how to go on; the rerun fetches only what is missing', async () => {
    const stop = new AbortController();
    const cache = tmp.path('cache-stop');
    const watch = setInterval(() => server.requests.length >= 10 && stop.abort(), 1);
    const argv = [base + DEMO_PATHS.front['2026-07-13'], '--cache', cache];
    const r = await issue([...argv, '--out', tmp.path('stop-a.epub')], { signal: stop.signal });
    clearInterval(watch);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `stopped; what was fetched is in ${cache}: run the same command again to go on`,
    );
    expect(existsSync(tmp.path('stop-a.epub'))).toBe(false);
    const first = new Set(server.requests);
    server.requests.length = 0;
    const again = await issue([...argv, '--out', tmp.path('stop-b.epub')]);
    expect(again.code).toBe(0);
    // Only the (at most 2) requests in flight at the stop were cut off before their answer was kept.
    expect(server.requests.filter((p) => first.has(p)).length).toBeLessThanOrEqual(2);
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it('a range: one file per issue, days without an issue said and skipped', async () => {
    const dir = tmp.path('range');
    const r = await issue([
      base + DEMO_PATHS.front['2026-07-13'],
      '--from',
      '2026-07-09',
      '--to',
      '2026-07-13',
      '--format',
      'jsonl',
      '--out',
      dir,
      '--cache',
      tmp.path('cache'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `2026-07-11: ${base}/html/2026-07/11/node_58464.htm could not be loaded: HTTP 404`,
    );
    expect(['09', '10', '11', '12', '13'].map((d) => existsSync(`${dir}/2026-07-${d}.jsonl`))).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
  });
});

describe('epaper-reader issue: bad input', { timeout: 60_000 }, () => {
  it('a range of 10 years is refused without --yes, saying how many requests it means, before any', async () => {
    const r = await issue([
      base + DEMO_PATHS.front['2026-07-13'],
      '--from',
      '2016-07-13',
      '--to',
      '2026-07-12',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from 2016-07-13 --to 2026-07-12 is 3652 issues: at least 3652 requests');
    expect(r.stderr).toContain('Pass --yes to go ahead');
    expect(server.requests).toEqual([]);
  });

  it('an output path that exists is refused before any request', async () => {
    const out = tmp.path('exists.epub');
    writeFileSync(out, 'mine');
    const r = await issue([
      base + DEMO_PATHS.front['2026-07-09'],
      '--out',
      out,
      '--cache',
      tmp.path('cache'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `epaper-reader: ${out} exists already; nothing was fetched (choose another --out or remove it)\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(server.requests).toEqual([]);
  });

  it('a URL that is no e-paper page', async () => {
    const r = await issue([`${base}/blog/post.html`, '--cache', tmp.path('cache')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${base}/blog/post.html is not an e-paper page (no known e-paper address)`);
    expect(server.requests).toEqual([]);
  });

  it('an issue whose page list is missing; the page fetched stays in the cache', async () => {
    const path = '/html/2026-07/20/node_58464.htm';
    const front = server.site.get(DEMO_PATHS.front['2026-07-09'])!.body as string;
    server.setRoute(path, {
      contentType: 'text/html; charset=utf-8',
      body: front.replace(/<div id="pageList">[\s\S]*?<\/div>/, '').replaceAll('2026-07-09', '2026-07-20'),
    });
    const argv = [base + path, '--cache', tmp.path('cache')];
    const r = await issue(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no page list (版面导航)');
    server.requests.length = 0;
    await issue(argv);
    expect(server.requests).toEqual([]);
    server.setRoute(path, undefined);
  });

  it.each([
    [['--format', 'pdf', 'http://x/'], 'epaper-reader: --format must be epub, md or jsonl, not "pdf"\n'],
    [['ftp://x/'], 'epaper-reader: "ftp://x/" is not a web address (http:// or https://)\n'],
    [['http://x/', '--from', '2026-07-09'], 'epaper-reader: --from and --to go together\n'],
    [
      ['http://x/', '--from', '2026-02-30', '--to', '2026-03-01'],
      'epaper-reader: --from must be a date YYYY-MM-DD, not "2026-02-30"\n',
    ],
  ])('%j: one line, exit 2', async (argv, line) => {
    const r = await issue(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line);
  });
});
