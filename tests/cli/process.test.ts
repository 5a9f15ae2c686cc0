/**
 * The CLI as a real child process: exit codes, one-line errors without a stack trace, and the
 * `bin` entry (cli/bin.mjs) that runs the TypeScript through tsx.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SEED } from './run';

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('epaper-reader as a process', { timeout: 120_000 }, () => {
  it('tsx cli/main.ts parse SEED: exit 0, JSON on stdout, nothing on stderr', () => {
    const r = run('npx', ['tsx', 'cli/main.ts', 'parse', SEED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.articles).toHaveLength(8);
    expect(json.articles[0].continuesTo).toBe('A4');
  });

  it.each([
    [['parse', 'no/such/page.htm'], 'epaper-reader: no/such/page.htm: no such file'],
    [['parse', '--format', 'xml', SEED], 'epaper-reader: --format must be json or md, not "xml"'],
  ])('tsx cli/main.ts %j: exit 2, one line on stderr, no stack trace', (argv, line) => {
    const r = run('npx', ['tsx', 'cli/main.ts', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(line + '\n');
  });

  it('cli/bin.mjs (the package bin) runs the same CLI', () => {
    const ok = run('node', ['cli/bin.mjs', 'parse', '--format', 'md', SEED]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.startsWith('---\ntitle: "乡村振兴“开卷” 株洲这样作答"\n')).toBe(true);
    const bad = run('node', ['cli/bin.mjs', 'parse']);
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr: 'epaper-reader: no files given (usage: epaper-reader parse FILE...)\n',
    });
  });
});
