// A real WebDAV server for the sync tests: Debian's rclone (`rclone serve webdav`) on 127.0.0.1,
// a free port and a fresh folder per test file. `.ci/run` installs rclone; without it the tests
// skip with a message saying so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HAS_RCLONE = spawnSync('rclone', ['version'], { stdio: 'ignore' }).status === 0;
export const NO_RCLONE =
  'rclone is not installed (apt-get install rclone; .ci/run does): WebDAV tests skipped';

export interface DavServer {
  url: string;
  dir: string;
  user: string;
  pass: string;
  /** Stop the server (the folder stays, so it can start again on the same port). */
  stop(): Promise<void>;
  /** Start again on the same port and folder. */
  start(): Promise<void>;
  /** Stop and remove the folder. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForAnswer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`rclone exited: ${log()}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`rclone did not answer at ${url}: ${log()}`);
}

/** `extra`: more flags for `rclone serve webdav` (e.g. `--dir-cache-time 0s` to list what a test changed on disk). */
export async function startRclone(
  user = 'reader',
  pass = '读者-pass',
  extra: string[] = [],
): Promise<DavServer> {
  const dir = mkdtempSync(join(tmpdir(), 'epaper-dav-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let child: ChildProcess | null = null;
  const start = async () => {
    let out = '';
    const c = spawn(
      'rclone',
      [
        'serve',
        'webdav',
        dir,
        '--addr',
        `127.0.0.1:${port}`,
        '--user',
        user,
        '--pass',
        pass,
        '--config',
        '/dev/null',
        ...extra,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    c.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child = c;
    await waitForAnswer(url, c, () => out);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    url,
    dir,
    user,
    pass,
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
