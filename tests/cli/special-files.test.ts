/**
 * Files that are not page files: a FIFO (opening one for reading waits for a writer), a device
 * (/dev/zero never ends), a socket, a file past MAX_PAGE_BYTES. Each must end at once in exit 2 with
 * one line on stderr, before any byte is read. The short test timeouts are the assertion that
 * nothing waits or reads: a hang or a read of /dev/zero fails by timing out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBytes, MAX_PAGE_BYTES } from '../../cli/read';
import { runCli, SEED, tempDir } from './run';

const tmp = tempDir();
const fifo = tmp.path('page.fifo');
const sock = tmp.path('page.sock');
const big = tmp.path('huge.htm');
let server: Server;

beforeAll(async () => {
  execFileSync('mkfifo', [fifo]);
  // A file one byte over the limit, sparse: costs no disk and no time to make.
  writeFileSync(big, '');
  truncateSync(big, MAX_PAGE_BYTES + 1);
  server = createServer();
  await new Promise<void>((done) => server.listen(sock, done));
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  tmp.remove();
});

describe('files that are not page files', { timeout: 5_000 }, () => {
  it.each([
    ['a FIFO', () => fifo, (f: string) => `${f} is a named pipe (FIFO), not a page file`],
    ['/dev/zero', () => '/dev/zero', (f: string) => `${f} is a character device, not a page file`],
    ['/dev/null', () => '/dev/null', (f: string) => `${f} is a character device, not a page file`],
    ['a socket', () => sock, (f: string) => `${f} is a socket, not a page file`],
    ['a directory', () => tmp.dir, (f: string) => `${f} is a directory, not a page file`],
    [
      'a file one byte over the limit',
      () => big,
      (f: string) => `${f} is 32 MB, larger than any page file (the limit is 32 MB)`,
    ],
  ])('%s: exit 2, one line on stderr, nothing read', async (_name, path, line) => {
    const file = path();
    expect(existsSync(file)).toBe(true);
    const r = await runCli(['parse', file]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `epaper-reader: ${line(file)}\n` });
  });

  it('a FIFO among good files: nothing on stdout, only the error', async () => {
    const r = await runCli(['parse', SEED, fifo]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/named pipe \(FIFO\)/);
  });

  it('a regular file under the limit is read whole', async () => {
    const file = tmp.path('small.txt');
    writeFileSync(file, '第A1版：要闻\n');
    const r = await loadBytes(file);
    expect(r.ok && Buffer.from(r.value).toString('utf8')).toBe('第A1版：要闻\n');
  });

  it('the CLI as a process ends on a FIFO and on /dev/zero', { timeout: 60_000 }, () => {
    for (const file of [fifo, '/dev/zero']) {
      const r = spawnSync('npx', ['tsx', 'cli/main.ts', 'parse', file], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^epaper-reader: .* not a page file\n$/);
    }
  });
});
