/**
 * Progress of a walk on stderr: a bar redrawn in place on a terminal, plain lines otherwise (a log
 * file or a pipe gets one line per page, no carriage returns).
 */
import type { IssueProgress } from '../../lib/issue';

export interface ProgressOut {
  write(text: string): void;
  /** Is stderr a terminal? */
  tty: boolean;
}

const WIDTH = 30;

/** A progress reporter for one issue. */
export function progress(out: ProgressOut, label: string) {
  let drawn = false;
  const line = (p: IssueProgress) => {
    const fail = p.failed ? `, ${p.failed} failed` : '';
    return `${label}: ${p.done}/${p.total} pages and articles${fail}`;
  };
  return {
    update(p: IssueProgress) {
      if (out.tty) {
        const filled = p.total ? Math.round((WIDTH * p.done) / p.total) : 0;
        out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${line(p)}\x1b[K`);
        drawn = true;
      } else {
        out.write(`${line(p)} ${p.url}\n`);
      }
    },
    note(text: string) {
      out.write(`${drawn ? '\n' : ''}${text}\n`);
      drawn = false;
    },
    end() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}
