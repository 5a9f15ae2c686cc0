/** The `issue` command's progress: a bar redrawn in place on a terminal, plain lines otherwise. */
import { describe, expect, it } from 'vitest';
import { progress } from '../../cli/issue/progress';

const at = (done: number, failed = 0) => ({ total: 4, done, failed, url: `http://x/node_${done}.htm` });

describe('issue progress', () => {
  it('on a terminal: one line redrawn with \\r, a newline only at the end or before a note', () => {
    let out = '';
    const p = progress({ write: (t) => void (out += t), tty: true }, '2026-07-09');
    p.update(at(1));
    p.update(at(2, 1));
    p.note('epaper-reader: page 2: HTTP 404');
    p.update(at(4, 1));
    p.end();
    expect(out).toBe(
      '\r[########......................] 2026-07-09: 1/4 pages and articles\x1b[K' +
        '\r[###############...............] 2026-07-09: 2/4 pages and articles, 1 failed\x1b[K' +
        '\nepaper-reader: page 2: HTTP 404\n' +
        '\r[##############################] 2026-07-09: 4/4 pages and articles, 1 failed\x1b[K\n',
    );
  });

  it('elsewhere: one plain line per page, no carriage return or escape', () => {
    let out = '';
    const p = progress({ write: (t) => void (out += t), tty: false }, 'epaper-reader');
    p.update(at(1));
    p.update(at(2, 1));
    p.end();
    expect(out).toBe(
      'epaper-reader: 1/4 pages and articles http://x/node_1.htm\n' +
        'epaper-reader: 2/4 pages and articles, 1 failed http://x/node_2.htm\n',
    );
  });
});
