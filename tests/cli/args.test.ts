import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../cli/args';

describe('parseArgs', () => {
  it.each([
    [['parse', 'a.htm'], { command: 'parse', format: 'json', files: ['a.htm'] }],
    [
      ['parse', '--format', 'md', 'a.htm', 'b.txt'],
      { command: 'parse', format: 'md', files: ['a.htm', 'b.txt'] },
    ],
    [['parse', 'a.htm', '--format=md'], { command: 'parse', format: 'md', files: ['a.htm'] }],
    [['parse', '--', '--odd-name.htm'], { command: 'parse', format: 'json', files: ['--odd-name.htm'] }],
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
  ])('%j is an error: %s', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ ok: false, error });
  });
});
