import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../cli/args';

/** A parse command with defaults for what a case does not set. */
function parse(over: { format?: 'json' | 'md'; files: string[]; urls?: string[]; report?: string }) {
  return {
    command: 'parse',
    format: over.format ?? 'json',
    files: over.files,
    urls: over.urls ?? over.files.map(() => ''),
    report: over.report ?? '',
  };
}

describe('parseArgs', () => {
  it.each([
    [['parse', 'a.htm'], parse({ files: ['a.htm'] })],
    [['parse', '--format', 'md', 'a.htm', 'b.txt'], parse({ format: 'md', files: ['a.htm', 'b.txt'] })],
    [['parse', 'a.htm', '--format=md'], parse({ format: 'md', files: ['a.htm'] })],
    [['parse', '--', '--odd-name.htm'], parse({ files: ['--odd-name.htm'] })],
    [
      ['parse', '--url', 'http://bjrb.bjd.com.cn/html/2019-01/07/content_571502.htm', 'a.htm', 'b.htm'],
      parse({
        files: ['a.htm', 'b.htm'],
        urls: ['http://bjrb.bjd.com.cn/html/2019-01/07/content_571502.htm', ''],
      }),
    ],
    [
      ['parse', 'a.htm', '--url=https://x.cn/node_2.htm', 'b.htm'],
      parse({ files: ['a.htm', 'b.htm'], urls: ['', 'https://x.cn/node_2.htm'] }),
    ],
    [['parse', '--report', 'r.json', 'a.htm'], parse({ files: ['a.htm'], report: 'r.json' })],
    [['--help'], { command: 'help' }],
    [['parse', '-h'], { command: 'help' }],
    [['help'], { command: 'help' }],
  ])('%j → %j', (argv, value) => {
    expect(parseArgs(argv)).toEqual({ ok: true, value });
  });

  it.each([
    [[], 'no command given (try: epaper-reader parse FILE...)'],
    [['read', 'a.htm'], 'unknown command "read" (try: epaper-reader --help)'],
    [['parse'], 'no files given (usage: epaper-reader parse FILE...)'],
    [['parse', '--format', 'pdf', 'a.htm'], '--format must be json or md, not "pdf"'],
    [['parse', 'a.htm', '--format'], '--format must be json or md, not ""'],
    [['parse', '--verbose', 'a.htm'], 'unknown option "--verbose" (try: epaper-reader --help)'],
    [
      ['parse', '--url', 'file:///tmp/a.htm', 'a.htm'],
      '--url must be an http or https address, not "file:///tmp/a.htm"',
    ],
    [
      ['parse', '--url', 'paper.people.com.cn/x.htm', 'a.htm'],
      '--url must be an http or https address, not "paper.people.com.cn/x.htm"',
    ],
    [['parse', 'a.htm', '--url'], '--url must be an http or https address, not ""'],
    [['parse', 'a.htm', '--url', 'http://x.cn/a.htm'], '--url must come before the FILE it names'],
    [
      ['parse', '--url', 'http://x.cn/a.htm', '--url', 'http://x.cn/b.htm', 'a.htm'],
      'two --url options before one file (give --url once before each FILE)',
    ],
    [['parse', '--report', 'r.json', 'a.htm', 'b.htm'], '--report describes one page: give one FILE, not 2'],
    [['parse', 'a.htm', '--report'], '--report needs the name of the file to write'],
  ])('%j is an error: %s', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ ok: false, error });
  });
});
